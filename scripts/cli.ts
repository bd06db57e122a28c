#!/usr/bin/env node
/** outcome-journal's command line: argv → context → command. */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { UsageError } from '../src/lib/content/env.ts';
import type { Context } from './context.ts';
import { messages, processOutput, USAGE, type Output } from './messages.ts';

interface Command {
	options: readonly string[];
	/** The name under which the command's one positional argument goes into `flags`. */
	positional?: string;
	/** Takes any number of positional arguments, in `args`. */
	variadic?: boolean;
	/** Hands every argument, flags included, to another program in `args`, unparsed. */
	passthrough?: boolean;
	run: (ctx: Context) => Promise<number>;
}

// Node keeps each module's compiled, type-stripped code between runs (in the system's temp folder),
// so a command loads its modules in a fraction of the time from the second run on.
enableCompileCache();

// Each command is imported when it runs: `check` should not pay for the bench's browser driver.
const COMMANDS: Record<string, Command> = {
	check: {
		options: ['content', 'format'],
		run: async (ctx) => (await import('./commands/check.ts')).runCheck(ctx),
	},
	new: {
		options: ['title', 'author', 'team', 'date', 'slug', 'content'],
		run: async (ctx) => (await import('./commands/new.ts')).runNew(ctx),
	},
	init: {
		options: ['author', 'team', 'audience'],
		positional: 'dir',
		run: async (ctx) => (await import('./commands/init.ts')).runInit(ctx),
	},
	schema: {
		options: ['out'],
		run: async (ctx) => (await import('./commands/schema.ts')).runSchema(ctx),
	},
	'follow-ups': {
		options: ['content', 'format'],
		run: async (ctx) => (await import('./commands/follow-ups.ts')).runFollowUps(ctx),
	},
	build: {
		options: [],
		passthrough: true,
		run: async (ctx) => (await import('./commands/build.ts')).runBuild(ctx),
	},
	dev: {
		options: [],
		passthrough: true,
		run: async (ctx) => (await import('./commands/astro.ts')).runAstro('dev', ctx),
	},
	preview: {
		options: [],
		passthrough: true,
		run: async (ctx) => (await import('./commands/astro.ts')).runAstro('preview', ctx),
	},
	bench: {
		options: ['entries', 'shapes', 'pairs', 'out', 'skip', 'seed', 'port'],
		run: async (ctx) => (await import('./commands/bench.ts')).runBench(ctx),
	},
	shards: {
		options: ['content', 'out'],
		variadic: true,
		run: async (ctx) => (await import('./commands/shards.ts')).runShards(ctx),
	},
};

/** Runs one command and returns its exit code: 0 ok, 1 failed, 2 usage error. */
export async function main(
	argv: string[],
	env: Context['env'] = process.env,
	cwd = process.cwd(),
	out: Output = processOutput,
): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === '-h') {
		out.stdout(USAGE);
		return name === undefined ? 2 : 0;
	}
	const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
	if (!command) {
		out.stderr(messages.unknownCommand(name));
		return 2;
	}
	if (command.passthrough) return command.run({ flags: {}, args: rest, env, cwd, out });
	if (rest.includes('--help') || rest.includes('-h')) {
		out.stdout(USAGE);
		return 0;
	}
	try {
		const { values, positionals } = parseArgs({
			args: rest,
			options: Object.fromEntries(command.options.map((o) => [o, { type: 'string' as const }])),
			strict: true,
			allowPositionals: command.positional !== undefined || command.variadic,
		});
		const flags = values as Context['flags'];
		if (command.positional) {
			if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
			flags[command.positional] = positionals[0];
		}
		const args = command.variadic ? positionals : [];
		return await command.run({ flags, args, env, cwd, out });
	} catch (err) {
		// parseArgs reports unknown flags and missing values as TypeErrors with ERR_PARSE_ARGS_* codes.
		const code = (err as { code?: string }).code ?? '';
		if (err instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
			out.stderr(`${(err as Error).message.split('\n')[0]} (see outcome-journal ${name} --help)`);
			return 2;
		}
		throw err;
	}
}

if (import.meta.main) {
	process.exitCode = await main(process.argv.slice(2));
}
