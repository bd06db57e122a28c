/**
 * Review quarters: calendar quarters, or fiscal ones when journal.yml sets
 * `fiscal_year_start_month`. A fiscal year is named by the calendar year in which it ends, as most
 * companies name theirs: with July as the first month, July–September 2026 is `2027-q1`. With
 * January (the default) the fiscal year is the calendar year, so the two namings agree.
 * Pure: dates in, quarters out.
 */
import { addDays, addMonths, lastDayOf, monthOf } from '../utils/dates.ts';

export interface Quarter {
	/** `YYYY-qN`: the (fiscal) year it belongs to and its number, as in /reviews/2026-q3/. */
	id: string;
	/** The fiscal year, named by the calendar year in which it ends. */
	year: number;
	number: 1 | 2 | 3 | 4;
	/** First day, `YYYY-MM-DD`. */
	start: string;
	/** Last day, `YYYY-MM-DD`. */
	end: string;
}

/** `2026-q3`: what a review's URL and JSON file are named after. */
export const QUARTER_ID = /^\d{4}-q[1-4]$/;

/** The quarter `date` falls in, for a fiscal year starting in `startMonth` (1–12). */
export function quarterOf(date: string, startMonth = 1): Quarter {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	const startYear = month >= startMonth ? year : year - 1;
	const offset = (month - startMonth + 12) % 12;
	const number = (Math.floor(offset / 3) + 1) as Quarter['number'];
	const yearStart = `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}`;
	const first = addMonths(yearStart, (number - 1) * 3);
	const fiscalYear = startMonth === 1 ? startYear : startYear + 1;
	return {
		id: `${fiscalYear}-q${number}`,
		year: fiscalYear,
		number,
		start: `${first}-01`,
		end: lastDayOf(addMonths(first, 2)),
	};
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: Quarter, startMonth = 1): Quarter {
	return quarterOf(addDays(quarter.start, -1), startMonth);
}

/** Whether a `YYYY-MM-DD` date falls in the quarter. */
export function inQuarter(date: string, { start, end }: Pick<Quarter, 'start' | 'end'>): boolean {
	return date >= start && date <= end;
}

/** Every quarter from the one holding `first` to the one holding `last`, newest first. */
export function quartersBetween(first: string, last: string, startMonth = 1): Quarter[] {
	const quarters: Quarter[] = [];
	const stop = quarterOf(first, startMonth).start;
	for (let q = quarterOf(last, startMonth); q.start >= stop; q = previousQuarter(q, startMonth))
		quarters.push(q);
	return quarters;
}

/** The calendar months (`YYYY-MM`) a quarter spans, first to last. */
export function monthsOf(quarter: Pick<Quarter, 'start'>): string[] {
	const first = monthOf(quarter.start);
	return [first, addMonths(first, 1), addMonths(first, 2)];
}
