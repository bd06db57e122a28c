/**
 * Metric, tag, month and follow-up pages, checked against facts computed here, independently of
 * src/lib/rollups, from the raw content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import {
	basedJournalFiles,
	makeJournal,
	manyMeasurementsFiles,
	minimalFixture,
	runCli,
	sampleContent,
} from '../helpers.ts';
import type { Entry } from '../../src/lib/content/schema.ts';
import type { FollowUpReport } from '../../src/lib/site/follow-up-report.ts';
import { PAGE_SIZE } from '../../src/lib/site/page-size.ts';
import { outDir, page, textOf, type SiteBuild } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

const SAMPLE_TODAY = '2026-11-24';
const MINIMAL_TODAY = '2026-06-01';

interface RawEntry {
	slug: string;
	data: Entry;
}

/** Published entries of a content root, read straight from disk (drafts and, if asked, internal ones left out). */
function published(root: string, audience: 'internal' | 'public' = 'internal'): RawEntry[] {
	const journal = readJournalFiles(root);
	return journal.entries
		.map((doc) => ({ slug: doc.id, data: doc.data! }))
		.filter((e) => !e.data.draft && (audience === 'internal' || e.data.visibility === 'public'));
}

/** `date` plus `days`, by plain UTC arithmetic. */
function plusDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const firstAuthor = (e: RawEntry) => {
	const a = e.data.authors[0]!;
	return typeof a === 'string' ? a : a.person;
};

/** The last path segment of an href such as `/journal/entries/batching/`. */
function lastSegment(href: string | undefined): string {
	const match = /\/([^/]+)\/$/.exec(href ?? '');
	if (!match) throw new Error(`unexpected href ${href}`);
	return decodeURIComponent(match[1]!);
}

const sorted = (list: string[]) => [...list].sort();

interface FollowUpItem {
	kind: 'due' | 'step';
	owner: string;
	entry: string;
	step?: string;
	date: string;
}

/** What should be on /follow-ups/: computed from the rules in docs/content-format.md, not from src/lib. */
function expectedFollowUps(entries: RawEntry[], today: string, followUpDays: number) {
	const items: FollowUpItem[] = [];
	for (const e of entries) {
		const by = e.data.measure_by ?? plusDays(e.data.date, followUpDays);
		if ((e.data.status === 'shipped' || e.data.status === 'measuring') && by < today)
			items.push({ kind: 'due', owner: firstAuthor(e), entry: e.slug, date: by });
		for (const s of e.data.next ?? []) {
			if (!s.done && s.due !== undefined && s.due < today)
				items.push({
					kind: 'step',
					owner: s.owner ?? firstAuthor(e),
					entry: e.slug,
					step: s.step,
					date: s.due,
				});
		}
	}
	const oldest = new Map<string, string>();
	for (const i of items)
		if (!oldest.has(i.owner) || i.date < oldest.get(i.owner)!) oldest.set(i.owner, i.date);
	const owners = [...oldest].sort(([a, da], [b, db]) => da.localeCompare(db) || a.localeCompare(b));
	return { items, owners: owners.map(([o]) => o) };
}

/** What /follow-ups/ shows, read back from its markup. */
function shownFollowUps(html: HTMLElement) {
	const groups = html.querySelectorAll('section.follow-up-group');
	const items: FollowUpItem[] = [];
	for (const group of groups) {
		const owner = lastSegment(group.querySelector('h2 a')?.getAttribute('href'));
		for (const li of group.querySelectorAll('ul.due > li')) {
			items.push({
				kind: 'due',
				owner,
				entry: lastSegment(li.querySelector('a')?.getAttribute('href')),
				date: li.querySelector('time')!.getAttribute('datetime')!,
			});
		}
		for (const li of group.querySelectorAll('ul.steps > li')) {
			items.push({
				kind: 'step',
				owner,
				entry: lastSegment(li.querySelector('.meta a')?.getAttribute('href')),
				step: li.querySelector('.step')!.text.trim(),
				date: li.querySelector('time')!.getAttribute('datetime')!,
			});
		}
	}
	return {
		items,
		owners: groups.map((g) => lastSegment(g.querySelector('h2 a')?.getAttribute('href'))),
	};
}

const byKey = (i: FollowUpItem) => `${i.kind}|${i.owner}|${i.entry}|${i.step ?? ''}|${i.date}`;

