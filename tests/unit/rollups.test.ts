import { describe, expect, it } from 'vitest';
import {
	biggestMoves,
	countByStatus,
	getFollowUps,
	groupByFeature,
	groupByMetric,
	groupByMonth,
	groupByPerson,
	groupByTag,
	groupMembersByTeam,
	openStepsOf,
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

	it('ranks metric moves by relative size, better or worse alike', () => {
		const all = [...groupByMetric(entries, metrics).values()].flat();
		expect(biggestMoves(all).map((m) => [m.result.metric, m.delta.verdict])).toEqual([
			['p95', 'better'],
			['conv', 'worse'],
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

	it("lists a person's open steps soonest first, leaving done ones out", () => {
		expect(openStepsOf(entries, 'bo').map((s) => s.step.step)).toEqual(['late']);
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
