/**
 * Loop health: how many shipped changes had their result looked at. An entry is closed when its
 * status is measured, inconclusive or reverted; open and late when it is shipped or measuring
 * past its measure-by date (due for follow-up). The loop-closure rate is
 * closed ÷ (closed + open and late); open entries not yet due count in neither.
 * Pure: entries in, counts out.
 */
import type { Entry, EntryStatus } from '../content/schema.ts';
import { lastMonths, monthOf } from '../utils/dates.ts';
import { isDueForFollowUp } from '../content/follow-up.ts';
import type { EntryLike } from './entry.ts';

const CLOSED: ReadonlySet<EntryStatus> = new Set(['measured', 'inconclusive', 'reverted']);

/** The result is in: measured, inconclusive or reverted. */
export function isClosed(entry: Pick<Entry, 'status'>): boolean {
	return CLOSED.has(entry.status);
}

export interface LoopHealth {
	/** Entries whose result is in. */
	closed: number;
	/** Shipped or measuring entries past their measure-by date. */
	openLate: number;
	/** Shipped or measuring entries not yet due; in neither side of the rate. */
	notYetDue: number;
	/** closed ÷ (closed + openLate), 0 to 1; undefined when nothing is closed or due. */
	rate?: number;
}

/** Counts closed, open-and-late and not-yet-due entries, and the loop-closure rate. */
export function getLoopHealth(
	entries: readonly EntryLike[],
	today: string,
	followUpDays: number,
): LoopHealth {
	let closed = 0;
	let openLate = 0;
	let notYetDue = 0;
	for (const { data } of entries) {
		if (isClosed(data)) closed++;
		else if (isDueForFollowUp(data, today, followUpDays)) openLate++;
		else notYetDue++;
	}
	const counted = closed + openLate;
	return { closed, openLate, notYetDue, rate: counted ? closed / counted : undefined };
}

/** Entries shipped in the 12 calendar months that end with today's month. */
export function inLastTwelveMonths<T extends EntryLike>(entries: readonly T[], today: string): T[] {
	const [first] = lastMonths(today, 12);
	const last = monthOf(today);
	return entries.filter((e) => {
		const month = monthOf(e.data.date);
		return month >= first! && month <= last;
	});
}

/** Loop health of all entries and of the last 12 months' entries. */
export interface LoopHealthSummary {
	allTime: LoopHealth;
	lastTwelveMonths: LoopHealth;
}

export function getLoopHealthSummary(
	entries: readonly EntryLike[],
	today: string,
	followUpDays: number,
): LoopHealthSummary {
	return {
		allTime: getLoopHealth(entries, today, followUpDays),
		lastTwelveMonths: getLoopHealth(inLastTwelveMonths(entries, today), today, followUpDays),
	};
}
