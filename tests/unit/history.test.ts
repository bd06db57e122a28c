import { describe, expect, it } from 'vitest';
import {
	inPeriod,
	periodQuery,
	presetOf,
	presetPeriod,
	previousPeriod,
	readPeriod,
	summarizeHistory,
	toHistoryItem,
} from '../../src/lib/facts/history.ts';
import {
	comparisonRows,
	periodLabel,
	shareText,
	summaryStats,
} from '../../src/lib/site/history-view.ts';
import { makeEntry } from '../helpers.ts';

const metrics = new Map([
	['p95', { direction: 'down' as const }],
	['conv', { direction: 'up' as const }],
]);

/** Entry c (shipped 2025-12-30) is past its measure-by date on this day. */
const asOf = { today: '2026-06-01', followUpDays: 30 };

const items = [
	toHistoryItem(
		{
			entry: makeEntry('a', {
				date: '2026-03-14',
				status: 'measured',
				team: 'payments',
				features: ['checkout', 'vault'],
				verified_by: { person: 'cy' },
				metrics: [
					{ metric: 'p95', before: 1900, after: 1100, method: 'ab_test' },
					{ metric: 'conv', before: 3.2, after: 3.0, method: 'pre_post' },
				],
			}),
			roles: ['lead'],
		},
		metrics,
		asOf,
	),
	toHistoryItem(
		{
			entry: makeEntry('b', {
				date: '2026-05-02',
				status: 'reverted',
				team: 'growth',
				features: ['checkout'],
				metrics: [{ metric: 'conv', before: 3.0 }],
			}),
			roles: ['reviewer', 'support'],
		},
		metrics,
		asOf,
	),
	toHistoryItem({ entry: makeEntry('c', { date: '2025-12-30' }), roles: [] }, metrics, asOf),
];

describe('toHistoryItem', () => {
	it('keeps what the summary needs, with each result judged by direction and method', () => {
		expect(items[0]).toEqual({
			slug: 'a',
			date: '2026-03-14',
			status: 'measured',
			roles: ['lead'],
			team: 'payments',
			features: ['checkout', 'vault'],
			verified: true,
			results: [
				{ verdict: 'better', evidence: 'strong' },
				{ verdict: 'worse', evidence: 'directional' },
			],
			late: false,
		});
		expect(items[2]!.results).toEqual([]);
		expect(items[2]!.late).toBe(true);
	});
});

describe('summarizeHistory', () => {
	it('counts entries by status and role, results by direction and evidence, and verification', () => {
		const summary = summarizeHistory(items);
		expect(summary).toEqual({
			entries: 3,
			byStatus: { shipped: 1, measuring: 0, measured: 1, inconclusive: 0, reverted: 1 },
			byRole: { lead: 1, contributor: 0, reviewer: 1, support: 1, none: 1 },
			results: 3,
			measured: 2,
			better: 1,
			worse: 1,
			strong: 1,
			byEvidence: { strong: 1, directional: 1, weak: 0, unstated: 1 },
			closed: 2,
			openLate: 1,
			closureRate: 2 / 3,
			verified: 1,
			features: ['checkout', 'vault'],
			teams: ['growth', 'payments'],
		});
		expect(summaryStats(summary)).toMatchObject({
			entries: '3',
			better: '1 of 2 measured results (50%)',
			strong: '1 of 3 results (33%)',
			verified: '1 of 3 entries (33%)',
			'status-reverted': '1',
			'role-none': '1',
		});
	});

	it('summarises an empty period without dividing by zero', () => {
		const summary = summarizeHistory([]);
		expect(summary.entries).toBe(0);
		expect(summaryStats(summary)).toMatchObject({
			entries: '0',
			better: 'no measured results',
			verified: 'no entries',
		});
	});
});

