/**
 * The journals that the e2e tests read: what each is and how it is built. Each is built the first
 * time a test asks for it (pages.ts), once per test run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildShardedSite, buildSite, type BuildResult, type ShardedBuild } from '../build-site.ts';
import {
	basedJournalFiles,
	FISCAL_TODAY,
	fiscalJournalFiles,
	hostileFixture,
	leaksFixture,
	makeJournal,
	manyMeasurementsFiles,
	minimalFixture,
	sampleContent,
} from '../helpers.ts';
import { makeWorkspace, stepEnv, stepsOn } from '../skeleton.ts';

/** Where the `nothingDue` build moves the minimal fixture's entries (old path → new path). */
export const MOVED_ENTRIES = {
	'entries/2026/q1/batching.md': 'entries/batching.md',
	'entries/2026/q1/baseline.md': 'entries/payments/2026/baseline.md',
	'entries/2025/old-rollout.md': 'entries/archive/old/old-rollout.md',
} as const;

export interface Builds {
	/** tests/fixtures/minimal, today 2026-06-01, with what the build printed. */
	minimal: BuildResult;
	/** A build with JOURNAL_SEARCH=0: `nothingDue`'s. */
	unindexed: BuildResult;
	/** The sample journal, today 2026-11-24. */
	sample: string;
	/** The sample journal built shard by shard (JOURNAL_SHARD), then merged (shards.test.ts). */
	sampleSharded: ShardedBuild;
	/** The `based` journal (below), built shard by shard and merged: its sitemap is whole. */
	basedSharded: ShardedBuild;
	/** The sample journal with JOURNAL_AUDIENCE=public. */
	samplePublic: string;
	/** `sample` and `samplePublic` served under JOURNAL_BASE=/journal/ (links.test.ts). */
	sampleBased: string;
	samplePublicBased: string;
	/**
	 * The minimal fixture served under base /journal/ with a site URL, built by a plain
	 * `astro build` (search indexed inside the build; the other builds use npm run build), plus `hostileEntry` (markup
	 * in a title, for search to show as text) and `AWKWARD_ENTRY` (text that exports must escape).
	 */
	based: string;
	/**
	 * The minimal fixture with today 2025-12-15 (nothing due yet), its entries moved to other
	 * folders (MOVED_ENTRIES): permalinks must not change. Built with JOURNAL_SEARCH=0.
	 */
	nothingDue: BuildResult;
	/** A journal with no entries. */
	empty: string;
	/** The minimal fixture with fiscal years from February and two more entries (fiscalJournalFiles). */
	fiscal: string;
	/** The minimal fixture with manyMeasurementsFiles: a metric page split into pages. */
	manyMeasurements: string;
	/** The journal `init` writes, built with the env of its workflow's build step on main. */
	skeleton: { outDir: string; journal: string };
	/** tests/fixtures/hostile: markup, template syntax and javascript: URLs in every text. */
	hostile: string;
	/**
	 * tests/fixtures/leaks: every internal-only text carries a `zqleak` marker and the draft's a
	 * `zqdraft` marker, images included; built for the internal audience and for the public one.
	 */
	leaks: string;
	leaksPublic: string;
	/** A journal with a dangling `follows`: the build must fail. */
	broken: { code: number; output: string; outDir: string };
	/** The minimal fixture with `language: ja` and JAPANESE_ENTRY, indexed for search. */
	japanese: string;
}

/** An entry written in Japanese, whose words have no spaces between them. */
export const JAPANESE_ENTRY = {
	file: 'entries/2026/q1/faster-checkout.md',
	slug: 'faster-checkout',
	/** A word in the middle of its one sentence: found only when search splits Japanese. */
	word: '短縮',
	text: '---\ntitle: チェックアウトの高速化\ndate: 2026-02-02\nauthors: [ana]\nstatus: shipped\n---\n価格の一括取得でチェックアウトの待ち時間を短縮しました。\n',
};

const succeed = (...args: Parameters<typeof buildSite>) => {
	const result = buildSite(...args);
	if (result.code !== 0) throw new Error(`build of ${args[0]} failed:\n${result.output}`);
	return result;
};
const run = (...args: Parameters<typeof buildSite>) => succeed(...args).outDir;

/**
 * The journal of the `based` builds, made once per run in the run's folder `dir`, so that the
 * single and the sharded build read the same files at the same path.
 */
const basedRoot = (dir: string) => makeJournal(basedJournalFiles, join(dir, 'based-journal'));

