/**
 * When a team's entries get a page per year. Up to PAGE_SIZE.teamEntries entries the team page
 * lists them all, folded by year; a larger team's page links `/teams/<id>/<year>/` for each year
 * instead, and keeps its counts, loop health and everything else.
 */
import { PAGE_SIZE } from './page-size.ts';

export const splitsByYear = (entries: readonly unknown[]): boolean =>
	entries.length > PAGE_SIZE.teamEntries;

/**
 * How much of its two lists that grow with the journal a team's page shows: the metrics the team
 * reported most recently, and each owner's soonest open steps. The whole lists are on
 * `/teams/<id>/metrics/` and `/teams/<id>/next-steps/`, which a team gets only when its page
 * leaves something out: a large team's page would otherwise list every metric and every step.
 */
export const TEAM_PAGE = { metrics: 20, stepsPerOwner: 3 } as const;

/** Whether the team's page leaves some of the metrics it `reported` to its metrics page. */
export const cutsMetrics = (reported: ReadonlySet<string>): boolean =>
	reported.size > TEAM_PAGE.metrics;

/** Whether the team's page leaves some owner's open steps to its next-steps page. */
export const cutsSteps = (byOwner: ReadonlyMap<string, readonly unknown[]>): boolean =>
	[...byOwner.values()].some((steps) => steps.length > TEAM_PAGE.stepsPerOwner);

/**
 * The metrics of `all` that the team's page shows, in the order of `all`: the first
 * TEAM_PAGE.metrics of `reported` (the team's metric ids, most recently reported first).
 */
export function shownMetrics<M>(
	all: Iterable<readonly [string, M]>,
	reported: ReadonlySet<string>,
): (readonly [string, M])[] {
	const shown = new Set([...reported].slice(0, TEAM_PAGE.metrics));
	return [...all].filter(([id]) => shown.has(id));
}

/** How many open steps the owners of `byOwner` have between them. */
export const countSteps = (byOwner: ReadonlyMap<string, readonly unknown[]>): number =>
	[...byOwner.values()].reduce((n, steps) => n + steps.length, 0);

/** The page of a team's next-steps list that holds `owner`'s steps (1-based). */
export function stepsPageOf(byOwner: ReadonlyMap<string, unknown>, owner: string): number {
	return Math.floor([...byOwner.keys()].indexOf(owner) / PAGE_SIZE.teamStepOwners) + 1;
}
