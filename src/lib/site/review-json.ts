/** A quarterly review as data: /reviews/<YYYY>-q<N>.json (shape in docs/site.md). */
import type { EntryStatus } from '../content/schema.ts';
import type { QuarterComparison, QuarterStats } from '../facts/quarterly-review.ts';
import type { EntryLike } from '../facts/entry.ts';

export interface StatsRecord {
	entries: number;
	by_status: Record<EntryStatus, number>;
	closed: number;
	open_late: number;
	/** closed ÷ (closed + open_late), 0 to 1; null when both are 0. */
	closure_rate: number | null;
}

export interface ReviewRecord {
	period: { start: string; end: string };
	previous: { start: string; end: string };
	totals: StatsRecord;
	teams: { id: string; name: string; current: StatsRecord; previous: StatsRecord }[];
}

function toStatsRecord(stats: QuarterStats): StatsRecord {
	return {
		entries: stats.entries,
		by_status: { ...stats.byStatus },
		closed: stats.closed,
		open_late: stats.openLate,
		closure_rate: stats.rate ?? null,
	};
}

export function toReviewRecord(
	journal: QuarterComparison<EntryLike>,
	teams: readonly { id: string; name: string; comparison: QuarterComparison<EntryLike> }[],
): ReviewRecord {
	const { current, previous } = journal;
	return {
		period: { start: current.quarter.start, end: current.quarter.end },
		previous: { start: previous.quarter.start, end: previous.quarter.end },
		totals: toStatsRecord(current.stats),
		teams: teams.map(({ id, name, comparison }) => ({
			id,
			name,
			current: toStatsRecord(comparison.current.stats),
			previous: toStatsRecord(comparison.previous.stats),
		})),
	};
}
