/**
 * People, team and feature pages: facts read from the built HTML, checked against expectations
 * computed independently from the content files (read with the project's loader).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { makeJournal, manyMeasurementsFiles, minimalFixture, sampleContent } from '../helpers.ts';
import { PAGE_SIZE } from '../../src/lib/site/page-size.ts';
import { TEAM_PAGE } from '../../src/lib/site/team-pages.ts';
import type { Entry, EntryStatus } from '../../src/lib/content/schema.ts';
import { outDir, page, textOf } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

interface Published {
	slug: string;
	data: Entry;
}

/** Every non-draft entry of a content root, as the loader reads it. */
function publishedEntries(root: string): Published[] {
	const journal = readJournalFiles(root);
	return journal.entries.flatMap((e) =>
		e.data && !e.data.draft ? [{ slug: e.id, data: e.data }] : [],
	);
}

const sample = publishedEntries(sampleContent);
const minimal = publishedEntries(minimalFixture);
const samplePeople = readJournalFiles(sampleContent).people.map((p) => p.id);

/** Credits of an entry, written out here rather than taken from src/lib. */
const creditsOf = (e: Published) =>
	e.data.authors.map((a) => (typeof a === 'string' ? { person: a, role: undefined } : a));

const newestFirst = (a: Published, b: Published) =>
	b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug);
const oldestFirst = (a: Published, b: Published) =>
	a.data.date.localeCompare(b.data.date) || a.slug.localeCompare(b.slug);

/** Entry slugs linked from `selector`, in document order (hrefs are `<base>entries/<slug>/`). */
function linkedSlugs(root: HTMLElement, selector: string): string[] {
	return root.querySelectorAll(selector).map((a) => {
		const match = /\/entries\/([^/]+)\/$/.exec(a.getAttribute('href') ?? '');
		if (!match) throw new Error(`not an entry link: ${a.getAttribute('href')}`);
		return decodeURIComponent(match[1]!);
	});
}

/** The counts of a StatusSummary, by label. */
function statusCounts(root: HTMLElement): Record<string, number> {
	return Object.fromEntries(
		root
			.querySelectorAll('.status-summary > div')
			.map((d) => [d.querySelector('dt')!.text.trim(), Number(d.querySelector('dd')!.text)]),
	);
}

function expectedCounts(list: Published[]): Record<string, number> {
	const statuses: EntryStatus[] = ['shipped', 'measuring', 'measured', 'inconclusive', 'reverted'];
	return {
		entries: list.length,
		...Object.fromEntries(statuses.map((s) => [s, list.filter((e) => e.data.status === s).length])),
	};
}

