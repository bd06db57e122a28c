import { describe, expect, it } from 'vitest';
import {
	compareQuarters,
	datesReviewed,
	getHeadline,
	getQuarterFollowUps,
	getQuarterSide,
	getQuarterStats,
} from '../../src/lib/facts/quarterly-review.ts';
import { chooseDigestMonth } from '../../src/lib/facts/monthly-rollup.ts';
import { inQuarter, previousQuarter, quarterOf } from '../../src/lib/facts/quarters.ts';
import { countChangeText, rateChangeText } from '../../src/lib/site/format.ts';
import { toReviewRecord } from '../../src/lib/site/review-json.ts';
import { makeEntry } from '../helpers.ts';
import { addDays } from '../../src/lib/utils/dates.ts';

const TODAY = '2026-12-06';
const DAYS = 30;
const metrics = new Map([
	['latency', { direction: 'down' as const }],
	['conversion', { direction: 'up' as const }],
]);

// Q4 2026 (calendar) against Q3 2026; payments and growth.
const entries = [
	// Q3: payments closes two, growth has one late.
	makeEntry('q3-win', {
		date: '2026-07-10',
		team: 'payments',
		status: 'measured',
		metrics: [{ metric: 'latency', before: 1000, after: 800, method: 'ab_test' }],
		next: [
			{ step: 'Roll out to refunds', due: '2026-10-05', done: true },
			{ step: 'Write it up', due: '2026-11-01', done: false },
		],
	}),
	makeEntry('q3-revert', {
		date: '2026-08-01',
		team: 'payments',
		status: 'reverted',
		metrics: [{ metric: 'conversion', before: 3, after: 2.7, method: 'pre_post' }],
	}),
	makeEntry('q3-late', { date: '2026-09-20', team: 'growth', status: 'shipped' }),
	// Q4: payments has one not yet due (nothing closed, no rate); growth one closed, one late.
	makeEntry('q4-new', { date: '2026-11-30', team: 'payments', status: 'shipped' }),
	makeEntry('q4-growth-win', {
		date: '2026-10-02',
		team: 'growth',
		status: 'measured',
		metrics: [
			{ metric: 'conversion', before: 2, after: 2.5, method: 'holdout' },
			{ metric: 'latency', before: 500, after: 600 },
		],
	}),
	makeEntry('q4-growth-late', { date: '2026-10-20', team: 'growth', status: 'measuring' }),
	// Q1: outside both quarters.
	makeEntry('q1', { date: '2026-02-01', team: 'payments', status: 'measured' }),
];
const q4 = quarterOf(TODAY);
const q3 = previousQuarter(q4);
const team = (id: string) => entries.filter((e) => e.data.team === id);

describe('getQuarterStats', () => {
	it('counts the entries by status and their loop health as loop-health.ts does', () => {
		const review = compareQuarters(entries, q4, q3, metrics, TODAY, DAYS);
		expect(review.current.entries.map((e) => e.slug)).toEqual([
			'q4-new',
			'q4-growth-win',
			'q4-growth-late',
		]);
		expect(review.current.stats).toEqual({
			entries: 3,
			byStatus: { shipped: 1, measuring: 1, measured: 1, inconclusive: 0, reverted: 0 },
			closed: 1,
			openLate: 1,
			rate: 0.5,
		});
		expect(review.previous.stats).toMatchObject({
			entries: 3,
			closed: 2,
			openLate: 1,
			rate: 2 / 3,
		});
	});

	it('gives no rate to an empty quarter or one where nothing is closed or late, and 0 to one where only late ones are', () => {
		expect(getQuarterStats([], TODAY, DAYS)).toMatchObject({
			entries: 0,
			closed: 0,
			rate: undefined,
		});
		const payments = compareQuarters(team('payments'), q4, q3, metrics, TODAY, DAYS);
		expect(payments.current.stats).toMatchObject({
			entries: 1,
			closed: 0,
			openLate: 0,
			rate: undefined,
		});
		expect(payments.previous.stats).toMatchObject({ entries: 2, closed: 2, openLate: 0, rate: 1 });
		const growth = compareQuarters(team('growth'), q3, previousQuarter(q3), metrics, TODAY, DAYS);
		expect(growth.current.stats).toMatchObject({ entries: 1, closed: 0, openLate: 1, rate: 0 });
		expect(growth.previous.stats.entries).toBe(0);
	});

	it('splits moves into improvements and regressions by the metric’s direction, and counts evidence', () => {
		const review = compareQuarters(entries, q4, q3, metrics, TODAY, DAYS);
		expect(review.current.moves.map((m) => [m.entry.slug, m.result.metric])).toEqual([
			['q4-growth-win', 'conversion'],
		]);
		expect(review.current.regressions.map((m) => [m.entry.slug, m.result.metric])).toEqual([
			['q4-growth-win', 'latency'],
		]);
		expect(review.previous.moves.map((m) => m.entry.slug)).toEqual(['q3-win']);
		expect(review.previous.regressions.map((m) => m.entry.slug)).toEqual(['q3-revert']);
		expect(review.current.evidence).toEqual({ strong: 1, directional: 0, weak: 0, unstated: 1 });
		expect(review.current.withoutMetrics).toBe(2);
		expect(review.previous.evidence).toEqual({ strong: 1, directional: 1, weak: 0, unstated: 0 });
	});
});

