/**
 * Quarterly reviews, their JSON twins and the headline cards, checked against numbers counted here
 * from the raw content by the README's rules (not by src/lib): the sample journal in calendar
 * quarters, its public build, and the `fiscal` journal, whose fiscal year starts in February.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import type { Entry } from '../../src/lib/content/schema.ts';
import { sampleContent } from '../helpers.ts';
import { readJournalFiles } from '../journal-files.ts';
import { outDir, page, textOf, type SiteBuild } from './pages.ts';

const STATUSES = ['shipped', 'measuring', 'measured', 'inconclusive', 'reverted'] as const;
const SAMPLE_TODAY = '2026-11-24';

interface Raw {
	slug: string;
	data: Entry;
}

const plusDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A calendar quarter's first and last day. */
function calendarQuarter(year: number, n: number) {
	const first = new Date(Date.UTC(year, (n - 1) * 3, 1));
	const last = new Date(Date.UTC(year, n * 3, 0));
	return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

/** The Stats record the README defines, counted from raw entries. */
function stats(list: Raw[], today: string) {
	const by_status = Object.fromEntries(STATUSES.map((s) => [s, 0]));
	for (const e of list) by_status[e.data.status]!++;
	const closed = list.filter((e) =>
		['measured', 'inconclusive', 'reverted'].includes(e.data.status),
	).length;
	const open_late = list.filter(
		(e) =>
			['shipped', 'measuring'].includes(e.data.status) &&
			(e.data.measure_by ?? plusDays(e.data.date, 30)) < today,
	).length;
	return {
		entries: list.length,
		by_status,
		closed,
		open_late,
		closure_rate: closed + open_late ? closed / (closed + open_late) : null,
	};
}

function readJson(build: SiteBuild, path: string) {
	return JSON.parse(readFileSync(join(outDir(build), path), 'utf8'));
}

const sample = loadJournal(sampleContent);
const sampleEntries: Raw[] = sample.entries
	.filter((d) => !d.data!.draft)
	.map((d) => ({ slug: d.id, data: d.data as Entry }));
const teamNames = new Map(sample.teams.map((t) => [t.id, t.data!.name]));

/** Every calendar quarter from the first sample entry's to today's, newest first. */
const sampleQuarters = (() => {
	const first = sampleEntries.map((e) => e.data.date).sort()[0]!;
	const quarters: { id: string; start: string; end: string }[] = [];
	let year = Number(SAMPLE_TODAY.slice(0, 4));
	let n = Math.ceil(Number(SAMPLE_TODAY.slice(5, 7)) / 3);
	for (;;) {
		const q = { id: `${year}-q${n}`, ...calendarQuarter(year, n) };
		quarters.push(q);
		if (q.start <= first) break;
		n = n === 1 ? 4 : n - 1;
		if (n === 4) year--;
	}
	return quarters;
})();

describe('the sample journal in calendar quarters', () => {
	it('lists every quarter from the first entry’s to today’s, each linked to its review', () => {
		expect(sampleQuarters.length).toBeGreaterThanOrEqual(5);
		const links = page('sample', 'reviews')
			.querySelectorAll('main table a')
			.map((a) => a.getAttribute('href'));
		expect(links).toEqual(sampleQuarters.map((q) => `/reviews/${q.id}/`));
		for (const q of sampleQuarters) {
			expect(existsSync(join(outDir('sample'), 'reviews', q.id, 'index.html'))).toBe(true);
			expect(existsSync(join(outDir('sample'), 'reviews', `${q.id}.json`))).toBe(true);
		}
	});

	it.each(sampleQuarters.map((q, i) => [q.id, q, sampleQuarters[i + 1]] as const))(
		'%s.json counts the journal and every team, this quarter and the one before',
		(id, q, before) => {
			const [year, n] = id.split('-q').map(Number) as [number, number];
			const previous = before ?? calendarQuarter(n === 1 ? year - 1 : year, n === 1 ? 4 : n - 1);
			const during = (list: Raw[], p: { start: string; end: string }) =>
				list.filter((e) => e.data.date >= p.start && e.data.date <= p.end);
			const json = readJson('sample', `reviews/${id}.json`);
			expect(Object.keys(json)).toEqual(['period', 'previous', 'totals', 'teams']);
			expect(json.period).toEqual({ start: q.start, end: q.end });
			expect(json.previous).toEqual({ start: previous.start, end: previous.end });
			expect(previous.end).toBe(plusDays(q.start, -1));
			expect(json.totals).toEqual(stats(during(sampleEntries, q), SAMPLE_TODAY));
			const teams = [...teamNames].sort(([, a], [, b]) => a.localeCompare(b));
			expect(json.teams).toEqual(
				teams.map(([teamId, name]) => {
					const own = sampleEntries.filter((e) => e.data.team === teamId);
					return {
						id: teamId,
						name,
						current: stats(during(own, q), SAMPLE_TODAY),
						previous: stats(during(own, previous), SAMPLE_TODAY),
					};
				}),
			);
		},
	);

	it('shows the same counts on the review page, and lists each entry of the quarter once', () => {
		const [current, previous] = sampleQuarters;
		const json = readJson('sample', `reviews/${current!.id}.json`);
		const html = page('sample', `reviews/${current!.id}`);
		const rows = new Map(
			html
				.querySelectorAll('table.review-counts')[0]!
				.querySelectorAll('tbody tr')
				.map((tr) => [textOf(tr.querySelector('th')), tr.querySelectorAll('td').map(textOf)]),
		);
		expect(rows.get('Entries')!.slice(0, 2)).toEqual([
			String(json.totals.entries),
			String(readJson('sample', `reviews/${previous!.id}.json`).totals.entries),
		]);
		for (const s of STATUSES) expect(rows.get(`· ${s}`)![0]).toBe(String(json.totals.by_status[s]));
		expect(rows.get('Closed (result in)')![0]).toBe(String(json.totals.closed));
		expect(rows.get('Open and late')![0]).toBe(String(json.totals.open_late));
		// The quarter's page lists the entries without a team, each team's review page its own.
		const hrefs = (path: string) =>
			page('sample', path)
				.querySelectorAll('table.review-entries tbody a')
				.map((a) => a.getAttribute('href'));
		const listed = [
			...hrefs(`reviews/${current!.id}`),
			...[...teamNames.keys()].flatMap((teamId) => hrefs(`reviews/${current!.id}/${teamId}`)),
		];
		expect(listed.sort()).toEqual(
			sampleEntries
				.filter((e) => e.data.date >= current!.start && e.data.date <= current!.end)
				.map((e) => `/entries/${e.slug}/`)
				.sort(),
		);
		// Every team has its row, linking its review page.
		for (const teamId of teamNames.keys())
			expect(html.getElementById(`team-${teamId}`)?.querySelector('a')?.getAttribute('href')).toBe(
				`/reviews/${current!.id}/${teamId}/`,
			);
	});

	describe('each team’s review page, counted from the journal’s files', () => {
		const files = readJournalFiles(sampleContent).entries.filter((e) => !e.data.draft);
		const teamIds = readJournalFiles(sampleContent).teams.map((t) => t.id);
		it.each(sampleQuarters.slice(0, 2).flatMap((q) => teamIds.map((t) => [q.id, t, q] as const)))(
			'%s / %s lists exactly the team’s entries of the quarter, and its counts',
			(id, teamId, q) => {
				const own = files.filter(
					(e) => e.data.team === teamId && e.data.date >= q.start && e.data.date <= q.end,
				);
				const html = page('sample', `reviews/${id}/${teamId}`);
				expect(
					html
						.querySelectorAll('table.review-entries tbody a')
						.map((a) => a.getAttribute('href'))
						.sort(),
				).toEqual(own.map((e) => `/entries/${e.id}/`).sort());
				const json = readJson('sample', `reviews/${id}.json`);
				const team = json.teams.find((t: { id: string }) => t.id === teamId);
				expect(team.current.entries).toBe(own.length);
				const counts = html.querySelector('table.review-counts');
				if (!own.length && !team.previous.entries) expect(counts).toBeNull();
				else
					expect(
						textOf(counts!.querySelector('tbody tr')).split(' ').slice(1, 3).map(Number),
					).toEqual([own.length, team.previous.entries]);
				const row = page('sample', `reviews/${id}`).getElementById(`team-${teamId}`)!;
				expect(row.querySelectorAll('td').map(textOf).slice(0, 2)).toEqual([
					String(own.length),
					String(team.previous.entries),
				]);
			},
		);

		it('leaves the follow-ups’ items to the team pages, keeping their counts', () => {
			const id = sampleQuarters[0]!.id;
			const quarter = page('sample', `reviews/${id}`);
			expect(quarter.querySelectorAll('.review-follow-ups')).toEqual([]);
			expect(
				textOf(quarter.getElementById('journal-follow-ups')?.nextElementSibling ?? null),
			).toMatch(/^Next steps due: \d+ done, \d+ overdue/);
			const items = teamIds.flatMap((t) =>
				page('sample', `reviews/${id}/${t}`).querySelectorAll('.review-follow-ups li'),
			);
			expect(items.length).toBeGreaterThan(0);
		});
	});

	it('opens the home and team pages with this quarter’s numbers, linking its review', () => {
		const current = sampleQuarters[0]!;
		const json = readJson('sample', `reviews/${current.id}.json`);
		const cards = (html: ReturnType<typeof page>) =>
			new Map(
				html
					.querySelectorAll('.cards > div')
					.map((d) => [textOf(d.querySelector('dt')), textOf(d.querySelector('.value'))]),
			);
		const home = page('sample', '');
		expect(cards(home).get('Entries shipped')).toBe(String(json.totals.entries));
		expect(cards(home).get('Results in')).toBe(String(json.totals.closed));
		expect(home.querySelector(`a[href="/reviews/${current.id}/"]`)).not.toBeNull();
		for (const team of json.teams) {
			const html = page('sample', `teams/${team.id}`);
			expect(cards(html).get('Entries shipped')).toBe(String(team.current.entries));
			expect(cards(html).get('Results in')).toBe(String(team.current.closed));
			expect(html.querySelector(`a[href="/reviews/${current.id}/${team.id}/"]`)).not.toBeNull();
		}
	});

	it('folds a team’s entries by year, the newest year open, every entry in one of them', () => {
		for (const teamId of teamNames.keys()) {
			const own = sampleEntries.filter((e) => e.data.team === teamId);
			if (!own.length) continue;
			const years = page('sample', `teams/${teamId}`).querySelectorAll('details.year');
			const newest = own
				.map((e) => e.data.date.slice(0, 4))
				.sort()
				.at(-1);
			expect(
				years.map((d) => [textOf(d.querySelector('summary')).slice(0, 4), d.hasAttribute('open')]),
			).toEqual(
				[...new Set(own.map((e) => e.data.date.slice(0, 4)))]
					.sort()
					.reverse()
					.map((y) => [y, y === newest]),
			);
			const linked = years.flatMap((d) =>
				d.querySelectorAll('.entry-list h4 a').map((a) => a.getAttribute('href')),
			);
			expect(linked.sort()).toEqual(own.map((e) => `/entries/${e.slug}/`).sort());
		}
	});
});

describe('the public sample build', () => {
	it('counts public entries only in every review', () => {
		const published = sampleEntries.filter((e) => e.data.visibility === 'public');
		for (const q of sampleQuarters) {
			const path = join(outDir('samplePublic'), 'reviews', `${q.id}.json`);
			if (!existsSync(path)) continue; // the public journal may start later
			const json = JSON.parse(readFileSync(path, 'utf8'));
			const during = published.filter((e) => e.data.date >= q.start && e.data.date <= q.end);
			expect(json.totals).toEqual(stats(during, SAMPLE_TODAY));
			const titles = textOf(page('samplePublic', `reviews/${q.id}`).querySelector('main'));
			for (const e of sampleEntries)
				if (e.data.visibility !== 'public' && e.data.date >= q.start && e.data.date <= q.end)
					expect(titles).not.toContain(e.data.title);
		}
	});
});

/** The numbers fiscalJournalFiles was written to give (see tests/helpers.ts). */
const zero = { shipped: 0, measuring: 0, measured: 0, inconclusive: 0, reverted: 0 };
const none = { entries: 0, by_status: zero, closed: 0, open_late: 0, closure_rate: null };

describe('a journal whose fiscal year starts in February', () => {
	it('names quarters by the fiscal year they end in, from the first entry’s to today’s', () => {
		expect(
			page('fiscal', 'reviews')
				.querySelectorAll('main table a')
				.map((a) => [a.getAttribute('href'), textOf(a)]),
		).toEqual([
			['/reviews/2027-q3/', 'FY2027 Q3'],
			['/reviews/2027-q2/', 'FY2027 Q2'],
			['/reviews/2027-q1/', 'FY2027 Q1'],
			['/reviews/2026-q4/', 'FY2026 Q4'],
		]);
	});

	it('counts each quarter, an empty one and one with nothing closed included', () => {
		expect(readJson('fiscal', 'reviews/2027-q3.json')).toEqual({
			period: { start: '2026-08-01', end: '2026-10-31' },
			previous: { start: '2026-05-01', end: '2026-07-31' },
			// growth-new is measuring and not yet due: nothing closed or late, so no rate.
			totals: { ...none, entries: 1, by_status: { ...zero, measuring: 1 } },
			teams: [
				{
					id: 'growth',
					name: 'Growth',
					current: { ...none, entries: 1, by_status: { ...zero, measuring: 1 } },
					previous: none,
				},
				{ id: 'payments', name: 'Payments', current: none, previous: none },
			],
		});
		// No entry is dated in May to July.
		expect(readJson('fiscal', 'reviews/2027-q2.json').totals).toEqual(none);
		const q1 = readJson('fiscal', 'reviews/2027-q1.json');
		expect(q1.period).toEqual({ start: '2026-02-01', end: '2026-04-30' });
		expect(q1.previous).toEqual({ start: '2025-11-01', end: '2026-01-31' });
		expect(q1.totals).toEqual({
			entries: 2,
			by_status: { ...zero, shipped: 1, measured: 1 },
			closed: 1,
			open_late: 1,
			closure_rate: 0.5,
		});
		expect(q1.teams).toEqual([
			{
				id: 'growth',
				name: 'Growth',
				// Late and nothing closed: a rate of 0, not none.
				current: {
					entries: 1,
					by_status: { ...zero, shipped: 1 },
					closed: 0,
					open_late: 1,
					closure_rate: 0,
				},
				previous: none,
			},
			{
				id: 'payments',
				name: 'Payments',
				current: {
					entries: 1,
					by_status: { ...zero, measured: 1 },
					closed: 1,
					open_late: 0,
					closure_rate: 1,
				},
				previous: {
					entries: 1,
					by_status: { ...zero, measured: 1 },
					closed: 1,
					open_late: 0,
					closure_rate: 1,
				},
			},
		]);
		// The receipts page (no team) and the baseline: one late, one closed.
		expect(readJson('fiscal', 'reviews/2026-q4.json').totals).toEqual({
			entries: 2,
			by_status: { ...zero, shipped: 1, measured: 1 },
			closed: 1,
			open_late: 1,
			closure_rate: 0.5,
		});
	});

	it('says so on an empty quarter’s page, and lists what fell due in it', () => {
		const html = page('fiscal', 'reviews/2027-q2');
		expect(textOf(html.querySelector('h1'))).toBe('FY2027 Q2 review');
		expect(textOf(html.querySelector('main'))).toContain('No entries are dated in FY2027 Q2.');
		// The batching step due 1 May and growth-late's result due 20 May fell due in this quarter:
		// counted here, listed on the Payments and Growth review pages.
		expect(textOf(html.getElementById('journal-follow-ups')!.nextElementSibling)).toContain(
			'Next steps due: 0 done, 1 overdue',
		);
		const listed = (team: string) =>
			page('fiscal', `reviews/2027-q2/${team}`)
				.querySelectorAll('.review-follow-ups li')
				.map(textOf);
		expect(listed('payments')).toEqual([
			expect.stringMatching(/^Overdue: Apply batching to refunds/),
		]);
		expect(listed('growth')).toEqual([
			expect.stringMatching(/^Result late: Shortened the signup form/),
		]);
	});

	it('opens the home page with the quarter’s change in words, and last month while this one is empty', () => {
		const home = page('fiscal', '');
		const cards = home.querySelectorAll('.cards > div').map(textOf);
		expect(cards).toEqual([
			'Entries shipped 1 up 1 from 0 last quarter',
			'Results in 0 same as last quarter',
			'Closure rate none yet no rate last quarter',
			// The growth-new step due 1 September; last quarter: the batching step and growth-late.
			'Overdue follow-ups 1 down 1 from 2 last quarter',
		]);
		const text = textOf(home.querySelector('main'));
		expect(text).toContain('Last month: August 2026');
		expect(text).toContain(
			'Nothing is dated in September 2026 yet, so this is the last complete month.',
		);
	});
});