describe('person pages', () => {
	it('list exactly the entries each person authored, newest first, with their roles', () => {
		expect(samplePeople.length).toBeGreaterThan(5);
		for (const person of samplePeople) {
			const html = page('sample', `people/${person}`);
			const expected = sample
				.filter((e) => creditsOf(e).some((c) => c.person === person))
				.sort(newestFirst);
			expect(linkedSlugs(html, '.person-entries h4 a'), person).toEqual(
				expected.map((e) => e.slug),
			);
			const roles = html
				.querySelectorAll('.person-entries li')
				.map((li) => li.querySelector('.role')?.text.trim() ?? '');
			expect(roles, person).toEqual(
				expected.map((e) =>
					creditsOf(e)
						.filter((c) => c.person === person && c.role)
						.map((c) => c.role)
						.join(', '),
				),
			);
			expect(statusCounts(html), person).toEqual(expectedCounts(expected));
		}
	});

	it('group entries by year, newest year first', () => {
		const years = page('sample', 'people/ana')
			.querySelectorAll('.person-entries h3')
			.map((h) => h.text.trim().slice(0, 4));
		expect(years).toEqual(['2026', '2025']);
	});

	it('show a person with their team, GitHub, the metrics they moved and open steps', () => {
		const html = page('minimal', 'people/ana');
		expect(html.querySelector('h1')?.text).toBe('Ana Souza');
		const text = textOf(html.querySelector('main'));
		expect(text).toContain('Senior Engineer');
		expect(html.querySelector('a[href="https://github.com/anasouza"]')).not.toBeNull();
		expect(html.querySelector('main a[href="/teams/payments/"]')?.text).toBe('Payments');
		// One row per metric: how its results went, and the latest one.
		expect(text).toContain('1 result: 1 better');
		expect(text).toContain('1,900 ms → 1,100 ms −800 ms (−42.11%) better');
		expect(text).toContain('1 result: 1 worse');
		expect(text).toContain('3.2% → 3.0% −0.2 pp (−6.25%) worse');
		// How each was measured and who verified it is on the history page, one link away.
		expect(text).not.toContain('by Cy Okafor');
		expect(html.querySelectorAll('main a[href="/people/ana/history/"]').length).toBe(2);
		// Ana's only step is done, so she owns no open step.
		expect(text).toContain('Ana Souza owns no open next steps.');
		expect(text).not.toContain('Write it up');
	});

	it('mark an open step past its due date as overdue', () => {
		const html = page('minimal', 'people/bo');
		const steps = textOf(html.querySelector('.steps'));
		expect(steps).toContain('Overdue: Apply batching to refunds');
		expect(steps).toContain('due 1 May 2026');
		expect(html.querySelector('.steps .overdue')).not.toBeNull();
		expect(textOf(html.querySelector('.person-entries'))).toContain('reviewer');
	});

	it('build for a person with no published entries, and say so', () => {
		// cy's only entry in the minimal fixture is a draft.
		const html = page('minimal', 'people/cy');
		expect(html.querySelector('h1')?.text).toBe('Cy Okafor');
		const text = textOf(html.querySelector('main'));
		expect(text).toContain('Cy Okafor has no published entries.');
		// The only entry linked is the one whose numbers cy verified, not cy's draft.
		expect(
			html.querySelectorAll('main a[href*="/entries/"]').map((a) => a.getAttribute('href')),
		).toEqual(['/entries/batching/']);
		expect(text).toContain('Results they verified');
		expect(text).not.toContain('A draft nobody should see');
	});

	it('contain no internal entry in the public build', () => {
		const internal = sample.filter((e) => e.data.visibility !== 'public');
		const visible = sample.filter((e) => e.data.visibility === 'public');
		expect(internal.length).toBeGreaterThan(0);
		const dir = join(outDir('samplePublic'), 'people');
		const pages = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'index.html')));
		expect(pages.sort()).toEqual([...samplePeople].sort());
		for (const person of pages) {
			const html = readFileSync(join(dir, person, 'index.html'), 'utf8');
			for (const e of internal) {
				expect(html, `${person} links ${e.slug}`).not.toContain(`/entries/${e.slug}/`);
				expect(html, `${person} names ${e.slug}`).not.toContain(e.data.title);
			}
			const expected = visible
				.filter((e) => creditsOf(e).some((c) => c.person === person))
				.sort(newestFirst);
			const root = page('samplePublic', `people/${person}`);
			expect(linkedSlugs(root, '.person-entries h4 a'), person).toEqual(
				expected.map((e) => e.slug),
			);
			if (expected.length === 0)
				expect(textOf(root.querySelector('main'))).toContain('has no published entries.');
		}
	});

	it('are listed by name on the people index with their entry counts', () => {
		const rows = page('minimal', 'people')
			.querySelectorAll('tbody tr')
			.map((tr) => [tr.querySelector('th a')?.text.trim(), tr.querySelector('td.num')?.text]);
		const count = (person: string) =>
			String(minimal.filter((e) => creditsOf(e).some((c) => c.person === person)).length);
		expect(rows).toEqual([
			['Ana Souza', count('ana')],
			['Bo Chen', count('bo')],
			['Cy Okafor', '0'],
		]);
	});

	it('honour the base path', () => {
		const html = page('based', 'people/ana');
		expect(linkedSlugs(html, '.person-entries h4 a')).toEqual(['batching', 'baseline']);
		expect(html.querySelector('.person-entries h4 a')?.getAttribute('href')).toBe(
			'/journal/entries/batching/',
		);
		expect(page('based', 'people').querySelector('tbody th a')?.getAttribute('href')).toBe(
			'/journal/people/ana/',
		);
	});
});

describe('team pages', () => {
	it('list exactly the team’s entries with correct status counts', () => {
		for (const team of ['payments', 'growth', 'platform']) {
			const html = page('sample', `teams/${team}`);
			const expected = sample.filter((e) => e.data.team === team).sort(newestFirst);
			expect(expected.length).toBeGreaterThan(0);
			expect(linkedSlugs(html, 'details.year .entry-list h4 a'), team).toEqual(
				expected.map((e) => e.slug),
			);
			expect(statusCounts(html), team).toEqual(expectedCounts(expected));
		}
	});

	it('list the members and the lead', () => {
		const html = page('minimal', 'teams/payments');
		const members = html.querySelectorAll('.members a').map((a) => a.text.trim());
		expect(members).toEqual(['Ana Souza', 'Bo Chen']);
		expect(textOf(html.querySelector('.facts'))).toContain('Lead Ana Souza');
	});

	it('say so when a team has no entries', () => {
		const html = page('minimal', 'teams/growth');
		expect(textOf(html.querySelector('main'))).toContain('Growth has no published entries.');
		expect(html.querySelectorAll('.entry-list')).toEqual([]);
		expect(html.querySelectorAll('.members a').map((a) => a.text.trim())).toEqual(['Cy Okafor']);
	});

	it('roll up every team on the index', () => {
		const text = textOf(page('sample', 'teams').querySelector('main'));
		for (const team of ['Growth', 'Payments', 'Platform & Reliability'])
			expect(text).toContain(team);
		const payments = sample.filter((e) => e.data.team === 'payments');
		expect(text).toContain(`Entries ${payments.length}`);
	});
});

