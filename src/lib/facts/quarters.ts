/**
 * Review quarters: calendar quarters, or fiscal ones when journal.yml sets
 * `fiscal_year_start_month`. A fiscal year is named by the calendar year in which it ends, as most
 * companies name theirs: with July as the first month, July–September 2026 is `2027-q1`. With
 * January (the default) the fiscal year is the calendar year, so the two namings agree.
 * Pure: dates in, quarters out.
 */
import { daysInMonth } from '../utils/dates.ts';

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
export const QUARTER_ID = /^\d{4,}-q[1-4]$/;

/**
 * A year as dates write it: four digits, and a sign before the year before year 0 (the quarter
 * before one in year 0 is compared against, though no entry can be dated in it).
 */
const yyyy = (year: number) =>
	year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
const mm = (month: number) => String(month).padStart(2, '0');

/** The quarter whose first month is `first` (months counted from January of year 0). */
function quarterAt(first: number, startMonth: number): Quarter {
	const year = Math.floor(first / 12);
	const month = first - year * 12 + 1;
	const startYear = month >= startMonth ? year : year - 1;
	const number = (Math.floor(((month - startMonth + 12) % 12) / 3) + 1) as Quarter['number'];
	const fiscalYear = startMonth === 1 ? startYear : startYear + 1;
	const endYear = Math.floor((first + 2) / 12);
	const endMonth = first + 2 - endYear * 12 + 1;
	return {
		id: `${yyyy(fiscalYear)}-q${number}`,
		year: fiscalYear,
		number,
		start: `${yyyy(year)}-${mm(month)}-01`,
		end: `${yyyy(endYear)}-${mm(endMonth)}-${daysInMonth(endYear, endMonth)}`,
	};
}

/** The quarter `date` (`YYYY-MM-DD`) falls in, for a fiscal year starting in `startMonth` (1–12). */
export function quarterOf(date: string, startMonth = 1): Quarter {
	const month = Number(date.slice(5, 7));
	const index = Number(date.slice(0, 4)) * 12 + month - 1;
	return quarterAt(index - ((((month - startMonth) % 3) + 3) % 3), startMonth);
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: Quarter, startMonth = 1): Quarter {
	const [year, month] = quarter.start.split(/(?<=\d)-/).map(Number);
	return quarterAt(year! * 12 + month! - 1 - 3, startMonth);
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

/**
 * The quarters that get a review, newest first: every quarter from the first entry's to today's,
 * empty ones included, but empty ones only within the `emptyYears` years up to today (an entry
 * dated in year 0 must not make thousands of empty pages); and every quarter with an entry,
 * whenever it is (one dated after today included, so that no entry is left out of every review).
 */
export function reviewQuarters(
	dates: readonly string[],
	today: string,
	startMonth = 1,
	emptyYears = 10,
): Quarter[] {
	const byId = new Map<string, Quarter>();
	for (const month of new Set(dates.map((d) => d.slice(0, 7)))) {
		const q = quarterOf(`${month}-01`, startMonth);
		byId.set(q.id, q);
	}
	const oldest = dates.reduce((min, d) => (d < min ? d : min), today);
	const horizon = `${yyyy(Number(today.slice(0, 4)) - emptyYears)}${today.slice(4)}`;
	for (const q of quartersBetween(oldest > horizon ? oldest : horizon, today, startMonth))
		byId.set(q.id, q);
	return [...byId.values()].sort((a, b) => b.start.localeCompare(a.start));
}