describe('follow-ups page', () => {
	it('states the date it counts from', () => {
		const time = page('sample', 'follow-ups').querySelector('main .lede time');
		expect(time?.getAttribute('datetime')).toBe(SAMPLE_TODAY);
		expect(time?.text).toBe('24 Nov 2026');
	});

	it('on the minimal fixture lists old-rollout as due and bo’s refunds step as overdue, under bo', () => {
		const html = page('minimal', 'follow-ups');
		const shown = shownFollowUps(html);
		expect(shown.owners).toEqual(['bo']);
		expect(shown.items).toEqual([
			{ kind: 'due', owner: 'bo', entry: 'old-rollout', date: '2025-12-31' },
			{
				kind: 'step',
				owner: 'bo',
				entry: 'batching',
				step: 'Apply batching to refunds',
				date: '2026-05-01',
			},
		]);
		const text = textOf(html.querySelector('main'));
		expect(text).toContain('Bo Chen');
		expect(text).toContain('Rolled out the new receipts page');
		expect(text).toContain(`${daysFrom('2025-12-31', MINIMAL_TODAY)} days late`);
		expect(text).toContain(`${daysFrom('2026-05-01', MINIMAL_TODAY)} days late`);
		expect(text).not.toContain('A draft nobody should see');
	});

	it('on the sample journal lists exactly the due entries and overdue steps, grouped by owner', () => {
		const entries = published(sampleContent);
		const expected = expectedFollowUps(entries, SAMPLE_TODAY, 30);
		const shown = shownFollowUps(page('sample', 'follow-ups'));
		expect(expected.items.length).toBeGreaterThan(2);
		expect(sorted(shown.items.map(byKey))).toEqual(sorted(expected.items.map(byKey)));
		expect(shown.owners).toEqual(expected.owners);
		// Inside each owner, oldest first.
		for (const owner of shown.owners) {
			for (const kind of ['due', 'step'] as const) {
				const dates = shown.items
					.filter((i) => i.owner === owner && i.kind === kind)
					.map((i) => i.date);
				expect(dates).toEqual([...dates].sort());
			}
		}
	});

	it('keeps internal entries out of the public build', () => {
		const expected = expectedFollowUps(published(sampleContent, 'public'), SAMPLE_TODAY, 30);
		const shown = shownFollowUps(page('samplePublic', 'follow-ups'));
		expect(sorted(shown.items.map(byKey))).toEqual(sorted(expected.items.map(byKey)));
	});

	it('filters by team with plain links, each team page listing exactly its entries’ follow-ups', () => {
		const entries = published(sampleContent);
		const teams = [...new Set(entries.map((e) => e.data.team).filter((t) => t !== undefined))];
		expect(teams.length).toBeGreaterThan(1);
		const links = (html: HTMLElement) =>
			html
				.querySelectorAll('nav.team-filter a')
				.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current') ?? '']);
		expect(links(page('sample', 'follow-ups'))).toContainEqual(['/follow-ups/', 'page']);
		let nonEmpty = 0;
		for (const team of teams) {
			const html = page('sample', `follow-ups/teams/${team}`);
			expect(links(html)).toContainEqual([`/follow-ups/teams/${team}/`, 'page']);
			expect(links(html)).toContainEqual(['/follow-ups/', '']);
			const expected = expectedFollowUps(
				entries.filter((e) => e.data.team === team),
				SAMPLE_TODAY,
				30,
			);
			const shown = shownFollowUps(html);
			expect(sorted(shown.items.map(byKey)), team).toEqual(sorted(expected.items.map(byKey)));
			expect(shown.owners, team).toEqual(expected.owners);
			if (expected.items.length) nonEmpty++;
			// The count beside each team's link is its number of items.
			const count = page('sample', 'follow-ups')
				.querySelectorAll('nav.team-filter li')
				.find((li) => li.querySelector('a')?.getAttribute('href') === `/follow-ups/teams/${team}/`);
			expect(textOf(count!)).toContain(`(${expected.items.length})`);
		}
		expect(nonEmpty).toBeGreaterThan(1);
	});

	it('links each item to edit its entry when journal.yml sets edit_url, and not otherwise', () => {
		const editUrl = 'https://git.example.com/northwind/journal/edit/main/content/';
		const html = page('sample', 'follow-ups');
		const items = html.querySelectorAll('ul.due > li, ul.steps > li');
		expect(items.length).toBeGreaterThan(2);
		const files = new Map(readJournalFiles(sampleContent).entries.map((e) => [e.id, e.file]));
		for (const li of items) {
			const entry = li.querySelector('a[href^="/entries/"]')!.getAttribute('href')!;
			const slug = lastSegment(entry);
			const edit = li.querySelector('a.edit');
			expect(edit?.getAttribute('href'), slug).toBe(editUrl + files.get(slug));
		}
		expect(page('minimal', 'follow-ups').querySelectorAll('a.edit')).toHaveLength(0);
	});

	it('says plainly when nothing is due', () => {
		const html = page('nothingDue', 'follow-ups');
		expect(html.querySelectorAll('section.follow-up-group')).toHaveLength(0);
		expect(textOf(html.querySelector('main'))).toContain(
			'Nothing is due. Every shipped change has been looked at.',
		);
	});
});

