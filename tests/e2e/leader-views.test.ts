/**
 * What a leader reads: loop health on the home, team and month pages, the monthly digest (pages
 * and /digest.xml) and the team roll-up, checked against numbers computed here from the raw
 * content by the rules in docs/, not by src/lib.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/content/schema.ts';
import { sampleContent } from '../helpers.ts';
import { outDir, page, textOf } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

const TODAY = '2026-11-24';
const STATUSES = ['shipped', 'measuring', 'measured', 'inconclusive', 'reverted'] as const;
const journal = readJournalFiles(sampleContent);
const entries = journal.entries
	.filter((d) => !d.data!.draft)
	.map((d) => ({ slug: d.id, data: d.data as Entry }));
const publicEntries = entries.filter((e) => e.data.visibility === 'public');
const directions = new Map(journal.metrics.map((m) => [m.id, m.data!.direction]));
type Raw = (typeof entries)[number];

const plusDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthOf = (e: Raw) => e.data.date.slice(0, 7);
const months = (list: Raw[]) => [...new Set(list.map(monthOf))].sort().reverse();
/** The 12 months ending with TODAY's: 2025-12 … 2026-11. */
const LAST_12 = Array.from({ length: 12 }, (_, i) => {
	const d = new Date(Date.UTC(2026, 10 - 11 + i, 1));
	return d.toISOString().slice(0, 7);
});

/** The definition in docs/charts-and-loop-health.md: closed, open and late, not yet due. */
function health(list: Raw[]) {
	const closed = list.filter((e) =>
		['measured', 'inconclusive', 'reverted'].includes(e.data.status),
	).length;
	const late = list.filter(
		(e) =>
			['shipped', 'measuring'].includes(e.data.status) &&
			(e.data.measure_by ?? plusDays(e.data.date, 30)) < TODAY,
	).length;
	return { closed, late, notYet: list.length - closed - late };
}

/** Rows of a loop-health table: label → the numbers shown. */
function shownHealth(table: HTMLElement | null) {
	if (!table) throw new Error('no loop-health table');
	return new Map(
		table.querySelectorAll('tbody tr').map((tr) => {
			const cell = (label: string) => textOf(tr.querySelector(`td[data-label="${label}"]`));
			return [
				textOf(tr.querySelector('th')),
				{
					closed: Number(cell('Closed')),
					late: Number(cell('Open and late')),
					notYet: Number(cell('Not yet due')),
					rate: cell('Closure rate'),
				},
			];
		}),
	);
}

/** What the rate cell must say: the rate with its counts, or that there is none. */
function rateText({ closed, late }: { closed: number; late: number }): RegExp {
	if (closed + late === 0) return /^no rate/;
	return new RegExp(
		`^${Math.round((closed / (closed + late)) * 100)}% ${closed} of ${closed + late}$`,
	);
}

function expectHealth(table: HTMLElement | null, label: string, list: Raw[]) {
	const shown = shownHealth(table).get(label);
	const expected = health(list);
	expect(shown, label).toMatchObject(expected);
	expect(shown!.rate, label).toMatch(rateText(expected));
}

describe('loop health', () => {
	it('on the home page, all time and over the last 12 months', () => {
		const html = page('sample', '');
		const table = html.querySelectorAll('table.loop-health').at(-1)!;
		expectHealth(table, 'All time', entries);
		expectHealth(
			table,
			'Last 12 months',
			entries.filter((e) => LAST_12.includes(monthOf(e))),
		);
		expect(health(entries).late).toBeGreaterThan(0);
	});

	it('on every team page, all time and over the last 12 months', () => {
		for (const team of journal.teams.map((t) => t.id)) {
			const list = entries.filter((e) => e.data.team === team);
			const table = page('sample', `teams/${team}`).querySelector('table.loop-health');
			expectHealth(table, 'All time', list);
			expectHealth(
				table,
				'Last 12 months',
				list.filter((e) => LAST_12.includes(monthOf(e))),
			);
		}
	});

	it('on every month page, for that month’s entries, saying so when nothing is closed or due', () => {
		let withoutRate = 0;
		for (const month of months(entries)) {
			const list = entries.filter((e) => monthOf(e) === month);
			const table = page('sample', `months/${month}`).querySelector('.digest table.loop-health');
			const label = textOf(table!.querySelector('tbody th'));
			expectHealth(table, label, list);
			if (health(list).closed + health(list).late === 0) withoutRate++;
		}
		expect(withoutRate).toBeGreaterThan(0);
	});

	it('in a public build, from public entries only', () => {
		const table = page('samplePublic', '').querySelectorAll('table.loop-health').at(-1)!;
		expectHealth(table, 'All time', publicEntries);
	});
});