describe('a team with more entries than its page lists', () => {
	// The manyMeasurements journal puts its many entries in Payments (tests/helpers.ts).
	const payments = publishedEntries(makeJournal(manyMeasurementsFiles))
		.filter((e) => e.data.team === 'payments')
		.sort(newestFirst);
	const years = [...new Set(payments.map((e) => e.data.date.slice(0, 4)))];
	const team = page('manyMeasurements', 'teams/payments');
	const yearLinks = (html: HTMLElement) =>
		html.querySelectorAll('nav.team-years a').map((a) => ({
			href: a.getAttribute('href'),
			current: a.getAttribute('aria-current') === 'page',
		}));

	it('keeps its page, counts and loop health, and links each year with its count', () => {
		expect(payments.length).toBeGreaterThan(PAGE_SIZE.teamEntries);
		expect(years.length).toBeGreaterThan(1);
		expect(statusCounts(team)).toEqual(expectedCounts(payments));
		expect(team.querySelector('.cards')).not.toBeNull();
		expect(textOf(team.querySelector('main'))).toContain('Loop health');
		expect(team.querySelectorAll('.entry-list')).toEqual([]);
		expect(yearLinks(team)).toEqual([
			{ href: '/teams/payments/', current: true },
			...years.map((y) => ({ href: `/teams/payments/${y}/`, current: false })),
		]);
		const nav = textOf(team.querySelector('nav.team-years'));
		for (const y of years) {
			const n = payments.filter((e) => e.data.date.startsWith(y)).length;
			expect(nav).toContain(`${y} (${n} ${n === 1 ? 'entry' : 'entries'})`);
		}
	});

	it('lists each year’s entries on its own page: every entry once', () => {
		const listed = years.flatMap((y) => {
			const html = page('manyMeasurements', `teams/payments/${y}`);
			const slugs = linkedSlugs(html, '.entry-list h2 a');
			expect(slugs, y).toEqual(
				payments.filter((e) => e.data.date.startsWith(y)).map((e) => e.slug),
			);
			expect(yearLinks(html).filter((l) => l.current)).toEqual([
				{ href: `/teams/payments/${y}/`, current: true },
			]);
			return slugs;
		});
		expect(listed).toEqual(payments.map((e) => e.slug));
		expect(existsSync(join(outDir('manyMeasurements'), 'teams/payments/1999'))).toBe(false);
		// A team that fits on its page has no year pages.
		expect(existsSync(join(outDir('manyMeasurements'), 'teams/growth', years[0]!))).toBe(false);
	});
});