describe('getQuarterFollowUps', () => {
	it('takes the steps and results that fell due in the quarter, from entries of any quarter', () => {
		const f = getQuarterFollowUps(entries, q4, TODAY, DAYS);
		expect(f.doneSteps.map((s) => s.step.step)).toEqual(['Roll out to refunds']);
		expect(f.overdueSteps.map((s) => s.step.step)).toEqual(['Write it up']);
		// q3-late was due 20 October; q4-growth-late 19 November; q4-growth-win closed, due 1 November.
		expect(f.lateResults.map((e) => e.slug)).toEqual(['q3-late', 'q4-growth-late']);
		expect(f.closedResults.map((e) => e.slug)).toEqual(['q4-growth-win']);
		// q4-new is due 30 December: not yet late, so in neither list.
		expect(getQuarterFollowUps(entries, q3, TODAY, DAYS).lateResults).toEqual([]);
	});
});

describe('datesReviewed', () => {
	it('names every entry that a side of a quarter reads, so that leaving out the rest changes nothing', () => {
		const scope = [
			...entries,
			// Dated before both quarters; only its measure-by date falls in Q1 2027.
			makeEntry('read-late', {
				date: '2026-05-01',
				status: 'measured',
				measure_by: '2027-02-01',
			}),
			// Dated before both quarters; only a step's due date falls in Q4 2026, overdue by today.
			makeEntry('step-due', {
				date: '2026-03-01',
				status: 'measured',
				next: [{ step: 'Tell support', due: '2026-10-15', done: false }],
			}),
		];
		let left = 0;
		for (let quarter = quarterOf('2025-11-01'); quarter.start <= '2027-06-30';) {
			const read = scope.filter((e) =>
				datesReviewed(e.data, DAYS).some((d) => inQuarter(d, quarter)),
			);
			left += scope.length - read.length;
			expect(getQuarterSide(read, quarter, metrics, TODAY, DAYS)).toEqual(
				getQuarterSide(scope, quarter, metrics, TODAY, DAYS),
			);
			quarter = quarterOf(addDays(quarter.end, 1));
		}
		// The cut is not empty, and the entries read only for a follow-up are kept where they count.
		expect(left).toBeGreaterThan(0);
		const q1 = quarterOf('2027-01-15');
		expect(
			getQuarterSide(scope, q1, metrics, TODAY, DAYS).followUps.closedResults.map((e) => e.slug),
		).toContain('read-late');
		expect(
			getQuarterSide(scope, q4, metrics, TODAY, DAYS).followUps.overdueSteps.map(
				(s) => s.entry.slug,
			),
		).toContain('step-due');
	});
});

describe('getHeadline and its words', () => {
	it('puts each number beside last quarter’s', () => {
		const headline = getHeadline(compareQuarters(entries, q4, q3, metrics, TODAY, DAYS));
		expect(headline).toEqual({
			entries: { current: 3, previous: 3 },
			closed: { current: 1, previous: 2 },
			rate: { current: 0.5, previous: 2 / 3 },
			overdue: { current: 3, previous: 0 },
		});
		expect(countChangeText(headline.entries)).toBe('same as last quarter');
		expect(countChangeText(headline.closed)).toBe('down 1 from 2 last quarter');
		expect(countChangeText(headline.overdue)).toBe('up 3 from 0 last quarter');
		expect(rateChangeText(headline.rate)).toBe('down 17 points from 67% last quarter');
	});

	it('says when a rate is missing rather than inventing one', () => {
		expect(rateChangeText({ current: 0.5 })).toBe('no rate last quarter');
		expect(rateChangeText({ previous: 0.25 })).toBe('25% last quarter');
		expect(rateChangeText({ current: 0.26, previous: 0.25 })).toBe(
			'up 1 point from 25% last quarter',
		);
		expect(rateChangeText({ current: 0.251, previous: 0.25 })).toBe('same as last quarter (25%)');
	});
});

describe('toReviewRecord', () => {
	it('has exactly the documented shape, with a null rate where there is none', () => {
		const journal = compareQuarters(entries, q4, q3, metrics, TODAY, DAYS);
		const payments = compareQuarters(team('payments'), q4, q3, metrics, TODAY, DAYS);
		const record = toReviewRecord(journal, [
			{ id: 'payments', name: 'Payments', comparison: payments },
		]);
		expect(record).toEqual({
			period: { start: '2026-10-01', end: '2026-12-31' },
			previous: { start: '2026-07-01', end: '2026-09-30' },
			totals: {
				entries: 3,
				by_status: { shipped: 1, measuring: 1, measured: 1, inconclusive: 0, reverted: 0 },
				closed: 1,
				open_late: 1,
				closure_rate: 0.5,
			},
			teams: [
				{
					id: 'payments',
					name: 'Payments',
					current: {
						entries: 1,
						by_status: { shipped: 1, measuring: 0, measured: 0, inconclusive: 0, reverted: 0 },
						closed: 0,
						open_late: 0,
						closure_rate: null,
					},
					previous: {
						entries: 2,
						by_status: { shipped: 0, measuring: 0, measured: 1, inconclusive: 0, reverted: 1 },
						closed: 2,
						open_late: 0,
						closure_rate: 1,
					},
				},
			],
		});
	});
});

describe('chooseDigestMonth', () => {
	const has =
		(...months: string[]) =>
		(m: string) =>
			months.includes(m);
	it('shows this month when it has entries, else the last complete month, else nothing', () => {
		expect(chooseDigestMonth('2026-12-06', has('2026-12', '2026-11'))).toEqual({
			month: '2026-12',
			fallback: false,
		});
		expect(chooseDigestMonth('2026-12-06', has('2026-11'))).toEqual({
			month: '2026-11',
			fallback: true,
		});
		expect(chooseDigestMonth('2027-01-02', has('2026-12'))).toEqual({
			month: '2026-12',
			fallback: true,
		});
		expect(chooseDigestMonth('2026-12-06', has('2026-10'))).toBeUndefined();
	});
});
