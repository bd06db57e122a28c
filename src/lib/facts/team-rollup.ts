/**
 * A team at a glance: loop health, the last 12 months by status, open steps, metrics moved, and its
 * entries by year.
 */
import type { NextStep } from '../content/schema.ts';
import { getLoopHealthSummary, type LoopHealthSummary } from './loop-health.ts';
import { getMonthlyRollup, type MonthRow } from './monthly-rollup.ts';
import type { EntryLike } from './entry.ts';
import { groupOpenStepsByOwner } from './rollups.ts';

export interface TeamRollup<T> {
	health: LoopHealthSummary;
	/** The last 12 months, oldest first. */
	months: MonthRow[];
	/** Owner id → their open steps from the team's entries, soonest due first. */
	openSteps: Map<string, { entry: T; step: NextStep }[]>;
	/** Ids of the metrics the team's entries report, the most recently reported first. */
	metrics: ReadonlySet<string>;
	/** Year (`YYYY`) → the team's entries dated in it, years newest first, entries in input order. */
	byYear: Map<string, T[]>;
}

/** `teamEntries` newest first, as the site lists them. */
export function getTeamRollup<T extends EntryLike>(
	teamEntries: readonly T[],
	today: string,
	followUpDays: number,
): TeamRollup<T> {
	return {
		health: getLoopHealthSummary(teamEntries, today, followUpDays),
		months: getMonthlyRollup(teamEntries, today, followUpDays),
		openSteps: groupOpenStepsByOwner(teamEntries),
		metrics: new Set(teamEntries.flatMap((e) => (e.data.metrics ?? []).map((m) => m.metric))),
		byYear: new Map(
			[...Map.groupBy(teamEntries, (e) => e.data.date.slice(0, 4))].sort(([a], [b]) =>
				b.localeCompare(a),
			),
		),
	};
}
