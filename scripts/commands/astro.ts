/**
 * Astro, run on the package's own site (astro.config.mjs, src/, public/) with the user's folder as
 * its root: Astro writes `.astro/`, `dist/` and its cache (node_modules/.astro) under the root, so
 * each journal keeps its own state and the installed package is only ever read.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../../src/lib/content/env.ts';
import type { Context } from '../context.ts';
import { packageFile } from '../package-root.ts';

/** Astro's command line, run by Node directly (the bench runs it too). */
export const astroBin = join(
	dirname(createRequire(import.meta.url).resolve('astro/package.json')),
	'bin/astro.mjs',
);

/** The site's Astro configuration, which finds the pages and components next to itself. */
export const astroConfig = packageFile('astro.config.mjs');

/**
 * Astro's arguments for `command` in `cwd`, and the environment that names the content root:
 * a `--content DIR` among `args` becomes JOURNAL_CONTENT, as the other commands read it.
 */
export function astroInvocation(
	command: 'build' | 'dev' | 'preview',
	{ args, env, cwd }: Pick<Context, 'args' | 'env' | 'cwd'>,
): { args: string[]; env: Context['env'] } {
	const rest: string[] = [];
	let content: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--content') {
			content = args[++i];
			if (!content) throw new UsageError('--content needs a folder: --content DIR');
		} else if (arg.startsWith('--content=')) content = arg.slice('--content='.length);
		else rest.push(arg);
	}
	return {
		// Astro joins `--config` to the root, so it must be relative to it.
		args: [astroBin, command, '--root', cwd, '--config', relative(cwd, astroConfig), ...rest],
		env: content ? { ...env, JOURNAL_CONTENT: resolve(cwd, content) } : env,
	};
}

/** Runs Astro in a child process with `nodeFlags`, its output shown as it comes; resolves to its exit code. */
export function runAstro(
	command: 'build' | 'dev' | 'preview',
	ctx: Pick<Context, 'args' | 'env' | 'cwd'>,
	nodeFlags: string[] = [],
	extraEnv: Context['env'] = {},
): Promise<number> {
	const { args, env } = astroInvocation(command, ctx);
	return new Promise<number>((resolvePromise, reject) => {
		const astro = spawn(process.execPath, [...nodeFlags, ...args], {
			cwd: ctx.cwd,
			env: { ...env, ...extraEnv },
			stdio: 'inherit',
		});
		// Ctrl-C reaches both; the child's exit ends this one.
		for (const signal of ['SIGINT', 'SIGTERM'] as const)
			process.once(signal, () => astro.kill(signal));
		astro.on('error', reject);
		astro.on('close', (exit) => resolvePromise(exit ?? 1));
	});
}
