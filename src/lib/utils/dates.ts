/** Calendar dates as `YYYY-MM-DD` strings, which compare correctly as plain strings. */
import { addDays as addDaysToDate, format, isValid, parseISO } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a `YYYY-MM-DD` string naming a day that exists (not 2026-02-30). */
export function isRealDate(value: string): boolean {
	return ISO_DATE.test(value) && isValid(parseISO(value));
}

/** A `Date` as read by a YAML parser (midnight UTC) back to `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
	return format(addDaysToDate(parseISO(date), days), 'yyyy-MM-dd');
}

/** Today's local date. */
export function localToday(now: Date = new Date()): string {
	return format(now, 'yyyy-MM-dd');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
	return date.slice(0, 7);
}
