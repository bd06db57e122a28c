import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { describe, expect, it } from 'vitest';
import { isRealDate, lastDayOf } from '../../src/lib/utils/dates.ts';

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

describe('lastDayOf', () => {
	it('knows February in leap and common years, and the last month', () => {
		expect(lastDayOf('2024-02')).toBe('2024-02-29');
		expect(lastDayOf('1900-02')).toBe('1900-02-28');
		expect(lastDayOf('2000-02')).toBe('2000-02-29');
		expect(lastDayOf('2026-04')).toBe('2026-04-30');
		expect(lastDayOf('9999-12')).toBe('9999-12-31');
	});
});
