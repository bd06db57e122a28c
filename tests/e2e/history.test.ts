/**
 * Outcome history, exports, per-person feeds, evidence badges, citations and permalinks, read
 * from the built sites (the no-JavaScript view). Expectations come from the content itself,
 * through loadJournal; the period picker is tested in a browser in history-browser.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Entry, Method } from '../../src/lib/content/schema.ts';
import { formatDate } from '../../src/lib/site/format.ts';
import { MOVED_ENTRIES } from './journals.ts';
import {
	AWKWARD_ENTRY,
	asCsvCell,
	makeJournal,
	manyMeasurementsFiles,
	minimalFixture,
	sampleContent,
} from '../helpers.ts';
import { PAGE_SIZE } from '../../src/lib/site/page-size.ts';
import { entryRecords, outDir, page, textOf, type SiteBuild } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

/** The strength of each method as the issue defines it, written out here rather than imported. */
const STRENGTH: Record<Method, string> = {
	ab_test: 'strong',
	holdout: 'strong',
	staged_rollout: 'directional',
	pre_post: 'directional',
	estimate: 'weak',
	qualitative: 'weak',
};
const strengthOf = (method: Method | undefined) => (method ? STRENGTH[method] : 'unstated');
const RANK = ['strong', 'directional', 'weak', 'unstated'];

interface Source {
	slug: string;
	data: Entry;
}

function published(root: string, audience: 'internal' | 'public' = 'internal'): Source[] {
	return readJournalFiles(root)
		.entries.map((d) => ({ slug: d.id, data: d.data as Entry }))
		.filter((e) => !e.data.draft && (audience === 'internal' || e.data.visibility === 'public'));
}

const authorsOf = (e: Source) =>
	e.data.authors.map((a) => (typeof a === 'string' ? { person: a, role: undefined } : a));
const newestFirst = (a: Source, b: Source) =>
	b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug);

/** A person's published entries, newest first, as the history should list them. */
function entriesOf(list: Source[], person: string): Source[] {
	return list.filter((e) => authorsOf(e).some((a) => a.person === person)).sort(newestFirst);
}

const sample = published(sampleContent);
const samplePublic = published(sampleContent, 'public');
const samplePeople = readJournalFiles(sampleContent).people.map((p) => p.id);

function readJson(build: SiteBuild, path: string) {
	return JSON.parse(readFileSync(join(outDir(build), path), 'utf8'));
}
function readCsv(build: SiteBuild, path: string): Record<string, string>[] {
	return parseCsv(readFileSync(join(outDir(build), path), 'utf8'), { columns: true });
}
function feedItems(build: SiteBuild, path: string): { title: string; link: string }[] {
	const rss = new XMLParser().parse(readFileSync(join(outDir(build), path), 'utf8'));
	expect(rss.rss.channel.title).toBeTruthy();
	return [rss.rss.channel.item ?? []].flat();
}
const slugOfHref = (href: string | undefined) => href?.match(/\/entries\/([^/]+)\/$/)?.[1];
/** Slugs of the entries a history page lists, in order. */
const historySlugs = (html: HTMLElement) =>
	html
		.querySelectorAll('article.history-entry h4 a')
		.map((a) => slugOfHref(a.getAttribute('href')));
const stat = (html: HTMLElement, key: string) =>
	html.querySelector(`[data-stat="${key}"]`)?.text.trim();
/** The evidence level of each badge under `root`, from its class. */
const badges = (root: HTMLElement | null) =>
	(root?.querySelectorAll('.evidence') ?? []).map((b) =>
		b.classNames
			.split(' ')
			.find((c) => c.startsWith('evidence-'))
			?.slice('evidence-'.length),
	);