describe('a team whose metrics and open steps outgrow its page', () => {
	// The manyMeasurements journal's Payments entries measure LOAD_METRICS and leave bo a step each.
	const payments = publishedEntries(makeJournal(manyMeasurementsFiles))
		.filter((e) => e.data.team === 'payments')
		.sort(newestFirst);
	/** Metric ids, the most recently reported first. */
	const reported = [
		...new Set(payments.flatMap((e) => (e.data.metrics ?? []).map((m) => m.metric))),
	];
	const href = (id: string) => `/metrics/${id}/`;
	const team = page('manyMeasurements', 'teams/payments');
	const metricLinks = (html: HTMLElement) =>
		html
			.querySelectorAll('table.team-metrics th[scope="row"] a')
			.map((a) => a.getAttribute('href'));
	/** Open steps that `owner` should act on, as written in the files. */
	const stepsOf = (owner: string) =>
		payments.flatMap((e) =>
			(e.data.next ?? []).filter((s) => !s.done && (s.owner ?? creditsOf(e)[0]!.person) === owner),
		);
	const owners = [
		...new Set(
			payments.flatMap((e) =>
				(e.data.next ?? []).flatMap((s) => (s.done ? [] : [s.owner ?? creditsOf(e)[0]!.person])),
			),
		),
	].sort();
	const listedSteps = (html: HTMLElement, owner: string) =>
		html.querySelectorAll(`section[aria-labelledby="steps-${owner}"] li`).map((li) => textOf(li));

	it('lists the metrics it reported most recently, and links a page with every one', () => {
		expect(reported.length).toBeGreaterThan(TEAM_PAGE.metrics);
		const shown = metricLinks(team);
		expect(shown).toHaveLength(TEAM_PAGE.metrics);
		expect(new Set(shown)).toEqual(new Set(reported.slice(0, TEAM_PAGE.metrics).map(href)));
		expect(team.querySelector('a[href="/teams/payments/metrics/"]')?.text).toBe(
			`all ${reported.length} metrics`,
		);
		const all = metricLinks(page('manyMeasurements', 'teams/payments/metrics'));
		expect(all).toHaveLength(reported.length);
		expect(new Set(all)).toEqual(new Set(reported.map(href)));
	});

	it('shows each owner’s soonest steps, and links the rest on its next-steps page', () => {
		const bo = stepsOf('bo');
		expect(bo.length).toBeGreaterThan(TEAM_PAGE.stepsPerOwner);
		const shown = listedSteps(team, 'bo');
		expect(shown).toHaveLength(TEAM_PAGE.stepsPerOwner);
		// The soonest due: none left out is due before one shown (undated steps come last).
		const dueOf = (li: string) => bo.find((s) => li.includes(s.step))!.due ?? '9999-12-31';
		const latestShown = shown.map(dueOf).sort().at(-1)!;
		const left = bo.filter((s) => !shown.some((li) => li.includes(s.step)));
		expect(left).toHaveLength(bo.length - TEAM_PAGE.stepsPerOwner);
		for (const step of left)
			expect((step.due ?? '9999-12-31') >= latestShown, step.step).toBe(true);
		const more = team.querySelector('section[aria-labelledby="steps-bo"] .more-steps a');
		expect(more?.getAttribute('href')).toBe('/teams/payments/next-steps/#steps-bo');
		expect(textOf(more)).toBe(
			`${bo.length - TEAM_PAGE.stepsPerOwner} more of Bo Chen’s open steps`,
		);

		const all = page('manyMeasurements', 'teams/payments/next-steps');
		expect(all.querySelector('#steps-bo')).not.toBeNull();
		// A name that ends in s takes ’ alone: not "Payments’s".
		expect(textOf(all.querySelector('.lede'))).toContain('open next steps from Payments’ entries');
		for (const owner of owners) {
			const listed = listedSteps(all, owner);
			expect(listed, owner).toHaveLength(stepsOf(owner).length);
			for (const { step } of stepsOf(owner))
				expect(
					listed.filter((li) => li.includes(step)),
					step,
				).toHaveLength(1);
		}
	});

	it('gets neither page when both lists fit on the team’s own', () => {
		for (const list of ['metrics', 'next-steps']) {
			expect(existsSync(join(outDir('minimal'), 'teams/payments', list))).toBe(false);
			expect(
				page('minimal', 'teams/payments').querySelector(`a[href="/teams/payments/${list}/"]`),
			).toBeNull();
		}
	});
});

describe('feature pages', () => {
	it('render the feature description from its markdown body', () => {
		const html = page('minimal', 'features/one-click');
		expect(textOf(html.querySelector('main'))).toContain('Pay with a saved card in one click.');
	});

	it('list every entry about the feature, oldest first', () => {
		const ids = readJournalFiles(sampleContent).features.map((f) => f.id);
		for (const id of ids) {
			const html = page('sample', `features/${id}`);
			const expected = sample
				.filter((e) => e.data.features?.includes(id))
				.sort(oldestFirst)
				.map((e) => e.slug);
			expect(linkedSlugs(html, '.entry-list h3 a'), id).toEqual(expected);
		}
	});

	it('show the feature’s facts and rendered description', () => {
		const html = page('minimal', 'features/one-click');
		expect(html.querySelector('h1')?.text).toBe('One-click checkout');
		const facts = textOf(html.querySelector('.facts'));
		expect(facts).toContain('Status launched');
		expect(facts).toContain('Team Payments');
		expect(facts).toContain('Launched 3 Feb 2026');
		expect(textOf(html.querySelector('.prose'))).toContain('Pay with a saved card in one click.');
		expect(linkedSlugs(html, '.entry-list h3 a')).toEqual(['batching']);
	});

	it('are grouped by lifecycle stage on the index, with entry counts', () => {
		const html = page('sample', 'features');
		const headings = html.querySelectorAll('main h2').map((h) => h.text.trim());
		expect(headings).toEqual(['Planned', 'Building', 'Launched', 'Retired']);
		const journal = readJournalFiles(sampleContent);
		for (const f of journal.features) {
			const item = html
				.querySelectorAll('.features li')
				.find((li) => li.querySelector('a')?.getAttribute('href') === `/features/${f.id}/`);
			expect(item?.getAttribute('data-status'), f.id).toBe(f.data!.status);
			const count = sample.filter((e) => e.data.features?.includes(f.id)).length;
			expect(textOf(item ?? null)).toContain(count === 1 ? '1 entry' : `${count} entries`);
		}
	});
});
