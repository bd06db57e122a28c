/**
 * `outcome-journal init DIR`: a new journal repository, written only into an empty folder: its
 * content, a package.json that pins this version of outcome-journal, the Node version, a
 * .gitignore, the GitHub workflow and Dependabot's settings.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { getToday, UsageError } from '../../src/lib/content/env.ts';
import { loadJournal } from '../../src/lib/content/load.ts';
import { IdSchema, VISIBILITIES } from '../../src/lib/content/schema.ts';
import type { Audience } from '../../src/lib/content/audience.ts';
import type { Context } from '../context.ts';
import { messages } from '../messages.ts';
import { packageVersion } from '../package-root.ts';
import { writeEntry } from './new.ts';
import {
	GITIGNORE,
	NODE_VERSION,
	readTemplate,
	renderJournalConfig,
	renderPackageJson,
	renderPerson,
	renderTeam,
	type SkeletonInput,
} from './skeleton-template.ts';

/** Where the workflow file goes, and where the content root sits, inside the new repository. */
export const WORKFLOW_PATH = '.github/workflows/journal.yml';
export const DEPENDABOT_PATH = '.github/dependabot.yml';
export const CONTENT_DIR = 'content';

const DEFAULT_AUTHOR = 'your-name';
const DEFAULT_TEAM = 'your-team';
/** A site on GitHub Pages can be read by anyone unless the plan has private Pages. */
const DEFAULT_AUDIENCE: Audience = 'public';

export async function runInit(
	ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	if (!ctx.flags.dir)
		throw new UsageError('Name the folder for the new journal: outcome-journal init DIR');
	const input: SkeletonInput = {
		author: readId('--author', ctx.flags.author ?? DEFAULT_AUTHOR),
		team: readId('--team', ctx.flags.team ?? DEFAULT_TEAM),
		audience: readAudience(ctx.flags.audience),
	};
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
		'package.json': renderPackageJson(packageName(dir), packageVersion()),
		'.nvmrc': `${NODE_VERSION}\n`,
		'.gitignore': GITIGNORE,
		[WORKFLOW_PATH]: readTemplate('github-workflow.yml'),
		[DEPENDABOT_PATH]: readTemplate('dependabot.yml'),
	};
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), text, { flag: 'wx' }); // wx: never overwrite, even in a race
	}
	const entry = writeEntry(ctx, loadJournal(content), {
		title: 'Started our outcome journal',
		date,
		author: input.author,
		team: input.team,
		// So that the first deploy shows something, whatever the audience.
		visibility: 'public',
	});
	if (!entry) return 1;

	const written = [...Object.keys(files), relative(dir, entry)].sort();
	ctx.out.stdout(messages.wroteSkeleton(shown, written));
	ctx.out.stdout(messages.skeletonAudience(input.audience, ctx.flags.audience !== undefined));
	ctx.out.stdout(messages.skeletonNextSteps(shown));
	return 0;
}

function readId(flag: string, value: string): string {
	if (!IdSchema.safeParse(value).success)
		throw new UsageError(`${flag} "${value}" is not an id: use lowercase letters, digits and "-".`);
	return value;
}

function readAudience(value: string | undefined): Audience {
	if (value === undefined) return DEFAULT_AUDIENCE;
	if (!(VISIBILITIES as readonly string[]).includes(value))
		throw new UsageError(`--audience "${value}" must be "public" or "internal".`);
	return value as Audience;
}

/** The new repository's package name: its folder's name, made a valid npm name. */
function packageName(dir: string): string {
	return slugify(basename(dir)) || 'journal';
}
