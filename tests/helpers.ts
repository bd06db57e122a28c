/** Test helpers: fixture journals in temp folders, and the CLI with captured output. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../scripts/cli.ts';
import type { EntryLike } from '../src/lib/facts/entry.ts';
import { PAGE_SIZE } from '../src/lib/site/page-size.ts';
import { TEAM_PAGE } from '../src/lib/site/team-pages.ts';
import { addDays } from '../src/lib/utils/dates.ts';
import type { Entry } from '../src/lib/content/schema.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const minimalFixture = join(repoRoot, 'tests/fixtures/minimal');
export const sampleContent = join(repoRoot, 'content');
export const hostileFixture = join(repoRoot, 'tests/fixtures/hostile');
export const leaksFixture = join(repoRoot, 'tests/fixtures/leaks');

/**
 * A copy of the minimal fixture journal with `files` written over it (null deletes a file), in a
 * new temp folder or at `root`. Each scenario gets its own folder, so every error class has its
 * own fixture journal.
 */
export function makeJournal(
	files: Record<string, string | null> = {},
	root = mkdtempSync(join(tmpdir(), 'journal-')),
): string {
	cpSync(minimalFixture, root, { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		const target = join(root, path);
		if (text === null) rmSync(target);
		else {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, text);
		}
	}
	return root;
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[], env: Record<string, string> = {}, cwd = repoRoot) {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const code = await main(args, { JOURNAL_TODAY: '2026-06-01', ...env }, cwd, {
		stdout: (t) => stdout.push(t),
		stderr: (t) => stderr.push(t),
	});
	return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** An entry as the roll-ups see it, with defaults for the required fields. */
export function makeEntry(slug: string, data: Partial<Entry>): EntryLike {
	return {
		slug,
		data: {
			title: slug,
			date: '2026-01-01',
			authors: ['ana'],
			status: 'shipped',
			visibility: 'internal',
			draft: false,
			...data,
		},
	};
}

/**
 * An entry whose title and text are markup, in the `based` build: search must show it as text.
 * `word` occurs in no other entry of the minimal fixture.
 */
export const hostileEntry = {
	slug: 'hostile',
	title: '<img src=x onerror=alert(1)> Cache warm-up',
	word: 'quokkafrost',
	file: [
		'---',
		"title: '<img src=x onerror=alert(1)> Cache warm-up'",
		'date: 2026-03-20',
		'authors: [cy]',
		'status: shipped',
		'---',
		'The quokkafrost job logs `<img src=x onerror=alert(2)>` and warms the cache before traffic.',
		'',
	].join('\n'),
};

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

/** The `based` build's journal: the minimal fixture served under /journal/ with a site URL. */
/**
 * An entry with no write-up and no summary, only facts (in the `based` build): search must still
 * find it by its title, people, team, feature, metric and tag.
 */
export const BARE_ENTRY = {
	slug: 'bare-facts',
	title: 'Trimmed the zanderfield checks',
	file: [
		'---',
		'title: Trimmed the zanderfield checks',
		'date: 2026-03-21',
		'authors: [bo]',
		'team: growth',
		'features: [one-click]',
		'status: measured',
		'metrics:',
		'  - metric: conversion',
		'    before: 3.0',
		'    after: 3.3',
		'    method: pre_post',
		'tags: [wolverbrook]',
		'---',
		'',
	].join('\n'),
};

export const basedJournalFiles: Record<string, string> = {
	'journal.yml': 'title: Based Journal\nbase: /journal/\nsite: https://journal.example.com\n',
	'entries/2026/q1/hostile.md': hostileEntry.file,
	[`entries/2026/q1/${AWKWARD_ENTRY.slug}.md`]: AWKWARD_ENTRY.file,
	[`entries/2026/q1/${BARE_ENTRY.slug}.md`]: BARE_ENTRY.file,
};

/**
 * A JSON export value as its CSV cell reads back: null empty, text that a spreadsheet would run as
 * a formula behind an apostrophe (the CSV writer's escape_formulas), the rest as text.
 */
export function asCsvCell(value: unknown): string {
	if (value === null) return '';
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
	return String(value);
}

/** Entries the `manyMeasurements` build adds, each measuring latency: three pages of them. */
export const MANY_MEASUREMENTS = PAGE_SIZE.measurements * 2 + 1;

/** Metrics the `manyMeasurements` entries measure beside latency: more than a team page lists. */
export const LOAD_METRICS = Array.from(
	{ length: TEAM_PAGE.metrics + 2 },
	(_, i) => `load-${String(i).padStart(2, '0')}`,
);

/**
 * The `manyMeasurements` build's journal: the minimal fixture plus MANY_MEASUREMENTS entries that
 * measure latency, four a day from 2025-01-01, so its metric page splits and same-day entries tie;
 * they are Payments entries, so that team's page splits by year too, and all are in January
 * 2025, so that month's page splits. Each also measures one of LOAD_METRICS and leaves bo an open
 * step, so that Payments reports more metrics, and bo owns more steps, than its page lists.
 */
export const manyMeasurementsFiles: Record<string, string> = Object.fromEntries([
	...LOAD_METRICS.map((id) => [
		`metrics/${id}.yml`,
		`name: Load ${id.slice(5)}\nunit: count\ndirection: down\n`,
	]),
	...Array.from({ length: MANY_MEASUREMENTS }, (_, i) => {
		const slug = `latency-${String(i).padStart(3, '0')}`;
		const date = addDays('2025-01-01', Math.floor(i / 4));
		const file = [
			'---',
			`title: Latency change ${i}`,
			`date: ${date}`,
			'authors: [ana]',
			'team: payments',
			'status: measured',
			'metrics:',
			'  - metric: latency',
			`    before: ${1500 + i}`,
			`    after: ${1400 + i}`,
			`    measured_on: ${addDays(date, 28)}`,
			`  - metric: ${LOAD_METRICS[i % LOAD_METRICS.length]}`,
			`    before: ${20 + i}`,
			`    after: ${10 + i}`,
			'next:',
			`  - step: Check the load after change ${i}.`,
			'    owner: bo',
			`    due: ${addDays(date, 60)}`,
			'---',
			'Text.',
			'',
		].join('\n');
		return [`entries/2025/many/${slug}.md`, file];
	}),
]);

/**
 * The `fiscal` build's journal, built with today FISCAL_TODAY: the minimal fixture with fiscal
 * years that start in February (FY2027 is February 2026 to January 2027), and two Growth entries.
 * Its quarters: 2026-q4 (Nov 2025 – Jan 2026: old-rollout late, baseline closed), 2027-q1 (Feb –
 * Apr: batching closed, growth-late late), 2027-q2 (May – Jul: no entry, but a step and a result
 * fall due in it) and 2027-q3 (Aug – Oct, today's: growth-new, not yet due, so nothing closed).
 */
export const FISCAL_TODAY = '2026-09-10';
export const fiscalJournalFiles: Record<string, string> = {
	'journal.yml': 'title: Fiscal Journal\nfollow_up_days: 30\nfiscal_year_start_month: 2\n',
	'entries/2026/growth-late.md': [
		'---',
		'title: Shortened the signup form',
		'date: 2026-04-20',
		'authors: [cy]',
		'team: growth',
		'status: shipped',
		'---',
		'Text.',
		'',
	].join('\n'),
	'entries/2026/growth-new.md': [
		'---',
		'title: Tried a new onboarding email',
		'date: 2026-08-25',
		'authors: [cy]',
		'team: growth',
		'status: measuring',
		'next:',
		'  - step: Read the first week of opens',
		'    owner: cy',
		'    due: 2026-09-01',
		'---',
		'Text.',
		'',
	].join('\n'),
};
