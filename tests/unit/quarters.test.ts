import { describe, expect, it } from 'vitest';
import {
	inQuarter,
	previousQuarter,
	quarterOf,
	quartersBetween,
	reviewQuarters,
	QUARTER_ID,
} from '../../src/lib/facts/quarters.ts';
import { formatQuarter, formatQuarterMonths } from '../../src/lib/site/format.ts';
import { addDays } from '../../src/lib/utils/dates.ts';

describe('quarterOf', () => {
	it('gives calendar quarters by default, named by their year', () => {
		expect(quarterOf('2026-01-01')).toEqual({
			id: '2026-q1',
			year: 2026,
			number: 1,
			start: '2026-01-01',
			end: '2026-03-31',
		});
		expect(quarterOf('2026-05-31')).toMatchObject({
			id: '2026-q2',
			start: '2026-04-01',
			end: '2026-06-30',
		});
		expect(quarterOf('2026-09-30').id).toBe('2026-q3');
		expect(quarterOf('2026-12-06')).toMatchObject({
			id: '2026-q4',
			start: '2026-10-01',
			end: '2026-12-31',
		});
	});

	it('starts q1 in the fiscal start month, and names the fiscal year by the year in which it ends', () => {
		// July: FY2027 runs July 2026 to June 2027.
		expect(quarterOf('2026-07-01', 7)).toMatchObject({
			id: '2027-q1',
			year: 2027,
			start: '2026-07-01',
			end: '2026-09-30',
		});
		expect(quarterOf('2026-12-06', 7)).toMatchObject({
			id: '2027-q2',
			start: '2026-10-01',
			end: '2026-12-31',
		});
		expect(quarterOf('2027-02-28', 7)).toMatchObject({
			id: '2027-q3',
			start: '2027-01-01',
			end: '2027-03-31',
		});
		expect(quarterOf('2026-06-30', 7)).toMatchObject({
			id: '2026-q4',
			start: '2026-04-01',
			end: '2026-06-30',
		});
		// February: a quarter spans a year's end, and a leap year's February ends on the 29th.
		expect(quarterOf('2028-01-15', 2)).toMatchObject({
			id: '2028-q4',
			start: '2027-11-01',
			end: '2028-01-31',
		});
		expect(quarterOf('2028-02-01', 2)).toMatchObject({
			id: '2029-q1',
			start: '2028-02-01',
			end: '2028-04-30',
		});
		expect(quarterOf('2027-12-31', 11)).toMatchObject({
			id: '2028-q1',
			start: '2027-11-01',
			end: '2028-01-31',
		});
	});

	it('puts every day in a quarter that starts 0, 3, 6 or 9 months after the start month', () => {
		for (let start = 1; start <= 12; start++) {
			for (let day = addDays('2026-01-01', 0); day <= '2026-12-31'; day = addDays(day, 1)) {
				const q = quarterOf(day, start);
				expect(inQuarter(day, q)).toBe(true);
				expect((Number(q.start.slice(5, 7)) - start + 12) % 3).toBe(0);
				expect(Number(q.start.slice(5, 7))).toBe(((start - 1 + (q.number - 1) * 3) % 12) + 1);
				expect(addDays(previousQuarter(q, start).end, 1)).toBe(q.start);
				expect(q.id).toMatch(QUARTER_ID);
			}
		}
	});
});

describe('previousQuarter and quartersBetween', () => {
	it('steps back across a (fiscal) year', () => {
		expect(previousQuarter(quarterOf('2026-02-10')).id).toBe('2025-q4');
		expect(previousQuarter(quarterOf('2026-07-10', 7), 7)).toMatchObject({
			id: '2026-q4',
			start: '2026-04-01',
		});
	});

	it('lists every quarter from the first date to the last, newest first, empty ones included', () => {
		expect(quartersBetween('2025-11-30', '2026-12-06').map((q) => q.id)).toEqual([
			'2026-q4',
			'2026-q3',
			'2026-q2',
			'2026-q1',
			'2025-q4',
		]);
		expect(quartersBetween('2026-06-30', '2026-12-06', 7).map((q) => q.id)).toEqual([
			'2027-q2',
			'2027-q1',
			'2026-q4',
		]);
		expect(quartersBetween('2026-12-06', '2026-12-06').map((q) => q.id)).toEqual(['2026-q4']);
	});

	it('knows which dates a quarter holds', () => {
		const q = quarterOf('2026-08-01', 11);
		expect(q).toMatchObject({ start: '2026-08-01', end: '2026-10-31' });
		expect(inQuarter('2026-07-31', q)).toBe(false);
		expect(inQuarter('2026-08-01', q)).toBe(true);
		expect(inQuarter('2026-10-31', q)).toBe(true);
		expect(inQuarter('2026-11-01', q)).toBe(false);
	});

	it('reviews every quarter from the first entry’s to today’s, empty ones only in the last ten years', () => {
		const ids = (dates: string[], today: string, start = 1) =>
			reviewQuarters(dates, today, start).map((q) => q.id);
		expect(ids(['2026-05-02', '2025-12-01', '2026-05-20'], '2026-12-06')).toEqual([
			'2026-q4',
			'2026-q3',
			'2026-q2',
			'2026-q1',
			'2025-q4',
		]);
		expect(ids([], '2026-12-06', 7)).toEqual(['2027-q2']);
		// Year 0 and 9999 each get their quarter; the empty ones between stop ten years back.
		const far = ids(['0000-01-01', '9999-12-31', '2026-03-01'], '2026-12-06');
		expect(far[0]).toBe('9999-q4');
		expect(far[1]).toBe('2026-q4');
		expect(far.at(-2)).toBe('2016-q4');
		expect(far.at(-1)).toBe('0000-q1');
		expect(far).toHaveLength(1 + 41 + 1);
	});

	it('steps back from year 0 without breaking the dates', () => {
		const before = previousQuarter(quarterOf('0000-02-01'));
		expect(before).toMatchObject({ id: '-0001-q4', start: '-0001-10-01', end: '-0001-12-31' });
		expect(formatQuarterMonths(before)).toBe('October to December -0001');
		expect(formatQuarter(quarterOf('0000-02-01'), false)).toBe('Q1 0000');
		expect(quarterOf('9999-12-31', 7)).toMatchObject({ id: '10000-q2', end: '9999-12-31' });
	});

	it('names calendar and fiscal quarters as readers say them', () => {
		expect(formatQuarter(quarterOf('2026-12-06'), false)).toBe('Q4 2026');
		expect(formatQuarter(quarterOf('2026-12-06', 7), true)).toBe('FY2027 Q2');
		expect(formatQuarterMonths(quarterOf('2026-12-06'))).toBe('October to December 2026');
		expect(formatQuarterMonths(quarterOf('2026-12-06', 12))).toBe('December 2026 to February 2027');
	});
});
