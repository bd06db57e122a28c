/**
 * Calendar dates as `YYYY-MM-DD` strings, which compare correctly as plain strings. Plain
 * arithmetic rather than date-fns: the checker needs these at every start, and date-fns' modules
 * (and its package manifest, which Node reads to resolve them) are a noticeable part of its start.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last date that `YYYY-MM-DD` can write; date arithmetic must not pass it. */
export const LAST_DATE = '9999-12-31';

/**
 * True for a `YYYY-MM-DD` string naming a day that exists (not 2026-02-30). Plain arithmetic, as
 * date-fns' parseISO and isValid decide it: the checker asks this of every date in the journal.
 */
export function isRealDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const month = Number(value.slice(5, 7));
	const day = Number(value.slice(8, 10));
	return (
		month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(value.slice(0, 4)), month)
	);
}

/** Days in `month` (1–12) of `year`, by the Gregorian calendar's leap years. */
export function daysInMonth(year: number, month: number): number {
	if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
	return year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0) ? 29 : 28;
}

/** A `Date` as read by a YAML parser (midnight UTC) back to `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days; a year past 9999 gets a fifth digit. */
export function addDays(date: string, days: number): string {
	const day = new Date(0);
	// setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
	day.setUTCFullYear(
		Number(date.slice(0, 4)),
		Number(date.slice(5, 7)) - 1,
		Number(date.slice(8, 10)) + days,
	);
	return isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/** Today's local date. */
export function localToday(now: Date = new Date()): string {
	return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function isoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((timeOf(to) - timeOf(from)) / 86_400_000);
}

/**
 * `Date.parse(date)`, remembered: a build asks for the same few thousand dates millions of times
 * (every point of a trend line against every entry that shows it), and parsing is the slow part.
 * Emptied when full, so that no input can grow it without bound.
 */
const parsed = new Map<string, number>();
const PARSED_MAX = 100_000;

function timeOf(date: string): number {
	let time = parsed.get(date);
	if (time === undefined) {
		if (parsed.size >= PARSED_MAX) parsed.clear();
		time = Date.parse(date);
		parsed.set(date, time);
	}
	return time;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
	return date.slice(0, 7);
}

/** The last day of a `YYYY-MM` month (without stepping into the next, which 9999-12 lacks). */
export function lastDayOf(month: string): string {
	return `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
}

/** `YYYY-MM` plus `months` calendar months (negative goes back). */
export function addMonths(month: string, months: number): string {
	const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
	return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months that end with the month of `today`, oldest first. */
export function lastMonths(today: string, count: number): string[] {
	const end = monthOf(today);
	return Array.from({ length: count }, (_, i) => addMonths(end, i - count + 1));
}