describe('review periods', () => {
	it('each have a previous period as many months long, just before', () => {
		expect(previousPeriod({ from: '2026-01', to: '2026-06' }, '2026-11-24')).toEqual({
			from: '2025-07',
			to: '2025-12',
		});
		expect(previousPeriod({ from: '2026-03', to: '2026-03' }, '2026-11-24')).toEqual({
			from: '2026-02',
			to: '2026-02',
		});
		// An open end is the build's month: June to November 2026 is six months.
		expect(previousPeriod({ from: '2026-06' }, '2026-11-24')).toEqual({
			from: '2025-12',
			to: '2026-05',
		});
		expect(previousPeriod({}, '2026-11-24')).toBeUndefined();
		expect(previousPeriod({ to: '2026-06' }, '2026-11-24')).toBeUndefined();
	});

	it('count whole months back from the build date, that month included', () => {
		expect(presetPeriod('this-year', '2026-11-24')).toEqual({ from: '2026-01', to: '2026-11' });
		expect(presetPeriod('last-6-months', '2026-11-24')).toEqual({ from: '2026-06', to: '2026-11' });
		expect(presetPeriod('last-12-months', '2026-11-24')).toEqual({
			from: '2025-12',
			to: '2026-11',
		});
		expect(presetPeriod('last-6-months', '2026-02-01')).toEqual({ from: '2025-09', to: '2026-02' });
	});

	it('include both end months and leave an open end unbounded', () => {
		const period = { from: '2026-01', to: '2026-03' };
		expect(inPeriod('2026-01-01', period)).toBe(true);
		expect(inPeriod('2026-03-31', period)).toBe(true);
		expect(inPeriod('2025-12-31', period)).toBe(false);
		expect(inPeriod('2026-04-01', period)).toBe(false);
		expect(inPeriod('1999-01-01', { to: '2026-03' })).toBe(true);
		expect(inPeriod('2030-01-01', {})).toBe(true);
	});

	it('read from the query string, ignoring bad months and swapping reversed ends', () => {
		const read = (query: string) => readPeriod(new URLSearchParams(query));
		expect(read('?from=2026-01&to=2026-06')).toEqual({ from: '2026-01', to: '2026-06' });
		expect(read('?from=2026-06&to=2026-01')).toEqual({ from: '2026-01', to: '2026-06' });
		expect(read('?from=2026-13&to=June')).toEqual({});
		expect(read('?to=2026-02')).toEqual({ to: '2026-02' });
		for (const period of [{}, { from: '2026-01' }, { from: '2025-02', to: '2026-06' }])
			expect(read(periodQuery(period))).toEqual(period);
		expect(periodQuery({})).toBe('');
	});

	it('are recognised as presets when they match one', () => {
		expect(presetOf({ from: '2026-06', to: '2026-11' }, '2026-11-24')).toBe('last-6-months');
		expect(presetOf({}, '2026-11-24')).toBe('all');
		expect(presetOf({ from: '2026-06', to: '2026-10' }, '2026-11-24')).toBe('custom');
	});

	it('are named in words', () => {
		expect(periodLabel({})).toBe('all time');
		expect(periodLabel({ from: '2026-01', to: '2026-06' })).toBe('January 2026 to June 2026');
		expect(periodLabel({ from: '2026-06', to: '2026-06' })).toBe('June 2026');
		expect(periodLabel({ from: '2026-06' })).toBe('from June 2026');
		expect(periodLabel({ to: '2026-06' })).toBe('up to June 2026');
		expect(shareText(2, 3, 'result', 'results')).toBe('2 of 3 results (67%)');
		expect(shareText(0, 1, 'entry', 'entries')).toBe('0 of 1 entry (0%)');
		expect(shareText(0, 0, 'entry', 'entries')).toBe('no entries');
	});
});

describe('comparisonRows', () => {
	it('compares statuses, the closure rate with its counts and the evidence mix, change in words', () => {
		const current = summarizeHistory(items.slice(0, 2));
		const previous = summarizeHistory(items.slice(2));
		const rows = new Map(comparisonRows(current, previous).map((r) => [r.label, r]));
		expect(rows.get('Entries')).toEqual({
			label: 'Entries',
			current: '2',
			previous: '1',
			change: '+1',
		});
		expect(rows.get('shipped')).toMatchObject({ current: '0', previous: '1', change: '−1' });
		expect(rows.get('measuring')!.change).toBe('no change');
		expect(rows.get('Loop-closure rate')).toMatchObject({
			current: '100% (2 of 2)',
			previous: '0% (0 of 1)',
			change: '+100 points',
		});
		expect(rows.get('Results with strong evidence')).toMatchObject({ current: '1', previous: '0' });
		expect(rows.get('Results with evidence not stated')).toMatchObject({ current: '1' });
	});

	it('says when a closure rate cannot be compared', () => {
		const rows = comparisonRows(summarizeHistory(items), summarizeHistory([]));
		expect(rows.find((r) => r.label === 'Loop-closure rate')).toMatchObject({
			previous: 'no rate (nothing closed or due)',
			change: 'cannot compare',
		});
	});
});