/** /follow-ups.json of a build. */
const followUpsJson = (build: SiteBuild): FollowUpReport =>
	JSON.parse(readFileSync(join(outDir(build), 'follow-ups.json'), 'utf8'));

/** The items of follow-ups.json, as /follow-ups/ is read back, in order. */
function jsonFollowUps(report: FollowUpReport) {
	const path = (url: string) => new URL(url, 'http://x').pathname;
	return {
		owners: report.owners.map((o) => lastSegment(path(o.url))),
		items: report.owners.flatMap((o): FollowUpItem[] => [
			...o.due.map((d) => ({
				kind: 'due' as const,
				owner: o.person,
				entry: lastSegment(path(d.url)),
				date: d.measure_by,
			})),
			...o.overdue.map((d) => ({
				kind: 'step' as const,
				owner: o.person,
				entry: lastSegment(path(d.url)),
				step: d.step,
				date: d.due,
			})),
		]),
	};
}

describe('follow-ups.json', () => {
	it.each(['sample', 'samplePublic', 'minimal'] as const)(
		'lists what /follow-ups/ shows, in the same order (%s build)',
		(build) => {
			const report = followUpsJson(build);
			const shown = shownFollowUps(page(build, 'follow-ups'));
			expect(jsonFollowUps(report)).toEqual(shown);
			expect(report.due_count + report.overdue_count).toBe(shown.items.length);
		},
	);

	it('counts days late from JOURNAL_TODAY and names the field to update', () => {
		const report = followUpsJson('sample');
		expect(report.as_of).toBe(SAMPLE_TODAY);
		const entries = new Map(published(sampleContent).map((e) => [e.slug, e.data]));
		for (const owner of report.owners) {
			expect(owner.name).toBe(
				readJournalFiles(sampleContent).people.find((p) => p.id === owner.person)!.data!.name,
			);
			for (const d of owner.due) {
				expect(d.days_late).toBe(daysFrom(d.measure_by, SAMPLE_TODAY));
				expect(d.field).toBe(entries.get(d.entry)!.measure_by ? 'measure_by' : 'status');
				expect(d.status).toBe(entries.get(d.entry)!.status);
			}
			for (const o of owner.overdue) {
				expect(o.days_late).toBe(daysFrom(o.due, SAMPLE_TODAY));
				const index = Number(/^next\[(\d+)\]\.due$/.exec(o.field)![1]);
				expect(entries.get(o.entry)!.next![index]!.step).toBe(o.step);
			}
		}
	});

	it('is what npm run follow-ups -- --format json prints for the same journal', async () => {
		const cli = await runCli(['follow-ups', '--content', minimalFixture, '--format', 'json']);
		expect(JSON.parse(cli.stdout)).toEqual(followUpsJson('minimal'));
	});

	it('has absolute links when journal.yml sets site, as the CLI does', async () => {
		const report = followUpsJson('based');
		const urls = report.owners.flatMap((o) => [
			o.url,
			...o.due.map((d) => d.url),
			...o.overdue.map((d) => d.url),
		]);
		expect(urls.length).toBeGreaterThan(2);
		for (const url of urls) expect(url).toMatch(/^https:\/\/journal\.example\.com\/journal\//);
		const root = makeJournal(basedJournalFiles);
		const cli = await runCli(['follow-ups', '--content', root, '--format', 'json']);
		expect(JSON.parse(cli.stdout)).toEqual(report);
	});
});

function daysFrom(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

describe('month pages', () => {
	const months = (entries: RawEntry[]) => [...new Set(entries.map((e) => e.data.date.slice(0, 7)))];

	for (const [build, root] of [
		['minimal', minimalFixture],
		['sample', sampleContent],
	] as const) {
		it(`on the ${build} build list exactly each month’s published entries`, () => {
			const entries = published(root);
			for (const month of months(entries)) {
				const expected = entries.filter((e) => e.data.date.startsWith(month)).map((e) => e.slug);
				const shown = page(build, `months/${month}`)
					.querySelectorAll('.entry-list h3 a')
					.map((a) => lastSegment(a.getAttribute('href')));
				expect(sorted(shown), month).toEqual(sorted(expected));
			}
		});

		it(`on the ${build} build index every month with entries, newest first, with counts`, () => {
			const entries = published(root);
			const expected = months(entries).sort().reverse();
			const items = page(build, 'months').querySelectorAll('.month-list > li');
			expect(items.map((li) => lastSegment(li.querySelector('a')?.getAttribute('href')))).toEqual(
				expected,
			);
			items.forEach((li, i) => {
				const n = entries.filter((e) => e.data.date.startsWith(expected[i]!)).length;
				expect(textOf(li)).toContain(`${n} ${n === 1 ? 'entry' : 'entries'}`);
			});
		});
	}

	it('titles the month and leaves drafts out', () => {
		const html = page('minimal', 'months/2026-03');
		expect(html.querySelectorAll('h1').map((h) => h.text)).toEqual(['March 2026']);
		expect(textOf(html.querySelector('main'))).not.toContain('A draft nobody should see');
	});

	it('links to the previous (older) and next (newer) month with entries, under the base', () => {
		const nav = (path: string) => {
			const html = page('based', path);
			const el = html.querySelector('nav[aria-label="Other months"]');
			return {
				prev: el?.querySelector('a[rel="prev"]')?.getAttribute('href'),
				next: el?.querySelector('a[rel="next"]')?.getAttribute('href'),
			};
		};
		// Minimal months with published entries: 2025-12, 2026-01, 2026-03 (no February).
		expect(nav('months/2026-01')).toEqual({
			prev: '/journal/months/2025-12/',
			next: '/journal/months/2026-03/',
		});
		expect(nav('months/2025-12')).toEqual({ prev: undefined, next: '/journal/months/2026-01/' });
		expect(nav('months/2026-03')).toEqual({ prev: '/journal/months/2026-01/', next: undefined });
	});

	it('links every sample month to its neighbours, above the digest and again below the entries', () => {
		const list = months(published(sampleContent)).sort();
		list.forEach((month, i) => {
			const html = page('sample', `months/${month}`);
			const navs = html.querySelectorAll('main nav.month-nav');
			expect(navs.map((n) => n.getAttribute('aria-label'))).toEqual([
				'Other months',
				'Other months (end of page)',
			]);
			// The top links come before the digest; the bottom ones after the entry list.
			const order = html.querySelectorAll('main nav.month-nav, main .digest, main .entry-list');
			expect(order.map((el) => el.tagName === 'NAV')).toEqual([true, false, false, true]);
			for (const el of navs) {
				const href = (rel: string) => el.querySelector(`a[rel="${rel}"]`)?.getAttribute('href');
				expect(href('prev'), month).toBe(i > 0 ? `/months/${list[i - 1]}/` : undefined);
				expect(href('next'), month).toBe(
					i < list.length - 1 ? `/months/${list[i + 1]}/` : undefined,
				);
			}
		});
	});

	it('lists each overdue step once: under follow-ups due, not again under next steps', () => {
		const entries = published(sampleContent);
		let checked = 0;
		for (const month of months(entries)) {
			const digest = page('sample', `months/${month}`).querySelector('main .digest')!;
			const text = textOf(digest);
			const steps = entries
				.filter((e) => e.data.date.startsWith(month))
				.flatMap((e) => e.data.next ?? []);
			const late = steps.filter((s) => !s.done && s.due !== undefined && s.due < SAMPLE_TODAY);
			for (const step of late) {
				expect(text.split(step.step).length - 1, `${month}: ${step.step}`).toBe(1);
				checked++;
			}
			const listed = digest.querySelectorAll('.digest-steps > li').length;
			expect(listed, month).toBe(steps.length - late.length);
			if (late.length)
				expect(text).toContain(`${late.length} of them overdue, under follow-ups due`);
		}
		expect(checked).toBeGreaterThan(1);
	});
});

describe('metric pages', () => {
	const row = (html: HTMLElement, slug: string) => {
		const tr = html
			.querySelectorAll('table.card-table tbody tr')
			.find((r) => r.querySelector('th a')?.getAttribute('href') === `/entries/${slug}/`);
		if (!tr) throw new Error(`no row for ${slug}`);
		return tr;
	};

	it('judges a direction-down metric: latency 1900 → 1100 is better', () => {
		const html = page('minimal', 'metrics/latency');
		expect(html.querySelector('h1')?.text).toBe('Checkout p95 latency');
		expect(textOf(html.querySelector('.facts'))).toContain('lower is better');
		const tr = row(html, 'batching');
		const text = textOf(tr);
		expect(text).toContain('1,900 ms → 1,100 ms');
		expect(text).toContain('−800 ms (−42.11%)');
		expect(tr.querySelector('.better')?.text).toBe('better');
		expect(tr.querySelector('.worse')).toBeNull();
		expect(text).toContain('1,200 ms');
		expect(text).toContain('reached');
		expect(text).toContain('A/B test');
		expect(text).toContain('28d');
		expect(text).toContain('verified by Cy Okafor');
		expect(text).toContain('14 Mar 2026');
	});

	it('judges a direction-up metric: conversion 3.2 → 3 is worse', () => {
		const html = page('minimal', 'metrics/conversion');
		expect(textOf(html.querySelector('.facts'))).toContain('higher is better');
		const tr = row(html, 'batching');
		const text = textOf(tr);
		expect(text).toContain('3.2% → 3.0%');
		expect(text).toContain('−0.2 pp (−6.25%)');
		expect(tr.querySelector('.worse')?.text).toBe('worse');
		expect(tr.querySelector('.better')).toBeNull();
		expect(text).toContain('Before/after');
	});

	it('lists one row per entry that reports the metric', () => {
		const entries = published(sampleContent);
		const reporting = entries
			.filter((e) => e.data.metrics?.some((m) => m.metric === 'checkout-p95-ms'))
			.map((e) => e.slug);
		const shown = page('sample', 'metrics/checkout-p95-ms')
			.querySelectorAll('table.card-table tbody th a')
			.map((a) => lastSegment(a.getAttribute('href')));
		expect(sorted(shown)).toEqual(sorted(reporting));
	});

	it('says so for a metric no published entry has measured', () => {
		// In tests/fixtures/leaks, only the draft measures refund-rate.
		const main = textOf(page('leaks', 'metrics/refund-rate').querySelector('main'));
		expect(main).toContain('No entry has measured this metric yet.');
		expect(main).toContain('lower is better');
		expect(page('leaks', 'metrics/refund-rate').querySelector('table.card-table')).toBeNull();
	});

	it('indexes every metric with its direction, measurement count and latest after value', () => {
		const rows = page('minimal', 'metrics').querySelectorAll('tbody tr');
		const byId = new Map(
			rows.map((r) => [lastSegment(r.querySelector('th a')?.getAttribute('href')), r]),
		);
		expect(sorted([...byId.keys()])).toEqual(['conversion', 'latency']);
		const latency = textOf(byId.get('latency')!);
		expect(latency).toContain('lower is better');
		expect(latency).toContain('1,100 ms');
		const conversion = textOf(byId.get('conversion')!);
		expect(conversion).toContain('higher is better');
		expect(conversion).toContain('3.0%');
		for (const r of rows) expect(textOf(r.querySelectorAll('td')[0]!)).toBe('1');
	});
});

describe('a metric page with more measurements than one page holds', () => {
	// The minimal fixture plus manyMeasurementsFiles (tests/helpers.ts), as the build has it.
	const reporting = published(makeJournal(manyMeasurementsFiles))
		.filter((e) => e.data.metrics?.some((m) => m.metric === 'latency'))
		// Newest first, same-day entries by slug.
		.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug))
		.map((e) => e.slug);
	const pageCount = Math.ceil(reporting.length / PAGE_SIZE.measurements);
	const pathOf = (n: number) => (n === 1 ? 'metrics/latency' : `metrics/latency/${n}`);
	const pages = Array.from({ length: pageCount }, (_, i) =>
		page('manyMeasurements', pathOf(i + 1)),
	);
	const slugsOn = (html: HTMLElement) =>
		html
			.querySelectorAll('table.card-table tbody th a')
			.map((a) => lastSegment(a.getAttribute('href')));
	const nav = (html: HTMLElement, rel: string) =>
		html.querySelector(`nav.pagination a[rel="${rel}"]`)?.getAttribute('href');

	it('lists every reporting entry once, newest first, on pages of PAGE_SIZE.measurements', () => {
		expect(pageCount).toBe(3);
		expect(pages.flatMap(slugsOn)).toEqual(reporting);
		for (const html of pages.slice(0, -1))
			expect(slugsOn(html)).toHaveLength(PAGE_SIZE.measurements);
		expect(existsSync(join(outDir('manyMeasurements'), pathOf(pageCount + 1)))).toBe(false);
	});

	it('keeps the facts, the total and the history on page 1, at the metric’s own URL', () => {
		const first = pages[0]!;
		const facts = first.querySelectorAll('.facts dt');
		const count = facts.find((dt) => dt.text === 'Measurements')?.nextElementSibling;
		expect(count?.text).toBe(String(reporting.length));
		expect(first.querySelectorAll('h2').map((h) => h.text)).toEqual(['History', 'Measurements']);
		expect(first.querySelector('.history-table')).not.toBeNull();
		expect(nav(first, 'next')).toBe('/metrics/latency/2/');
		expect(first.querySelector('nav.pagination')?.hasAttribute('data-pagefind-ignore')).toBe(true);
	});

	it('says on later pages which measurements they hold, and links back, without the history', () => {
		const second = pages[1]!;
		expect(second.querySelector('h1')?.text).toBe('Checkout p95 latency');
		const lede = textOf(second.querySelector('.lede'));
		const [size, total] = [PAGE_SIZE.measurements, reporting.length];
		expect(lede).toContain(`Measurements ${size + 1}–${2 * size} of ${total}.`);
		expect(second.querySelector('.lede a')?.getAttribute('href')).toBe('/metrics/latency/');
		expect(second.querySelectorAll('h2').map((h) => h.text)).toEqual(['Measurements']);
		expect(second.querySelector('.history-table')).toBeNull();
		expect(second.querySelector('.facts')).toBeNull();
		expect(nav(second, 'prev')).toBe('/metrics/latency/');
		expect(nav(second, 'next')).toBe('/metrics/latency/3/');
		expect(textOf(pages[2]!.querySelector('nav.pagination'))).toContain(
			`Page 3 of 3: measurements ${2 * size + 1}–${total} of ${total}.`,
		);
	});

	it('leaves a metric that fits one page unsplit', () => {
		const conversion = page('manyMeasurements', 'metrics/conversion');
		expect(conversion.querySelector('nav.pagination')).toBeNull();
		expect(existsSync(join(outDir('manyMeasurements'), 'metrics/conversion/2'))).toBe(false);
	});
});

