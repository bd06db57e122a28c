import { describe, expect, it } from 'vitest';
import {
	getLoopHealth,
	getLoopHealthSummary,
	inLastTwelveMonths,
	isClosed,
} from '../../src/lib/facts/loop-health.ts';
import { getMonthlyRollup } from '../../src/lib/facts/monthly-rollup.ts';
import { groupByTeam } from '../../src/lib/facts/rollups.ts';
import { getTeamRollup } from '../../src/lib/facts/team-rollup.ts';
import { addMonths, lastMonths } from '../../src/lib/utils/dates.ts';
import { makeEntry } from '../helpers.ts';

const TODAY = '2026-06-15';
const DAYS = 30;

// The last 12 months as of TODAY are 2025-07 … 2026-06.
const entries = [
	// Outside the last 12 months.
	makeEntry('old-closed', { date: '2025-05-20', status: 'measured', team: 'pay' }),
	makeEntry('old-late', { date: '2025-06-01', status: 'shipped', team: 'growth' }),
	// Closed before its measure-by date: closed all the same.
	makeEntry('early', {
		date: '2026-06-01',
		status: 'measured',
		measure_by: '2026-07-01',
		team: 'pay',
	}),
	// Shipped ten days ago: not yet due (default measure-by 2026-07-05), in neither count.
	makeEntry('not-yet', { date: '2026-06-05', status: 'shipped', team: 'pay' }),
	makeEntry('late', {
		date: '2026-03-01',
		status: 'measuring',
		measure_by: '2026-04-01',
		team: 'pay',
	}),
	makeEntry('reverted', { date: '2026-02-10', status: 'reverted', team: 'growth' }),
	makeEntry('inconclusive', { date: '2026-02-20', status: 'inconclusive', team: 'pay' }),
];

describe('loop health', () => {
	it('counts measured, inconclusive and reverted as closed, and nothing else', () => {
		expect(
			(['shipped', 'measuring', 'measured', 'inconclusive', 'reverted'] as const).filter((status) =>
				isClosed({ status }),
			),
		).toEqual(['measured', 'inconclusive', 'reverted']);
	});

	it('all time: closed ÷ (closed + open and late), not-yet-due entries in neither', () => {
		expect(getLoopHealth(entries, TODAY, DAYS)).toEqual({
			closed: 4,
			openLate: 2,
			notYetDue: 1,
			rate: 4 / 6,
		});
	});

	it('over the last 12 months leaves out entries shipped before', () => {
		expect(inLastTwelveMonths(entries, TODAY).map((e) => e.slug)).toEqual([
			'early',
			'not-yet',
			'late',
			'reverted',
			'inconclusive',
		]);
		expect(getLoopHealthSummary(entries, TODAY, DAYS).lastTwelveMonths).toEqual({
			closed: 3,
			openLate: 1,
			notYetDue: 1,
			rate: 3 / 4,
		});
	});

	it('has no rate when nothing is closed or due, rather than 0% or 100%', () => {
		const notYet = entries.filter((e) => e.slug === 'not-yet');
		expect(getLoopHealth(notYet, TODAY, DAYS)).toEqual({
			closed: 0,
			openLate: 0,
			notYetDue: 1,
			rate: undefined,
		});
		expect(getLoopHealth([], TODAY, DAYS).rate).toBeUndefined();
	});

	it('the same entry becomes open and late once its measure-by date has passed', () => {
		const notYet = entries.filter((e) => e.slug === 'not-yet');
		expect(getLoopHealth(notYet, '2026-07-06', DAYS)).toMatchObject({ openLate: 1, rate: 0 });
	});

	it('per team, all time and over the last 12 months', () => {
		const byTeam = groupByTeam(entries);
		const pay = getTeamRollup(byTeam.get('pay')!, TODAY, DAYS);
		expect(pay.health.allTime).toEqual({ closed: 3, openLate: 1, notYetDue: 1, rate: 3 / 4 });
		expect(pay.health.lastTwelveMonths).toEqual({
			closed: 2,
			openLate: 1,
			notYetDue: 1,
			rate: 2 / 3,
		});
		const growth = getTeamRollup(byTeam.get('growth')!, TODAY, DAYS);
		expect(growth.health.allTime).toEqual({ closed: 1, openLate: 1, notYetDue: 0, rate: 1 / 2 });
		expect(growth.health.lastTwelveMonths).toEqual({
			closed: 1,
			openLate: 0,
			notYetDue: 0,
			rate: 1,
		});
	});
});

describe('monthly roll-up', () => {
	const rows = getMonthlyRollup(entries, TODAY, DAYS);
	const row = (month: string) => rows.find((r) => r.month === month)!;

	it('has the 12 months ending with this month, oldest first, empty ones included', () => {
		expect(rows.map((r) => r.month)).toEqual(lastMonths(TODAY, 12));
		expect(rows[0]!.month).toBe('2025-07');
		expect(row('2025-12')).toMatchObject({ total: 0, health: { rate: undefined } });
	});

	it('counts each month’s entries by status', () => {
		expect(row('2026-02')).toMatchObject({
			total: 2,
			counts: { shipped: 0, measuring: 0, measured: 0, inconclusive: 1, reverted: 1 },
		});
		expect(row('2026-06')).toMatchObject({
			total: 2,
			counts: { shipped: 1, measuring: 0, measured: 1, inconclusive: 0, reverted: 0 },
		});
		expect(rows.reduce((n, r) => n + r.total, 0)).toBe(5);
	});

	it('gives each month its closure rate', () => {
		expect(row('2026-02').health).toEqual({ closed: 2, openLate: 0, notYetDue: 0, rate: 1 });
		expect(row('2026-03').health).toEqual({ closed: 0, openLate: 1, notYetDue: 0, rate: 0 });
		// One closed early, one not yet due: 1 of 1.
		expect(row('2026-06').health).toEqual({ closed: 1, openLate: 0, notYetDue: 1, rate: 1 });
	});
});

describe('month arithmetic', () => {
	it('adds months across year ends', () => {
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2025-12', 1)).toBe('2026-01');
		expect(addMonths('2026-06', -17)).toBe('2025-01');
		expect(addMonths('2026-03', -27)).toBe('2023-12');
		expect(lastMonths('2026-02-28', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
	});
});