describe('the history page without JavaScript', () => {
	it('lists exactly each person’s published entries, newest first, grouped by year', () => {
		let checked = 0;
		for (const person of samplePeople) {
			const html = page('sample', `people/${person}/history`);
			const expected = entriesOf(sample, person);
			expect(historySlugs(html), person).toEqual(expected.map((e) => e.slug));
			const years = [...new Set(expected.map((e) => e.data.date.slice(0, 4)))];
			expect(
				html.querySelectorAll('section[data-year]').map((s) => s.getAttribute('data-year')),
			).toEqual(years);
			for (const section of html.querySelectorAll('section[data-year]')) {
				const year = section.getAttribute('data-year')!;
				expect(historySlugs(section)).toEqual(
					expected.filter((e) => e.data.date.startsWith(year)).map((e) => e.slug),
				);
			}
			// Nothing of anyone else's: every entry link on the page is one of theirs.
			const own = new Set(expected.map((e) => e.slug));
			const linked = html
				.querySelectorAll('main a')
				.map((a) => slugOfHref(a.getAttribute('href')))
				.filter(Boolean);
			expect(
				linked.filter((s) => !own.has(s!)),
				person,
			).toEqual([]);
			checked += expected.length;
		}
		expect(checked).toBeGreaterThan(sample.length);
	});

	it('shows each entry’s date, role, status, verification and permalink', () => {
		const person = 'ana';
		const html = page('sample', `people/${person}/history`);
		for (const entry of entriesOf(sample, person)) {
			const article = html.getElementById(`entry-${entry.slug}`)!.closest('article')!;
			const text = textOf(article);
			const roles = authorsOf(entry)
				.filter((a) => a.person === person && a.role)
				.map((a) => a.role);
			expect(text).toContain(formatDate(entry.data.date));
			expect(text).toContain(roles.length ? roles.join(', ') : 'no role stated');
			expect(article.querySelector('.status')?.text).toBe(entry.data.status);
			expect(text).toContain(entry.data.verified_by ? 'verified by' : 'not independently verified');
			expect(article.querySelector('.permalink a')?.text).toBe(`/entries/${entry.slug}/`);
			for (const step of entry.data.next ?? []) expect(text).toContain(step.step);
		}
	});

	it('sums up all entries at the top: count, statuses, strong evidence and verification', () => {
		for (const person of ['ana', 'kwame', 'mei', 'omar']) {
			const html = page('sample', `people/${person}/history`);
			const list = entriesOf(sample, person);
			const results = list.flatMap((e) => e.data.metrics ?? []);
			const strong = results.filter((m) => strengthOf(m.method) === 'strong').length;
			const verified = list.filter((e) => e.data.verified_by).length;
			expect(stat(html, 'entries')).toBe(String(list.length));
			for (const status of ['shipped', 'measuring', 'measured', 'inconclusive', 'reverted'])
				expect(stat(html, `status-${status}`), `${person} ${status}`).toBe(
					String(list.filter((e) => e.data.status === status).length),
				);
			expect(stat(html, 'strong')).toMatch(new RegExp(`^${strong} of ${results.length} results`));
			expect(stat(html, 'verified')).toMatch(
				new RegExp(`^${verified} of ${list.length} ${list.length === 1 ? 'entry' : 'entries'} `),
			);
			const teams = new Set(list.flatMap((e) => (e.data.team ? [e.data.team] : [])));
			expect(
				html
					.querySelectorAll('[data-touched^="team:"]')
					.map((li) => li.getAttribute('data-touched')!.slice('team:'.length))
					.sort(),
			).toEqual([...teams].sort());
		}
	});

	it('links the CSV, JSON and RSS exports, and hides the picker until its script runs', () => {
		const html = page('sample', 'people/ana/history');
		const hrefs = html.querySelectorAll('.exports a').map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual([
			'/people/ana/history.csv',
			'/people/ana/history.json',
			'/people/ana/rss.xml',
		]);
		expect(html.querySelector('form[data-period-form]')?.hasAttribute('hidden')).toBe(true);
		expect(html.querySelector('[data-history]')?.getAttribute('data-today')).toBe('2026-11-24');
	});

	it('is linked from the person page', () => {
		const links = page('sample', 'people/ana').querySelectorAll('main a');
		expect(links.map((a) => a.getAttribute('href'))).toContain('/people/ana/history/');
	});
});