describe('a month with more entries than one page holds', () => {
	// Every manyMeasurements entry is dated January 2025 (tests/helpers.ts).
	const january = published(makeJournal(manyMeasurementsFiles))
		.filter((e) => e.data.date.startsWith('2025-01'))
		.map((e) => e.slug);
	const pageCount = Math.ceil(january.length / PAGE_SIZE.entries);
	const pathOf = (n: number) => (n === 1 ? 'months/2025-01' : `months/2025-01/${n}`);
	const pages = Array.from({ length: pageCount }, (_, i) =>
		page('manyMeasurements', pathOf(i + 1)),
	);
	const slugsOn = (html: HTMLElement) =>
		html.querySelectorAll('.entry-list h3 a').map((a) => lastSegment(a.getAttribute('href')));

	it('lists every entry of the month once, PAGE_SIZE.entries to a page', () => {
		expect(january.length).toBeGreaterThan(PAGE_SIZE.entries);
		expect(sorted(pages.flatMap(slugsOn))).toEqual(sorted(january));
		expect(slugsOn(pages[0]!)).toHaveLength(PAGE_SIZE.entries);
		expect(existsSync(join(outDir('manyMeasurements'), pathOf(pageCount + 1)))).toBe(false);
	});

	it('keeps the digest and the month’s total on page 1; later pages say what they hold', () => {
		const [first, second] = [pages[0]!, pages[1]!];
		expect(textOf(first.querySelector('.lede'))).toBe(
			`${january.length} published entries shipped this month.`,
		);
		expect(first.querySelectorAll('h2').map((h) => h.text)).toContain('At a glance');
		expect(first.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href')).toBe(
			'/months/2025-01/2/',
		);
		expect(second.querySelector('h1')?.text).toBe(first.querySelector('h1')?.text);
		expect(textOf(second.querySelector('.lede'))).toContain(
			`Entries ${PAGE_SIZE.entries + 1}–${Math.min(2 * PAGE_SIZE.entries, january.length)} of ${january.length}.`,
		);
		expect(second.querySelector('.lede a')?.getAttribute('href')).toBe('/months/2025-01/');
		expect(second.querySelectorAll('h2').map((h) => h.text)).toEqual(['Entries']);
		// Both pages lead on to the other months; "next" and "previous" are the month's own pages.
		for (const html of [first, second]) {
			expect(html.querySelectorAll('nav.month-nav').length).toBeGreaterThan(0);
			for (const rel of ['prev', 'next'])
				for (const link of html.querySelectorAll(`a[rel="${rel}"]`))
					expect(link.closest('nav')?.classList.contains('pagination'), rel).toBe(true);
		}
		expect(first.querySelectorAll('a[rel="next"]')).toHaveLength(1);
	});

	it('lists the longest overdue of its many follow-ups in the digest, and counts the rest', () => {
		const entries = published(makeJournal(manyMeasurementsFiles)).filter((e) =>
			e.data.date.startsWith('2025-01'),
		);
		const overdue = entries
			.flatMap((e) => (e.data.next ?? []).filter((s) => !s.done && s.due! < MINIMAL_TODAY))
			.sort((a, b) => a.due!.localeCompare(b.due!));
		expect(overdue.length).toBeGreaterThan(PAGE_SIZE.digestItems);
		const digest = pages[0]!.querySelector('section.digest')!;
		const listed = digest.querySelectorAll('li').filter((li) => textOf(li).includes('overdue by'));
		expect(listed).toHaveLength(PAGE_SIZE.digestItems);
		// None left out is due before one listed.
		const dueOf = (li: HTMLElement) => overdue.find((s) => textOf(li).startsWith(s.step))!.due!;
		const latestListed = listed.map(dueOf).sort().at(-1)!;
		expect(overdue.slice(PAGE_SIZE.digestItems).every((s) => s.due! >= latestListed)).toBe(true);
		const more = [...digest.querySelectorAll('p.muted')].find((p) =>
			textOf(p).includes('more due from these entries'),
		);
		expect(textOf(more!)).toMatch(
			new RegExp(`^${overdue.length - PAGE_SIZE.digestItems} more due`),
		);
		expect(more!.querySelector('a')?.getAttribute('href')).toBe('/follow-ups/');
	});
});

describe('tag pages', () => {
	it('index every tag with its count, and list its entries', () => {
		const entries = published(sampleContent);
		const counts = new Map<string, number>();
		for (const e of entries)
			for (const t of e.data.tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
		const items = page('sample', 'tags').querySelectorAll('main li');
		expect(items.map((li) => li.querySelector('a')!.text.replace(/^#/, ''))).toEqual(
			[...counts.keys()].sort(),
		);
		for (const li of items) {
			const n = counts.get(li.querySelector('a')!.text.replace(/^#/, ''))!;
			expect(textOf(li)).toContain(`${n} ${n === 1 ? 'entry' : 'entries'}`);
		}
		const latency = page('sample', 'tags/latency')
			.querySelectorAll('.entry-list h2 a')
			.map((a) => lastSegment(a.getAttribute('href')));
		expect(sorted(latency)).toEqual(
			sorted(entries.filter((e) => e.data.tags?.includes('latency')).map((e) => e.slug)),
		);
	});
});
