/**
 * Builds the journals that the e2e tests read, once per test run and one after another (Astro
 * builds of one project share `.astro/`, so they must not run at the same time), and hands their
 * output folders to the tests through `inject('builds')`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { makeJournal, minimalFixture, sampleContent } from './helpers.ts';

/** Where the `nothingDue` build moves the minimal fixture's entries (old path → new path). */
export const MOVED_ENTRIES = {
	'entries/2026/q1/batching.md': 'entries/batching.md',
	'entries/2026/q1/baseline.md': 'entries/payments/2026/baseline.md',
	'entries/2025/old-rollout.md': 'entries/archive/old/old-rollout.md',
} as const;

/** An entry whose title and texts need escaping in CSV, JSON, HTML and XML (in the `based` build). */
export const AWKWARD_ENTRY = {
	slug: 'awkward-title',
	title: 'Cut fees, "fast" & <safe>:\nrefunds across regions',
	file: `---
title: "Cut fees, \\"fast\\" & <safe>:\\nrefunds across regions"
date: 2026-03-20
authors:
  - person: cy
    role: lead
  - bo
team: growth
status: measured
metrics:
  - metric: latency
    before: 1200
    after: 1000
    method: holdout
    note: "=1+1, a \\"quoted\\" note & <b>not bold</b>"
  - metric: conversion
    before: 3.0
    after: 3.1
next:
  - step: "Share the write-up, \\"soon\\""
    owner: cy
links:
  - label: "Report, v2 & <draft>"
    url: https://example.com/report?a=1&b=2
verified_by:
  person: ana
---
Text.
`,
} as const;

export interface Builds {
	/** tests/fixtures/minimal, today 2026-06-01. */
	minimal: string;
	/** The sample journal, today 2026-11-24. */
	sample: string;
	/** The sample journal with JOURNAL_AUDIENCE=public. */
	samplePublic: string;
	/** The minimal fixture served under base /journal/ with a site URL, plus AWKWARD_ENTRY. */
	based: string;
	/**
	 * The minimal fixture with today 2025-12-15 (nothing due yet), its entries moved to other
	 * folders (MOVED_ENTRIES): permalinks must not change.
	 */
	nothingDue: string;
	/** A journal with no entries. */
	empty: string;
	/** A journal with a dangling `follows`: the build must fail. */
	broken: { code: number; output: string; outDir: string };
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Only the builds TEST_BUILDS asked for (all of them by default). */
		builds: Partial<Builds>;
	}
}

/**
 * `TEST_BUILDS=sample,minimal npx vitest run tests/e2e/site.test.ts` builds only those journals,
 * for a quick focused run; unset (as in `npm test`), every journal is built.
 */
function wantedBuilds(): (name: string) => boolean {
	const list = process.env.TEST_BUILDS?.split(',').map((s) => s.trim());
	return (name) => !list || list.includes(name);
}

export default function setup(project: TestProject) {
	const wanted = wantedBuilds();
	const basedRoot = makeJournal({
		'journal.yml': 'title: Based Journal\nbase: /journal/\nsite: https://journal.example.com\n',
		[`entries/2026/q1/${AWKWARD_ENTRY.slug}.md`]: AWKWARD_ENTRY.file,
	});
	const movedRoot = makeJournal(
		Object.fromEntries(
			Object.entries(MOVED_ENTRIES).flatMap(([from, to]) => [
				[to, readFileSync(join(minimalFixture, from), 'utf8')],
				[from, null],
			]),
		),
	);
	const run = (content: string, env: Record<string, string> = {}) => {
		const result = buildSite(content, env);
		if (result.code !== 0) throw new Error(`build of ${content} failed:\n${result.output}`);
		return result.outDir;
	};
	const builds: { [K in keyof Builds]: () => Builds[K] } = {
		minimal: () => run(minimalFixture),
		sample: () => run(sampleContent, { JOURNAL_TODAY: '2026-11-24' }),
		samplePublic: () =>
			run(sampleContent, { JOURNAL_TODAY: '2026-11-24', JOURNAL_AUDIENCE: 'public' }),
		based: () => run(basedRoot),
		nothingDue: () => run(movedRoot, { JOURNAL_TODAY: '2025-12-15' }),
		empty: () =>
			run(
				makeJournal({
					'entries/2026/q1/baseline.md': null,
					'entries/2026/q1/batching.md': null,
					'entries/2025/old-rollout.md': null,
					'entries/2026/q1/unfinished.md': null,
				}),
			),
		broken: () =>
			buildSite(
				makeJournal({
					'entries/x.md':
						'---\ntitle: T\ndate: 2026-04-01\nauthors: [ana]\nfollows: nowhere\nstatus: shipped\n---\n',
				}),
			),
	};
	// Skipped builds are left out; pages.ts says so when a test asks for one.
	project.provide(
		'builds',
		Object.fromEntries(
			Object.entries(builds)
				.filter(([name]) => wanted(name))
				.map(([name, build]) => [name, build()]),
		),
	);
}
