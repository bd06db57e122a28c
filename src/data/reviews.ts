/**
 * The quarterly reviews: which quarters have one, and each quarter against the one before for the
 * journal and every team. A review is worked out when a page first asks for it, so the home and
 * team pages pay only for the current quarter.
 */
import {
	compareQuarters,
	datesReviewed,
	getHeadline,
	type QuarterComparison,
} from '../lib/facts/quarterly-review.ts';
import {
	inQuarter,
	previousQuarter,
	quarterOf,
	reviewQuarters,
	type Quarter,
} from '../lib/facts/quarters.ts';
import { formatQuarter } from '../lib/site/format.ts';
import { memoize } from '../lib/utils/memoize.ts';
import { byTeam } from './rollups.ts';
import { config, entries, followUpDays, metrics, teams, today, type EntryView } from './site.ts';

const startMonth = config.fiscal_year_start_month;

/** Today's quarter: the latest review, and the one the headline cards describe. */
export const currentQuarter = quarterOf(today, startMonth);

/** The quarters with a review, newest first (which ones: see reviewQuarters). */
export const quarters: Quarter[] = reviewQuarters(
	entries.map((e) => e.data.date),
	today,
	startMonth,
);

/** `Q3 2026`, or `FY2027 Q1` with a fiscal year that starts after January. */
export const quarterName = (quarter: Quarter) => formatQuarter(quarter, startMonth !== 1);

export interface Review {
	quarter: Quarter;
	previous: Quarter;
	journal: QuarterComparison<EntryView>;
	/** Every team, in name order, with or without entries. */
	teams: { id: string; name: string; comparison: QuarterComparison<EntryView> }[];
}

const byId = new Map(quarters.map((q) => [q.id, q]));

/** Each entry's dates that a review reads (datesReviewed). */
const reviewDates = new Map(entries.map((e) => [e, datesReviewed(e.data, followUpDays)]));

/**
 * The entries with any of those dates in one of `quarters`. A review's side of a quarter reads no
 * other entry, so each scope is cut down to these first: a journal has dozens of reviews, each of
 * the journal and every team, and most entries fall in none of a review's two quarters.
 */
function touching(...quarters: Quarter[]): Set<EntryView> {
	const found = new Set<EntryView>();
	for (const [entry, dates] of reviewDates)
		if (dates.some((d) => quarters.some((q) => inQuarter(d, q)))) found.add(entry);
	return found;
}

/** The review of a quarter, by id (`2026-q3`). */
export const reviewOf = memoize((id: string): Review => {
	const quarter = byId.get(id);
	if (!quarter) throw new Error(`The journal has no review for quarter ${id}.`);
	const previous = previousQuarter(quarter, startMonth);
	const read = touching(quarter, previous);
	const compare = (list: readonly EntryView[]) =>
		compareQuarters(
			list.filter((e) => read.has(e)),
			quarter,
			previous,
			metrics,
			today,
			followUpDays,
		);
	return {
		quarter,
		previous,
		journal: compare(entries),
		teams: [...teams].map(([teamId, team]) => ({
			id: teamId,
			name: team.name,
			comparison: compare(byTeam.get(teamId) ?? []),
		})),
	};
});

/** The current quarter's headline numbers for the journal and (by team id) for each team. */
export const headlines = () => {
	const review = reviewOf(currentQuarter.id);
	return {
		journal: getHeadline(review.journal),
		teams: new Map(review.teams.map((t) => [t.id, getHeadline(t.comparison)])),
	};
};