/**
 * Builds that are another one: JOURNAL_SEARCH=0 only leaves out the search index, which no test of
 * `nothingDue` reads, so that build is also the unindexed one.
 */
export const SAME_BUILD = { unindexed: 'nothingDue' } as const satisfies Partial<
	Record<keyof Builds, keyof Builds>
>;

/**
 * How each build is made; `dir` is the run's folder. Recipes run one at a time (pages.ts), so a
 * recipe may make a file there without racing another.
 */
export const JOURNALS: {
	[K in Exclude<keyof Builds, keyof typeof SAME_BUILD>]: (dir: string) => Builds[K];
} = {
	minimal: () => succeed(minimalFixture),
	sample: () => run(sampleContent, { JOURNAL_TODAY: '2026-11-24' }),
	sampleSharded: () => buildShardedSite(sampleContent, { JOURNAL_TODAY: '2026-11-24' }),
	samplePublic: () =>
		run(sampleContent, { JOURNAL_TODAY: '2026-11-24', JOURNAL_AUDIENCE: 'public' }),
	sampleBased: () => run(sampleContent, { JOURNAL_TODAY: '2026-11-24', JOURNAL_BASE: '/journal/' }),
	samplePublicBased: () =>
		run(sampleContent, {
			JOURNAL_TODAY: '2026-11-24',
			JOURNAL_AUDIENCE: 'public',
			JOURNAL_BASE: '/journal/',
		}),
	// A plain `astro build`, which indexes for search in-process; the others use npm run build.
	based: (dir) => run(basedRoot(dir), {}, 'astro'),
	basedSharded: (dir) => buildShardedSite(basedRoot(dir)),
	nothingDue: (dir) =>
		succeed(
			makeJournal(
				Object.fromEntries(
					Object.entries(MOVED_ENTRIES).flatMap(([from, to]) => [
						[to, readFileSync(join(minimalFixture, from), 'utf8')],
						[from, null],
					]),
				),
				join(dir, 'moved-journal'),
			),
			{ JOURNAL_TODAY: '2025-12-15', JOURNAL_SEARCH: '0' },
		),
	empty: () =>
		run(
			makeJournal({
				'entries/2026/q1/baseline.md': null,
				'entries/2026/q1/batching.md': null,
				'entries/2025/old-rollout.md': null,
				'entries/2026/q1/unfinished.md': null,
			}),
		),
	manyMeasurements: () => run(makeJournal(manyMeasurementsFiles)),
	fiscal: () =>
		run(makeJournal(fiscalJournalFiles), { JOURNAL_TODAY: FISCAL_TODAY, JOURNAL_SEARCH: '0' }),
	skeleton: () => {
		const workspace = makeWorkspace();
		const build = stepsOn(workspace.workflow.jobs.build!, 'push').find((s) =>
			s.run?.includes('outcome-journal build'),
		);
		if (!build) throw new Error('the skeleton workflow has no build step');
		const env = stepEnv(workspace, build, 'push');
		return { outDir: run(join(workspace.journal, 'content'), env), journal: workspace.journal };
	},
	hostile: () => run(hostileFixture),
	japanese: () =>
		run(
			makeJournal({
				'journal.yml': `${readFileSync(join(minimalFixture, 'journal.yml'), 'utf8')}language: ja\n`,
				[JAPANESE_ENTRY.file]: JAPANESE_ENTRY.text,
			}),
		),
	leaks: () => run(leaksFixture),
	leaksPublic: () => run(leaksFixture, { JOURNAL_AUDIENCE: 'public' }),
	broken: () =>
		buildSite(
			makeJournal({
				'entries/x.md':
					'---\ntitle: T\ndate: 2026-04-01\nauthors: [ana]\nfollows: nowhere\nstatus: shipped\n---\n',
			}),
		),
};

/** A build's recipe: its own, or that of the build it is the same as. */
export type Recipe = keyof typeof JOURNALS;

export function recipeOf(name: keyof Builds): Recipe {
	return (SAME_BUILD as Partial<Record<keyof Builds, Recipe>>)[name] ?? (name as Recipe);
}

/** The builds a test file quotes by name (`'sample'`): those its tests will read. */
export function buildsNamedIn(source: string): (keyof Builds)[] {
	return ([...Object.keys(JOURNALS), ...Object.keys(SAME_BUILD)] as (keyof Builds)[]).filter(
		(name) => source.includes(`'${name}'`),
	);
}
