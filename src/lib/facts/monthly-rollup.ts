/** Entries per month by status, with each month's loop health: the data behind the stacked charts. */
import { addMonths, lastMonths, monthOf } from '../utils/dates.ts';
import { getLoopHealth, type LoopHealth } from './loop-health.ts';
import type { EntryLike } from './entry.ts';
import { countByStatus, groupByMonth, type StatusCounts } from './rollups.ts';

/** One month of a roll-up. */
export interface MonthRow {
	/** `YYYY-MM`. */
	month: string;
	/** Entries shipped that month, by status (zeros included). */
	counts: StatusCounts;
	total: number;
	/** Loop health of that month's entries, as of today. */
	health: LoopHealth;
}

/**
 * The `count` months ending with today's month, oldest first, months without entries included
 * (a chart with gaps left out would hide a quiet month).
 */
export function getMonthlyRollup(
	entries: readonly EntryLike[],
	today: string,
	followUpDays: number,
	count = 12,
): MonthRow[] {
	const byMonth = groupByMonth(entries);
	return lastMonths(today, count).map((month) => {
		const list = byMonth.get(month) ?? [];
		return {
			month,
			counts: countByStatus(list),
			total: list.length,
			health: getLoopHealth(list, today, followUpDays),
		};
	});
}

/** Which month the home digest shows, and whether it stands in for today's. */
export interface DigestChoice {
	/** `YYYY-MM`. */
	month: string;
	/** Today's month has no entries yet; this is the last complete month. */
	fallback: boolean;
}

/**
 * Today's month when it has entries; early in a month, while it has none, the last complete month
 * (when that has any), so the home page is not empty on the 1st; else undefined.
 */
export function chooseDigestMonth(
	today: string,
	hasEntries: (month: string) => boolean,
): DigestChoice | undefined {
	const month = monthOf(today);
	if (hasEntries(month)) return { month, fallback: false };
	const previous = addMonths(month, -1);
	return hasEntries(previous) ? { month: previous, fallback: true } : undefined;
}
