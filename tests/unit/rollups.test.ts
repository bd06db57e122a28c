import { describe, expect, it } from 'vitest';
import {
	stepsBesideFollowUps,
	biggestMoves,
	countByStatus,
	countByVerdict,
	getDigest,
	getFollowUps,
	groupByFeature,
	groupByMetric,
	groupByMonth,
	groupByPerson,
	groupByTag,
	groupMembersByTeam,
	groupOpenStepsByNamedOwner,
	groupOpenStepsByOwner,
	newestFirst,
} from '../../src/lib/facts/rollups.ts';
import { makeEntry } from '../helpers.ts';

const entry = makeEntry;

const entries = [
	entry('e', {
		date: '2026-03-20',
		status: 'measured',
		authors: [{ person: 'bo', role: 'lead' }, 'ana'],
		features: ['f'],
		tags: ['Latency'],
		metrics: [{ metric: 'p95', before: 100, after: 50 }],
	}),
	entry('d', {
		date: '2026-03-02',
		status: 'reverted',
		authors: [
			{ person: 'ana', role: 'lead' },
			{ person: 'ana', role: 'reviewer' },
		],
		features: ['f'],
		tags: ['latency'],
		metrics: [{ metric: 'conv', before: 10, after: 9 }],
	}),
	entry('c', {
		date: '2026-02-10',
		status: 'measuring',
		measure_by: '2026-02-20',
		next: [{ step: 'late', owner: 'bo', due: '2026-02-15', done: false }],
	}),
	entry('b', {
		date: '2026-01-15',
		status: 'shipped',
		next: [
			{ step: 'old', due: '2026-01-20', done: false },
			{ step: 'finished', owner: 'bo', due: '2026-01-01', done: true },
		],
	}),
];
const metrics = new Map([
	['p95', { direction: 'down' as const }],
	['conv', { direction: 'up' as const }],
]);