describe('the monthly digest', () => {
	it('tops each month page with its status counts and its biggest moves in the better direction', () => {
		for (const month of months(entries)) {
			const list = entries.filter((e) => monthOf(e) === month);
			const digest = page('sample', `months/${month}`).querySelector('.digest')!;
			const counts = Object.fromEntries(
				digest
					.querySelectorAll('.status-summary > div')
					.map((d) => [textOf(d.querySelector('dt')), Number(textOf(d.querySelector('dd')))]),
			);
			expect(counts, month).toEqual({
				entries: list.length,
				...Object.fromEntries(
					STATUSES.map((s) => [s, list.filter((e) => e.data.status === s).length]),
				),
			});
			const moves = list
				.flatMap((e) =>
					(e.data.metrics ?? []).map((m) => ({
						e,
						m,
						sign: directions.get(m.metric) === 'up' ? 1 : -1,
					})),
				)
				.filter(
					({ m, sign }) =>
						m.before !== undefined &&
						m.after !== undefined &&
						m.before !== 0 &&
						(m.after - m.before) * sign > 0,
				)
				.map(({ e, m }) => ({
					entry: `/entries/${e.slug}/`,
					share: Math.abs((m.after! - m.before!) / m.before!),
				}))
				.sort((a, b) => b.share - a.share)
				.slice(0, 5);
			const shown = digest
				.querySelectorAll('.moves li')
				.map((li) => li.querySelectorAll('a').at(-1)!.getAttribute('href'));
			expect(shown, month).toEqual(moves.map((m) => m.entry));
		}
	});

	it('counts the next steps the month’s entries opened and how many are done', () => {
		for (const month of months(entries)) {
			const steps = entries.filter((e) => monthOf(e) === month).flatMap((e) => e.data.next ?? []);
			const text = textOf(page('sample', `months/${month}`).querySelector('.digest'));
			if (steps.length)
				expect(text, month).toContain(
					`${steps.length} opened in these entries: ${steps.filter((s) => s.done).length} done, ${steps.filter((s) => !s.done).length} open`,
				);
			else expect(text, month).toContain('These entries opened no next steps.');
		}
	});

	it('goes out as /digest.xml: valid RSS, one item for each of the newest 12 months, newest first', () => {
		const rss = new XMLParser().parse(readFileSync(join(outDir('sample'), 'digest.xml'), 'utf8'));
		const items = [rss.rss.channel.item].flat() as {
			title: string;
			link: string;
			description: string;
			pubDate: string;
		}[];
		// The sample spans more than 12 months, so the older ones are left to the month pages.
		expect(months(entries).length).toBeGreaterThan(12);
		const expected = months(entries).slice(0, 12);
		expect(items.map((i) => new URL(i.link).pathname)).toEqual(
			expected.map((m) => `/months/${m}/`),
		);
		expect(items[0]!.title).toBe('Digest: November 2026');
		for (const [i, item] of items.entries()) {
			const list = entries.filter((e) => monthOf(e) === expected[i]);
			expect(item.description).toContain(
				`${list.length} ${list.length === 1 ? 'entry' : 'entries'}:`,
			);
			for (const e of list) expect(item.description).toContain(`/entries/${e.slug}/`);
			expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
		}
	});

	it('links absolutely when journal.yml sets site, and is announced on every page', () => {
		const rss = new XMLParser().parse(readFileSync(join(outDir('based'), 'digest.xml'), 'utf8'));
		const items = [rss.rss.channel.item].flat() as { link: string; description: string }[];
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) {
			expect(item.link).toMatch(
				/^https:\/\/journal\.example\.com\/journal\/months\/\d{4}-\d{2}\/$/,
			);
			const hrefs = [...item.description.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
			expect(hrefs.length).toBeGreaterThan(0);
			for (const href of hrefs) expect(href).toMatch(/^https:\/\/journal\.example\.com\/journal\//);
		}
		const link = page('based', 'teams').querySelector(
			'link[type="application/rss+xml"][href$="digest.xml"]',
		);
		expect(link?.getAttribute('href')).toBe('/journal/digest.xml');
	});
});

describe('the team roll-up', () => {
	const team = 'payments';
	const list = entries.filter((e) => e.data.team === team);
	const html = page('sample', `teams/${team}`);

	it('tabulates the last 12 months by status with each month’s closure rate', () => {
		const rows = html.querySelectorAll('table.by-month tbody tr');
		expect(rows.map((r) => textOf(r.querySelector('th')))).toEqual(
			LAST_12.map((m) =>
				new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', {
					month: 'long',
					year: 'numeric',
					timeZone: 'UTC',
				}),
			),
		);
		rows.forEach((row, i) => {
			const monthEntries = list.filter((e) => monthOf(e) === LAST_12[i]);
			const cells = row.querySelectorAll('td').map((td) => textOf(td));
			expect(cells.slice(0, 6).map(Number)).toEqual([
				...STATUSES.map((s) => monthEntries.filter((e) => e.data.status === s).length),
				monthEntries.length,
			]);
			const { closed, late } = health(monthEntries);
			expect(cells[6]).toBe(
				closed + late
					? `${Math.round((closed / (closed + late)) * 100)}% (${closed}/${closed + late})`
					: '—',
			);
		});
		// The chart carries the same numbers.
		const chart = JSON.parse(html.querySelector('figure.chart')!.getAttribute('data-chart')!);
		expect(chart.months).toEqual(LAST_12);
		expect(chart.statuses.find((s: { status: string }) => s.status === 'measured').counts).toEqual(
			LAST_12.map(
				(m) => list.filter((e) => monthOf(e) === m && e.data.status === 'measured').length,
			),
		);
	});

	it('lists open next steps by owner (the step’s owner, else the first author)', () => {
		const firstAuthor = (e: Raw) => {
			const a = e.data.authors[0]!;
			return typeof a === 'string' ? a : a.person;
		};
		const expected = list
			.flatMap((e) =>
				(e.data.next ?? [])
					.filter((s) => !s.done)
					.map((s) => `${s.owner ?? firstAuthor(e)}: ${s.step}`),
			)
			.sort();
		const shown = html.querySelectorAll('.owner-steps').flatMap((section) => {
			const owner = section.querySelector('h3 a')!.getAttribute('href')!.split('/').at(-2);
			return section.querySelectorAll('li').map(
				(li) =>
					`${owner}: ${li.childNodes
						.filter((n) => n.nodeType === 3)
						.map((n) => n.text)
						.join('')
						.trim()}`,
			);
		});
		expect(expected.length).toBeGreaterThan(2);
		expect(shown.sort()).toEqual(expected);
	});

	it('lists the team’s metrics with their latest values', () => {
		const reported = new Set(list.flatMap((e) => (e.data.metrics ?? []).map((m) => m.metric)));
		const rows = html.querySelectorAll('table.team-metrics tbody tr');
		expect(
			rows.map((r) => r.querySelector('a')!.getAttribute('href')!.split('/').at(-2)).sort(),
		).toEqual([...reported].sort());
		for (const [id, points] of journal.series) {
			if (!reported.has(id)) continue;
			const last = points.findLast((p) => p.value !== null)!;
			const row = rows.find(
				(r) => r.querySelector('a')!.getAttribute('href') === `/metrics/${id}/`,
			)!;
			expect(textOf(row.querySelector('td'))).toContain(last.value!.toLocaleString('en'));
			expect(row.querySelector('td time')?.getAttribute('datetime')).toBe(last.date);
		}
	});
});
