/**
 * How a person's outcome history is split into pages. Up to PAGE_SIZE.historyEntries entries it is
 * one page, with the period picker. A longer history has a page per calendar year
 * (`/people/<id>/history/<year>/`), each with that year's summary, and `/people/<id>/history/`
 * sums up all of it and links every year; the CSV and JSON exports always hold the whole history.
 */
import { PAGE_SIZE } from './page-size.ts';

/** Year (`YYYY`) → its entries, newest year first as given; null when the history is one page. */
export function historyYears<T extends { entry: { data: { date: string } } }>(
	contributions: readonly T[],
): Map<string, T[]> | null {
	if (contributions.length <= PAGE_SIZE.historyEntries) return null;
	return Map.groupBy(contributions, (c) => c.entry.data.date.slice(0, 4));
}