describe('a history longer than one page holds', () => {
	// The manyMeasurements journal gives ana more entries than PAGE_SIZE.historyEntries.
	const ana = entriesOf(published(makeJournal(manyMeasurementsFiles)), 'ana');
	const years = [...new Set(ana.map((e) => e.data.date.slice(0, 4)))];
	const summary = page('manyMeasurements', 'people/ana/history');
	const yearLinks = (html: HTMLElement) =>
		html.querySelectorAll('nav.history-years a').map((a) => ({
			href: a.getAttribute('href'),
			text: a.text.trim(),
			current: a.getAttribute('aria-current') === 'page',
		}));

	it('is split by year: the summary page sums up every entry and links each year', () => {
		expect(ana.length).toBeGreaterThan(PAGE_SIZE.historyEntries);
		expect(years.length).toBeGreaterThan(1);
		expect(stat(summary, 'entries')).toBe(String(ana.length));
		expect(historySlugs(summary)).toEqual([]);
		expect(yearLinks(summary)).toEqual([
			{ href: '/people/ana/history/', text: 'All years (summary)', current: true },
			...years.map((y) => ({ href: `/people/ana/history/${y}/`, text: y, current: false })),
		]);
		const counts = textOf(summary.querySelector('nav.history-years'));
		for (const y of years) {
			const n = ana.filter((e) => e.data.date.startsWith(y)).length;
			expect(counts).toContain(`${y} (${n} ${n === 1 ? 'entry' : 'entries'})`);
		}
		// The period picker needs every entry on its page: a split history has none.
		expect(summary.querySelector('form[data-period-form]')).toBeNull();
	});

	it('lists each year’s entries on its own page, with that year’s summary: every entry once', () => {
		const listed = years.flatMap((y) => {
			const html = page('manyMeasurements', `people/ana/history/${y}`);
			const expected = ana.filter((e) => e.data.date.startsWith(y));
			expect(html.querySelector('h1')?.text).toBe(`Outcome history: Ana Souza, ${y}`);
			expect(stat(html, 'entries')).toBe(String(expected.length));
			expect(historySlugs(html)).toEqual(expected.map((e) => e.slug));
			// No picker reads them here.
			expect(html.querySelector('[data-history-item]')).toBeNull();
			expect(yearLinks(html).filter((l) => l.current)).toEqual([
				{ href: `/people/ana/history/${y}/`, text: y, current: true },
			]);
			return historySlugs(html);
		});
		expect(listed).toEqual(ana.map((e) => e.slug));
		expect(existsSync(join(outDir('manyMeasurements'), 'people/ana/history/1999'))).toBe(false);
	});

	it('compares each year page with the year before, written at build time', () => {
		const count = (y: string, status?: string) =>
			String(
				ana.filter((e) => e.data.date.startsWith(y) && (!status || e.data.status === status))
					.length,
			);
		expect(summary.querySelector('[data-comparison]')).toBeNull();
		for (const y of years) {
			const before = String(Number(y) - 1);
			const table = page('manyMeasurements', `people/ana/history/${y}`).querySelector(
				'[data-comparison]',
			);
			expect(table?.hasAttribute('hidden')).toBe(false);
			expect(textOf(table?.querySelector('caption') ?? null)).toBe(`${y}, against ${before}.`);
			const rows = new Map(
				table!
					.querySelectorAll('tbody tr')
					.map((tr) => [textOf(tr.querySelector('th')), tr.querySelectorAll('td').map(textOf)]),
			);
			expect(rows.get('Entries')?.slice(0, 2)).toEqual([count(y), count(before)]);
			for (const status of new Set(ana.map((e) => e.data.status)))
				expect(rows.get(status)?.slice(0, 2)).toEqual([count(y, status), count(before, status)]);
		}
	});

	it('exports the whole history from every page', () => {
		const json = readJson('manyMeasurements', 'people/ana/history.json') as { slug: string }[];
		expect([...new Set(json.map((r) => r.slug))]).toEqual(ana.map((e) => e.slug));
		for (const path of ['people/ana/history', `people/ana/history/${years[0]}`])
			expect(
				page('manyMeasurements', path)
					.querySelectorAll('.exports a')
					.map((a) => a.getAttribute('href')),
			).toContain('/people/ana/history.json');
	});

	it('leaves a history that fits one page whole, with no year pages', () => {
		const short = entriesOf(sample, 'ana');
		expect(short.length).toBeLessThanOrEqual(PAGE_SIZE.historyEntries);
		expect(historySlugs(page('sample', 'people/ana/history'))).toHaveLength(short.length);
		expect(
			existsSync(join(outDir('sample'), 'people/ana/history', short[0]!.data.date.slice(0, 4))),
		).toBe(false);
	});
});

