/**
 * A quarter against the one before, for the whole journal or one team: entries by status, loop
 * health (as loop-health.ts counts it), the biggest moves each way, the evidence mix and the
 * follow-ups that fell due in the quarter. Pure: entries in, facts out.
 */
import type { Metric, NextStep } from '../content/schema.ts';
import { isOverdue, isDueForFollowUp, measureBy } from '../content/follow-up.ts';
import { EVIDENCE_LEVELS, evidenceOf, type EvidenceLevel } from './evidence.ts';
import { getLoopHealth, isClosed } from './loop-health.ts';
import { inQuarter, type Quarter } from './quarters.ts';
import type { EntryLike } from './entry.ts';
import {
	biggestMoves,
	biggestRegressions,
	countByStatus,
	groupByMetric,
	type Measurement,
	type StatusCounts,
} from './rollups.ts';

/** The counts a review compares, and its JSON twin publishes. */
export interface QuarterStats {
	/** Published entries dated in the quarter. */
	entries: number;
	byStatus: StatusCounts;
	/** Of those, entries whose result is in (measured, inconclusive or reverted). */
	closed: number;
	/** Of those, shipped or measuring entries past their measure-by date, as of today. */
	openLate: number;
	/** closed ÷ (closed + openLate); undefined when both are 0. */
	rate?: number;
}

export function getQuarterStats(
	quarterEntries: readonly EntryLike[],
	today: string,
	followUpDays: number,
): QuarterStats {
	const { closed, openLate, rate } = getLoopHealth(quarterEntries, today, followUpDays);
	return {
		entries: quarterEntries.length,
		byStatus: countByStatus(quarterEntries),
		closed,
		openLate,
		rate,
	};
}

/**
 * Follow-ups that fell due in the quarter, whichever quarter their entry is from. The format
 * records no date on which a step was done or a result read, so "closed" means closed as of today.
 */
export interface QuarterFollowUps<T> {
	/** Next steps due in the quarter, not done, and due before today. */
	overdueSteps: { entry: T; step: NextStep }[];
	/** Next steps due in the quarter and marked done. */
	doneSteps: { entry: T; step: NextStep }[];
	/** Entries whose measure-by date fell in the quarter, still shipped or measuring past it. */
	lateResults: T[];
	/** Entries whose measure-by date fell in the quarter and whose result is in. */
	closedResults: T[];
}

export function getQuarterFollowUps<T extends EntryLike>(
	entries: readonly T[],
	quarter: Pick<Quarter, 'start' | 'end'>,
	today: string,
	followUpDays: number,
): QuarterFollowUps<T> {
	const out: QuarterFollowUps<T> = {
		overdueSteps: [],
		doneSteps: [],
		lateResults: [],
		closedResults: [],
	};
	for (const entry of entries) {
		for (const step of entry.data.next ?? []) {
			if (step.due === undefined || !inQuarter(step.due, quarter)) continue;
			if (step.done) out.doneSteps.push({ entry, step });
			else if (isOverdue(step, today)) out.overdueSteps.push({ entry, step });
		}
		if (!inQuarter(measureBy(entry.data, followUpDays), quarter)) continue;
		if (isClosed(entry.data)) out.closedResults.push(entry);
		else if (isDueForFollowUp(entry.data, today, followUpDays)) out.lateResults.push(entry);
	}
	const byDue = (a: { step: NextStep }, b: { step: NextStep }) =>
		a.step.due!.localeCompare(b.step.due!);
	out.overdueSteps.sort(byDue);
	out.doneSteps.sort(byDue);
	return out;
}

/**
 * The dates of an entry that a quarter's side reads: its own, its measure-by date and its steps'
 * due dates. An entry with none of them in a quarter plays no part in that quarter's side, so a
 * caller comparing many quarters may leave it out beforehand (src/data/reviews.ts).
 */
export function datesReviewed(
	entry: Pick<EntryLike['data'], 'date' | 'measure_by' | 'next'>,
	followUpDays: number,
): string[] {
	return [
		entry.date,
		measureBy(entry, followUpDays),
		...(entry.next ?? []).flatMap((step) => step.due ?? []),
	];
}

/** One quarter of one scope (the journal or a team). */
export interface QuarterSide<T> {
	quarter: Quarter;
	/** The scope's entries dated in the quarter, in input order. */
	entries: T[];
	stats: QuarterStats;
	/** The biggest moves in the better direction. */
	moves: Measurement<T>[];
	/** The biggest moves in the worse direction. */
	regressions: Measurement<T>[];
	/** Metric results of the quarter's entries by evidence strength. */
	evidence: Record<EvidenceLevel, number>;
	/** The quarter's entries that report no metric. */
	withoutMetrics: number;
	followUps: QuarterFollowUps<T>;
}

export function getQuarterSide<T extends EntryLike>(
	scopeEntries: readonly T[],
	quarter: Quarter,
	metrics: ReadonlyMap<string, Pick<Metric, 'direction'>>,
	today: string,
	followUpDays: number,
): QuarterSide<T> {
	const entries = scopeEntries.filter((e) => inQuarter(e.data.date, quarter));
	const measurements = [...groupByMetric(entries, metrics).values()].flat();
	const evidence = Object.fromEntries(EVIDENCE_LEVELS.map((l) => [l, 0])) as Record<
		EvidenceLevel,
		number
	>;
	for (const e of entries) for (const r of e.data.metrics ?? []) evidence[evidenceOf(r.method)]++;
	return {
		quarter,
		entries,
		stats: getQuarterStats(entries, today, followUpDays),
		moves: biggestMoves(measurements),
		regressions: biggestRegressions(measurements),
		evidence,
		withoutMetrics: entries.filter((e) => !e.data.metrics?.length).length,
		followUps: getQuarterFollowUps(scopeEntries, quarter, today, followUpDays),
	};
}

/** A quarter and the one before it, for one scope. */
export interface QuarterComparison<T> {
	current: QuarterSide<T>;
	previous: QuarterSide<T>;
}

export function compareQuarters<T extends EntryLike>(
	scopeEntries: readonly T[],
	current: Quarter,
	previous: Quarter,
	metrics: ReadonlyMap<string, Pick<Metric, 'direction'>>,
	today: string,
	followUpDays: number,
): QuarterComparison<T> {
	const side = (q: Quarter) => getQuarterSide(scopeEntries, q, metrics, today, followUpDays);
	return { current: side(current), previous: side(previous) };
}

/** A count this quarter and last. */
export interface Change {
	current: number;
	previous: number;
}

/** The few numbers a home or team page opens with, each beside last quarter's. */
export interface Headline {
	/** Entries dated in the quarter. */
	entries: Change;
	/** Of those, entries whose result is in. */
	closed: Change;
	/** Loop-closure rate of the quarter's entries (undefined: nothing closed or late). */
	rate: { current?: number; previous?: number };
	/** Follow-ups due in the quarter and not done as of today: overdue steps and late results. */
	overdue: Change;
}

export function getHeadline({ current, previous }: QuarterComparison<EntryLike>): Headline {
	const overdue = (s: QuarterSide<EntryLike>) =>
		s.followUps.overdueSteps.length + s.followUps.lateResults.length;
	return {
		entries: { current: current.stats.entries, previous: previous.stats.entries },
		closed: { current: current.stats.closed, previous: previous.stats.closed },
		rate: { current: current.stats.rate, previous: previous.stats.rate },
		overdue: { current: overdue(current), previous: overdue(previous) },
	};
}