describe('roll-ups', () => {
	it('counts every status, zeros included', () => {
		expect(countByStatus(entries)).toEqual({
			shipped: 1,
			measuring: 1,
			measured: 1,
			inconclusive: 0,
			reverted: 1,
		});
	});

	it('groups by month, newest month first', () => {
		const months = groupByMonth(entries);
		expect([...months.keys()]).toEqual(['2026-03', '2026-02', '2026-01']);
		expect(months.get('2026-03')!.map((e) => e.slug)).toEqual(['e', 'd']);
	});

	it("credits each author once per entry, with all of that person's roles", () => {
		const byPerson = groupByPerson(entries);
		expect(byPerson.get('ana')!.map((c) => [c.entry.slug, c.roles])).toEqual([
			['e', []],
			['d', ['lead', 'reviewer']],
			['c', []],
			['b', []],
		]);
		expect(byPerson.get('bo')!.map((c) => [c.entry.slug, c.roles])).toEqual([['e', ['lead']]]);
	});

	it('lists a feature’s entries oldest first', () => {
		expect(
			groupByFeature(entries)
				.get('f')!
				.map((e) => e.slug),
		).toEqual(['d', 'e']);
	});

	it('merges tags that differ only in case', () => {
		const tags = groupByTag(entries);
		expect([...tags.keys()]).toEqual(['latency']);
		expect(tags.get('latency')!.entries.map((e) => e.slug)).toEqual(['e', 'd']);
	});

	it('ranks moves in the better direction by their share of before, for up and down metrics', () => {
		const moves = [
			entry('p95-down', { metrics: [{ metric: 'p95', before: 200, after: 150 }] }), // −25%, better
			entry('p95-up', { metrics: [{ metric: 'p95', before: 100, after: 160 }] }), // +60%, worse
			entry('conv-up', { metrics: [{ metric: 'conv', before: 10, after: 13 }] }), // +30%, better
			entry('conv-down', { metrics: [{ metric: 'conv', before: 10, after: 2 }] }), // −80%, worse
			entry('conv-same', { metrics: [{ metric: 'conv', before: 10, after: 10 }] }),
			entry('conv-open', { metrics: [{ metric: 'conv', before: 10 }] }),
			entry('from-zero', { metrics: [{ metric: 'conv', before: 0, after: 5 }] }), // no percent
		];
		const all = [...groupByMetric(moves, metrics).values()].flat();
		expect(biggestMoves(all).map((m) => [m.entry.slug, m.delta.percent])).toEqual([
			['conv-up', 30],
			['p95-down', -25],
		]);
		expect(biggestMoves(all, 1).map((m) => m.entry.slug)).toEqual(['conv-up']);
	});

	it('lists a metric oldest first for its timeline, newest first for its page', () => {
		const measured = [
			entry('a-same-day', { date: '2026-02-01', metrics: [{ metric: 'p95', before: 1 }] }),
			entry('old', { date: '2025-06-01', metrics: [{ metric: 'p95', before: 1 }] }),
			entry('b-same-day', { date: '2026-02-01', metrics: [{ metric: 'p95', before: 1 }] }),
			entry('new', { date: '2026-05-01', metrics: [{ metric: 'p95', before: 1 }] }),
		];
		const oldestFirst = groupByMetric(measured, metrics).get('p95')!;
		const slugs = (list: typeof oldestFirst) => list.map((m) => m.entry.slug);
		expect(slugs(oldestFirst)).toEqual(['old', 'a-same-day', 'b-same-day', 'new']);
		// Same-day entries in slug order, as entry lists have them: not the oldest-first list reversed.
		expect(slugs(newestFirst(oldestFirst))).toEqual(['new', 'a-same-day', 'b-same-day', 'old']);
		expect(slugs(oldestFirst)).toEqual(['old', 'a-same-day', 'b-same-day', 'new']);
	});

	it('counts how a metric moved by verdict, judged by its direction', () => {
		const moves = [
			entry('p95-down', { metrics: [{ metric: 'p95', before: 200, after: 150 }] }), // better
			entry('p95-up', { metrics: [{ metric: 'p95', before: 100, after: 160 }] }), // worse
			entry('p95-down-2', { metrics: [{ metric: 'p95', before: 150, after: 120 }] }), // better
			entry('p95-same', { metrics: [{ metric: 'p95', before: 120, after: 120 }] }),
			entry('p95-open', { metrics: [{ metric: 'p95', before: 120 }] }),
		];
		expect(countByVerdict(groupByMetric(moves, metrics).get('p95')!)).toEqual({
			better: 2,
			worse: 1,
			unchanged: 1,
			unmeasured: 1,
		});
	});

	it('leaves regressions out of the moves, however large', () => {
		const all = [...groupByMetric(entries, metrics).values()].flat();
		expect(biggestMoves(all).map((m) => [m.result.metric, m.delta.verdict])).toEqual([
			['p95', 'better'],
		]);
	});

	it('queues due entries and overdue steps oldest first', () => {
		const { due, overdue } = getFollowUps(entries, '2026-03-01', 30);
		expect(due.map((d) => [d.entry.slug, d.measureBy, d.daysLate])).toEqual([
			['b', '2026-02-14', 15],
			['c', '2026-02-20', 9],
		]);
		expect(overdue.map((o) => [o.step.step, o.daysLate])).toEqual([
			['old', 40],
			['late', 14],
		]);
	});

	it('groups open steps by owner, a step without one going to the first author', () => {
		const groups = groupOpenStepsByOwner(entries);
		expect([...groups].map(([owner, list]) => [owner, list.map((s) => s.step.step)])).toEqual([
			['ana', ['old']],
			['bo', ['late']],
		]);
	});

	it('the digest tallies next steps opened and done, and the loop health of its entries', () => {
		const digest = getDigest(entries, metrics, '2026-03-01', 30);
		expect(digest.steps.steps.map((s) => s.step.step)).toEqual(['late', 'old', 'finished']);
		expect([digest.steps.done, digest.steps.open]).toEqual([1, 2]);
		// e and d are closed; b (due 2026-02-14) and c (due 2026-02-20) are open and late.
		expect(digest.health).toEqual({ closed: 2, openLate: 2, notYetDue: 0, rate: 0.5 });
		expect(digest.byStatus).toMatchObject({ measured: 1, reverted: 1, shipped: 1, measuring: 1 });
		expect(digest.moves.map((m) => m.entry.slug)).toEqual(['e']);
	});

	it("lists each person's open steps soonest first, leaving done and unowned ones out", () => {
		const groups = groupOpenStepsByNamedOwner(entries);
		expect([...groups].map(([owner, list]) => [owner, list.map((s) => s.step.step)])).toEqual([
			['bo', ['late']],
		]);
	});

	it("finds a team's members and its lead", () => {
		const people = new Map([
			['ana', { team: 'pay' }],
			['bo', { team: 'growth' }],
			['cy', {}],
		]);
		const teams = new Map([
			['pay', { lead: 'cy' }],
			['growth', {}],
		]);
		expect(groupMembersByTeam(people, teams)).toEqual(
			new Map([
				['pay', ['ana', 'cy']],
				['growth', ['bo']],
			]),
		);
	});
});

describe('stepsBesideFollowUps', () => {
	it('leaves out the open steps past due, keeping done, undated and not-yet-due ones in order', () => {
		const entry = 'e';
		const steps = [
			{ entry, step: { step: 'late', due: '2026-03-01', done: false } },
			{ entry, step: { step: 'done late', due: '2026-03-01', done: true } },
			{ entry, step: { step: 'undated', done: false } },
			{ entry, step: { step: 'due today', due: '2026-04-01', done: false } },
			{ entry, step: { step: 'later', due: '2026-05-01', done: false } },
		];
		const { listed, overdue } = stepsBesideFollowUps({ steps }, '2026-04-01');
		expect(listed.map((s) => s.step.step)).toEqual(['done late', 'undated', 'due today', 'later']);
		expect(overdue).toBe(1);
	});
});
