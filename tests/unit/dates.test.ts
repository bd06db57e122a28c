import { addDays as addDaysToDate } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { isValid } from 'date-fns/isValid';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	isRealDate,
	lastDayOf,
	localToday,
} from '../../src/lib/utils/dates.ts';

// Leap-year edges (0000 and 2000 divisible by 400, 1900 and 2100 only by 100), ordinary years and
// the last one.
const YEARS = [
	'0000',
	'0001',
	'0004',
	'0100',
	'1900',
	'2000',
	'2023',
	'2024',
	'2100',
	'2400',
	'9999',
];
const pad = (n: number) => String(n).padStart(2, '0');

describe('isRealDate', () => {
	it('agrees with date-fns on every month 00–13 and day 00–32 of leap and common years', () => {
		for (const year of YEARS)
			for (let month = 0; month <= 13; month++)
				for (let day = 0; day <= 32; day++) {
					const date = `${year}-${pad(month)}-${pad(day)}`;
					expect(isRealDate(date), date).toBe(isValid(parseISO(date)));
				}
	});

	it('rejects anything but YYYY-MM-DD', () => {
		for (const text of [
			'2026-1-01',
			'26-01-01',
			'2026-01-01T00:00',
			' 2026-01-01',
			'2026/01/01',
			'',
		])
			expect(isRealDate(text), text).toBe(false);
	});
});

describe('addDays', () => {
	const byDateFns = (date: string, days: number) =>
		lightFormat(addDaysToDate(parseISO(date), days), 'yyyy-MM-dd');

	it('agrees with date-fns across month, year and leap-day edges, forwards and back', () => {
		// Years 0001 on: date-fns has no year zero (see below), so no date here reaches it.
		const starts = YEARS.filter((year) => year >= '0002').flatMap((year) =>
			['01-01', '02-28', '02-29', '03-01', '06-30', '12-31'].map((day) => `${year}-${day}`),
		);
		for (const date of starts.filter(isRealDate))
			for (const days of [-366, -1, 0, 1, 30, 365, 3650])
				expect(addDays(date, days), `${date} + ${days}`).toBe(byDateFns(date, days));
	});

	it('writes a year past 9999 with all five digits', () => {
		expect(addDays('9999-12-31', 1)).toBe('10000-01-01');
	});

	it('keeps year 0000, which date-fns prints as 0001 (its yyyy has no year zero)', () => {
		expect(addDays('0000-01-01', 30)).toBe('0000-01-31');
		expect(byDateFns('0000-01-01', 30)).toBe('0001-01-31');
	});
});

describe('daysBetween', () => {
	it('agrees with date-fns on every pair of dates, asked in both orders and again', () => {
		// Years 0001 on, as for addDays. Each date is parsed once and remembered: asking every pair
		// twice, both ways round, shows a remembered value given for the wrong date.
		const dates = YEARS.filter((year) => year >= '0001').flatMap((year) =>
			['01-01', '02-28', '02-29', '03-01', '12-31']
				.map((day) => `${year}-${day}`)
				.filter(isRealDate),
		);
		for (let round = 0; round < 2; round++)
			for (const from of dates)
				for (const to of dates)
					expect(daysBetween(from, to), `${from} to ${to}`).toBe(
						differenceInCalendarDays(parseISO(to), parseISO(from)),
					);
	});

	it('is NaN for a date that does not parse, however often it is asked', () => {
		for (let round = 0; round < 2; round++) {
			expect(daysBetween('2026-01-01', 'soon')).toBeNaN();
			expect(daysBetween('2026-02-30x', '2026-01-01')).toBeNaN();
		}
	});
});

describe('localToday', () => {
	it('is the local calendar date, as date-fns formats it', () => {
		for (const now of [new Date(2026, 0, 1), new Date(2024, 1, 29, 23, 59), new Date(99, 11, 31)])
			expect(localToday(now)).toBe(lightFormat(now, 'yyyy-MM-dd'));
	});
});

describe('lastDayOf', () => {
	it('knows February in leap and common years, and the last month', () => {
		expect(lastDayOf('2024-02')).toBe('2024-02-29');
		expect(lastDayOf('1900-02')).toBe('1900-02-28');
		expect(lastDayOf('2000-02')).toBe('2000-02-29');
		expect(lastDayOf('2026-04')).toBe('2026-04-30');
		expect(lastDayOf('9999-12')).toBe('9999-12-31');
	});
});
