/** `npm run init -- DIR`: a new journal (content and CI workflow), written only into an empty folder. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { getToday, UsageError } from '../../src/lib/content/env.ts';
import { loadJournal } from '../../src/lib/content/load.ts';
import { IdSchema } from '../../src/lib/content/schema.ts';
import type { Context } from '../cli.ts';
import { messages } from '../messages.ts';
import { writeEntry } from './new.ts';
import {
	renderJournalConfig,
	renderPerson,
	renderTeam,
	renderWorkflow,
	type SkeletonInput,
} from './skeleton-template.ts';

/** Where the workflow file goes, and where the content root sits, inside the new repository. */
export const WORKFLOW_PATH = '.github/workflows/journal.yml';
export const CONTENT_DIR = 'content';

const DEFAULT_AUTHOR = 'your-name';
const DEFAULT_TEAM = 'your-team';
const PLACEHOLDER_GENERATOR = 'your-org/outcome-journal';
const GENERATOR = /^([\w.-]+\/[\w.-]+)(?:@(\S+))?$/;

export async function runInit(
	ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	if (!ctx.flags.dir)
		throw new UsageError('Name the folder for the new journal: npm run init -- DIR');
	const input: SkeletonInput = {
		author: readId('--author', ctx.flags.author ?? DEFAULT_AUTHOR),
		team: readId('--team', ctx.flags.team ?? DEFAULT_TEAM),
	};
	const generator = readGenerator(ctx.flags.generator);
	const date = getToday(ctx.env);

	const dir = resolve(ctx.cwd, ctx.flags.dir);
	const shown = relative(ctx.cwd, dir).startsWith('..') ? dir : relative(ctx.cwd, dir) || '.';
	if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
		ctx.out.stderr(messages.initNotEmpty(shown));
		return 1;
	}

	const content = join(dir, CONTENT_DIR);
	const files: Record<string, string> = {
		[join(CONTENT_DIR, 'journal.yml')]: renderJournalConfig(input),
		[join(CONTENT_DIR, 'people', `${input.author}.yml`)]: renderPerson(input),
		[join(CONTENT_DIR, 'teams', `${input.team}.yml`)]: renderTeam(input),
		[WORKFLOW_PATH]: renderWorkflow(generator.repository, generator.ref),
	};
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), text, { flag: 'wx' }); // wx: never overwrite, even in a race
	}
	const entry = writeEntry(ctx, loadJournal(content), {
		title: 'Started our outcome journal',
		date,
		...input,
		// So that the first deploy, which publishes public entries only, shows something.
		visibility: 'public',
	});
	if (!entry) return 1;

	const written = [...Object.keys(files), relative(dir, entry)].sort();
	ctx.out.stdout(messages.wroteSkeleton(shown, written));
	ctx.out.stdout(messages.skeletonNextSteps(content));
	if (generator.repository === PLACEHOLDER_GENERATOR)
		ctx.out.stdout(messages.setGenerator(WORKFLOW_PATH));
	return 0;
}

function readId(flag: string, value: string): string {
	if (!IdSchema.safeParse(value).success)
		throw new UsageError(`${flag} "${value}" is not an id: use lowercase letters, digits and "-".`);
	return value;
}

/** `--generator OWNER/NAME@REF`; the ref defaults to this version's tag, v<version>. */
function readGenerator(value = PLACEHOLDER_GENERATOR): { repository: string; ref: string } {
	const match = GENERATOR.exec(value);
	if (!match) throw new UsageError(`--generator "${value}" must be OWNER/NAME or OWNER/NAME@REF.`);
	return { repository: match[1]!, ref: match[2] ?? `v${packageVersion()}` };
}

function packageVersion(): string {
	const pkg = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
	return (JSON.parse(pkg) as { version: string }).version;
}
