/** `npm run new`: scaffold an entry, never overwriting anything. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { isRealDate } from '../../src/lib/utils/dates.ts';
import { getToday, UsageError } from '../../src/lib/content/env.ts';
import { measureBy } from '../../src/lib/content/follow-up.ts';
import { loadJournal, type LoadedJournal } from '../../src/lib/content/load.ts';
import { ID_PATTERN } from '../../src/lib/content/vocabulary.ts';
import { didYouMean } from '../../src/lib/utils/suggest.ts';
import type { Context } from '../context.ts';
import { messages } from '../messages.ts';
import { resolveContentRoot } from './content-root.ts';
import { renderEntry, type TemplateInput } from './entry-template.ts';

const MAX_SLUG = 60;

export async function runNew(ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>): Promise<number> {
	const { title, author, team } = ctx.flags;
	if (!title?.trim()) throw new UsageError('--title "..." is required.');
	if (!author) throw new UsageError('--author ID is required.');
	const date = ctx.flags.date ?? getToday(ctx.env);
	if (!isRealDate(date)) throw new UsageError(`--date "${date}" is not a date as YYYY-MM-DD.`);
	const root = resolveContentRoot(ctx);
	const journal = loadJournal(root);

	const people = journal.people.map((p) => p.id);
	if (!people.includes(author)) {
		ctx.out.stderr(
			`"${author}" is not a known person (people/${author}.yml).${didYouMean(author, people)}`,
		);
		return 1;
	}
	const teams = journal.teams.map((t) => t.id);
	if (team && !teams.includes(team)) {
		ctx.out.stderr(`"${team}" is not a known team (teams/${team}.yml).${didYouMean(team, teams)}`);
		return 1;
	}
	// Visible to the journal's audience: in a public journal, an entry written `internal` by
	// default would silently never appear on the site.
	const visibility = journal.config.audience === 'public' ? 'public' : undefined;
	const slug = ctx.flags.slug;
	if (slug !== undefined && !ID_PATTERN.test(slug)) {
		const like = toSlug(slug);
		throw new UsageError(
			`--slug "${slug}" must use only lowercase letters, digits and "-"${like ? `, like ${like}` : ''}.`,
		);
	}
	const path = writeEntry(
		ctx,
		journal,
		{ title: title.trim(), date, author, team, visibility },
		slug,
	);
	if (!path) return 1;
	ctx.out.stdout(messages.wroteEntry(relative(ctx.cwd, path)));
	if (visibility) ctx.out.stdout(messages.publicEntry);
	return 0;
}

/**
 * Writes `entries/<year>/<slug>.md` from the entry template and returns its path; or prints why
 * not (the slug is taken, the file exists) and returns undefined. Never overwrites a file.
 */
export function writeEntry(
	ctx: Pick<Context, 'cwd' | 'out'>,
	journal: LoadedJournal,
	input: Omit<TemplateInput, 'measureBy'>,
	slug = toSlug(input.title),
): string | undefined {
	// Titles in a script with no Latin spelling (日本語) give no file name of their own.
	if (!slug)
		throw new UsageError(
			`--title "${input.title}" has no Latin letters or digits to make a file name from; name the file with --slug, such as --slug checkout-latency.`,
		);
	const taken = journal.entries.find(
		(e) => e.id === slug || (e.data?.aliases ?? []).includes(slug),
	);
	if (taken) {
		ctx.out.stderr(
			`The slug "${slug}" is already used by ${taken.file}. Choose a different title, or name the file with --slug.`,
		);
		return undefined;
	}

	const dir = join(journal.root, 'entries', input.date.slice(0, 4));
	const path = join(dir, `${slug}.md`);
	mkdirSync(dir, { recursive: true });
	const text = renderEntry({
		...input,
		measureBy: measureBy({ date: input.date }, journal.config.follow_up_days),
	});
	try {
		writeFileSync(path, text, { flag: 'wx' }); // wx: fail rather than overwrite
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		ctx.out.stderr(`${relative(ctx.cwd, path)} already exists; nothing was written.`);
		return undefined;
	}
	return path;
}

/** A file-name slug from a title, cut at a word boundary. */
export function toSlug(title: string): string {
	const slug = slugify(title);
	if (slug.length <= MAX_SLUG) return slug;
	const cut = slug.slice(0, MAX_SLUG + 1);
	return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}