describe('history exports', () => {
	it('have one row per entry and metric, entries without metrics kept, for every person', () => {
		for (const person of samplePeople) {
			const rows = readJson('sample', `people/${person}/history.json`);
			const list = entriesOf(sample, person);
			const expected = list.flatMap((e) =>
				(e.data.metrics?.length ? e.data.metrics : [undefined]).map((m) => ({
					person,
					slug: e.slug,
					title: e.data.title,
					date: e.data.date,
					status: e.data.status,
					metric: m?.metric ?? null,
					before: m?.before ?? null,
					after: m?.after ?? null,
					method: m?.method ?? null,
					evidence: m ? strengthOf(m.method) : null,
				})),
			);
			expect(
				rows.map((r: Record<string, unknown>) =>
					Object.fromEntries(Object.keys(expected[0] ?? {}).map((k) => [k, r[k]])),
				),
				person,
			).toEqual(expected);
		}
	});

	it('CSV parses back to the same rows as the JSON', () => {
		for (const person of samplePeople) {
			const json = readJson('sample', `people/${person}/history.json`) as Record<string, unknown>[];
			const csv = readCsv('sample', `people/${person}/history.csv`);
			expect(csv).toEqual(
				json.map((row) =>
					Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsvCell(v)])),
				),
			);
		}
	});

	it('keep commas, quotes, &, < and newlines in a title, and use absolute URLs when site is set', () => {
		// Cy's other entry in this build (hostileEntry) has no metrics: one row, before the awkward ones.
		const isAwkward = (r: Record<string, unknown>) => r.slug === AWKWARD_ENTRY.slug;
		const json = (readJson('based', 'people/cy/history.json') as Record<string, unknown>[]).filter(
			isAwkward,
		);
		const csv = readCsv('based', 'people/cy/history.csv').filter(isAwkward);
		expect(json.map((r) => r.slug)).toEqual([AWKWARD_ENTRY.slug, AWKWARD_ENTRY.slug]);
		expect(csv.map((r) => r.title)).toEqual([AWKWARD_ENTRY.title, AWKWARD_ENTRY.title]);
		expect(csv).toEqual(
			json.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsvCell(v)]))),
		);
		expect(csv[0]!.note!.startsWith(`'=`)).toBe(true);
		expect(json[0]!.url).toBe(`https://journal.example.com/journal/entries/${AWKWARD_ENTRY.slug}/`);
		// Ana only verified it: her history does not include it.
		const ana = readJson('based', 'people/ana/history.json') as { slug: string }[];
		expect(new Set(ana.map((r) => r.slug))).toEqual(new Set(['batching', 'baseline']));
	});
});

describe('per-person feeds', () => {
	it('parse as RSS and list exactly the person’s entries, newest first', () => {
		for (const person of ['ana', 'kwame', 'lan']) {
			const items = feedItems('sample', `people/${person}/rss.xml`);
			const expected = entriesOf(sample, person);
			expect(items.map((i) => i.link.replace(/^https?:\/\/[^/]+/, ''))).toEqual(
				expected.map((e) => `/entries/${e.slug}/`),
			);
			expect(items.map((i) => String(i.title))).toEqual(expected.map((e) => e.data.title));
		}
	});

	it('use absolute links when site is set', () => {
		const links = feedItems('based', 'people/cy/rss.xml').map((i) => i.link);
		expect(links).toContain(`https://journal.example.com/journal/entries/${AWKWARD_ENTRY.slug}/`);
		for (const link of links)
			expect(link).toMatch(/^https:\/\/journal\.example\.com\/journal\/entries\//);
	});
});

describe('a public build', () => {
	it('holds only public entries in every history page, export and feed', () => {
		expect(samplePublic.length).toBeLessThan(sample.length);
		for (const person of samplePeople) {
			const expected = entriesOf(samplePublic, person).map((e) => e.slug);
			expect(historySlugs(page('samplePublic', `people/${person}/history`)), person).toEqual(
				expected,
			);
			const rows = readJson('samplePublic', `people/${person}/history.json`) as { slug: string }[];
			expect([...new Set(rows.map((r) => r.slug))], person).toEqual(expected);
			const csv = readCsv('samplePublic', `people/${person}/history.csv`);
			expect([...new Set(csv.map((r) => r.slug))], person).toEqual(expected);
			expect(
				feedItems('samplePublic', `people/${person}/rss.xml`).map((i) => slugOfHref(i.link)),
				person,
			).toEqual(expected);
		}
	});
});

describe('evidence strength', () => {
	it('each method shows its strength on entry pages, history pages, metric pages and exports', () => {
		let rows = 0;
		for (const entry of sample) {
			const results = entry.data.metrics ?? [];
			const html = page('sample', `entries/${entry.slug}`);
			expect(badges(html.querySelector('table.card-table')), entry.slug).toEqual(
				results.map((m) => strengthOf(m.method)),
			);
			rows += results.length;
		}
		expect(rows).toBeGreaterThan(40);

		for (const person of ['ana', 'priya']) {
			const html = page('sample', `people/${person}/history`);
			for (const entry of entriesOf(sample, person)) {
				const article = html.getElementById(`entry-${entry.slug}`)!.closest('article')!;
				expect(badges(article.querySelector('table')), entry.slug).toEqual(
					(entry.data.metrics ?? []).map((m) => strengthOf(m.method)),
				);
			}
		}

		for (const metric of readJournalFiles(sampleContent).metrics.map((m) => m.id)) {
			const html = page('sample', `metrics/${metric}`);
			for (const row of html.querySelectorAll('table.card-table tbody tr')) {
				const slug = slugOfHref(row.querySelector('th a')?.getAttribute('href'));
				const result = sample
					.find((e) => e.slug === slug)!
					.data.metrics!.find((m) => m.metric === metric)!;
				expect(badges(row), `${metric} ${slug}`).toEqual([strengthOf(result.method)]);
			}
		}

		const records = entryRecords<{
			slug: string;
			strongest_evidence: string | null;
			metrics: { method: Method | null; evidence: string }[];
		}>('sample');
		for (const record of records) {
			for (const m of record.metrics) expect(m.evidence).toBe(strengthOf(m.method ?? undefined));
			const levels = record.metrics.map((m) => RANK.indexOf(m.evidence));
			expect(record.strongest_evidence).toBe(levels.length ? RANK[Math.min(...levels)] : null);
		}
	});

	it('an entry page sums up its strongest evidence next to who verified it', () => {
		for (const entry of sample) {
			const facts = page('sample', `entries/${entry.slug}`).querySelector('dl.facts')!;
			const terms = facts.querySelectorAll('dt').map((dt) => dt.text);
			expect(terms.indexOf('Verified') - terms.indexOf('Evidence')).toBe(1);
			const levels = (entry.data.metrics ?? []).map((m) => RANK.indexOf(strengthOf(m.method)));
			const evidence = facts.querySelectorAll('dd')[terms.indexOf('Evidence')]!;
			expect(badges(evidence), entry.slug).toEqual(
				levels.length ? [RANK[Math.min(...levels)]] : [],
			);
		}
	});

	it('every badge links to the legend, which explains each level', () => {
		const legend = page('sample', 'evidence');
		for (const level of RANK) {
			const text = textOf(legend.getElementById(level));
			expect(
				text.startsWith(level === 'unstated' ? 'evidence not stated' : `${level} evidence`),
			).toBe(true);
			expect(text.length, level).toBeGreaterThan(100);
		}
		const hrefs = page('sample', 'entries/batch-price-lookups')
			.querySelectorAll('a.evidence')
			.map((a) => a.getAttribute('href'));
		expect(hrefs.length).toBeGreaterThan(1);
		for (const href of hrefs)
			expect(href).toMatch(/^\/evidence\/#(strong|directional|weak|unstated)$/);
	});
});

describe('citations', () => {
	it('each entry page has a citation with authors and roles, date, status, evidence and permalink', () => {
		const names = new Map(readJournalFiles(sampleContent).people.map((p) => [p.id, p.data!.name]));
		for (const entry of sample) {
			const html = page('sample', `entries/${entry.slug}`);
			const text = html.querySelector('.citation-text')!.text;
			expect(text).toContain(`“${entry.data.title}`);
			for (const a of authorsOf(entry))
				expect(text).toContain(a.role ? `${names.get(a.person)} (${a.role})` : names.get(a.person));
			expect(text).toContain(formatDate(entry.data.date));
			expect(text).toContain(`Status: ${entry.data.status}`);
			const levels = (entry.data.metrics ?? []).map((m) => RANK.indexOf(strengthOf(m.method)));
			const level = levels.length ? RANK[Math.min(...levels)] : undefined;
			expect(text).toContain(
				`strongest evidence: ${!level ? 'no metrics recorded' : level === 'unstated' ? 'evidence not stated' : `${level} evidence`}`,
			);
			expect(text.endsWith(` /entries/${entry.slug}/`)).toBe(true);
			// Without JavaScript the copy button stays hidden; the text is there to select.
			expect(html.querySelector('[data-copy-citation]')?.hasAttribute('hidden')).toBe(true);
		}
	});

	it('cites the absolute permalink when site is set, and a multi-line title on one line', () => {
		const text = page('based', `entries/${AWKWARD_ENTRY.slug}`).querySelector(
			'.citation-text',
		)!.text;
		expect(text).toContain('Cy Okafor (lead), Bo Chen.');
		expect(text).toContain('“Cut fees, "fast" & <safe>: refunds across regions.”');
		expect(
			text.endsWith(` https://journal.example.com/journal/entries/${AWKWARD_ENTRY.slug}/`),
		).toBe(true);
		const history = page('based', 'people/cy/history');
		expect(history.querySelector('.permalink a')?.text).toBe(
			`https://journal.example.com/journal/entries/${AWKWARD_ENTRY.slug}/`,
		);
	});
});

describe('permalinks', () => {
	it('stay the same when entry files move to other folders', () => {
		const minimal = published(minimalFixture);
		expect(Object.entries(MOVED_ENTRIES).every(([from, to]) => from !== to)).toBe(true);
		for (const entry of minimal) {
			const before = page('minimal', `entries/${entry.slug}`).querySelector('h1')?.text;
			const after = page('nothingDue', `entries/${entry.slug}`).querySelector('h1')?.text;
			expect(after, entry.slug).toBe(entry.data.title);
			expect(before, entry.slug).toBe(entry.data.title);
		}
		expect(
			entryRecords<{ url: string }>('nothingDue')
				.map((r) => r.url)
				.sort(),
		).toEqual(
			entryRecords<{ url: string }>('minimal')
				.map((r) => r.url)
				.sort(),
		);
	});

	it('every alias of a renamed entry still leads to its permalink', () => {
		const aliased = sample.flatMap((e) => (e.data.aliases ?? []).map((alias) => [alias, e.slug]));
		expect(aliased.length).toBeGreaterThan(0);
		for (const [alias, slug] of aliased) {
			expect(existsSync(join(outDir('sample'), 'entries', alias!, 'index.html'))).toBe(true);
			expect(
				page('sample', `entries/${alias}`)
					.querySelector('meta[http-equiv="refresh"]')
					?.getAttribute('content'),
			).toBe(`0; url=/entries/${slug}/`);
		}
	});
});
