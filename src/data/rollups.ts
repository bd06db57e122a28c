/**
 * The journal's roll-ups, computed once per build from the published entries of site.ts.
 *
 * A module of its own so that a page evaluates only what it imports: `astro dev` reruns a
 * module whose input changed when a page next needs it, so after a saved edit an entry page
 * (which needs no roll-up) shows at once, and only pages that list entries recompute these.
 */
import { followUpsOfTeam, groupFollowUpsByOwner } from '../lib/facts/follow-up-groups.ts';
import { getLoopHealthSummary } from '../lib/facts/loop-health.ts';
import { getMonthlyRollup } from '../lib/facts/monthly-rollup.ts';
import { getTeamRollup } from '../lib/facts/team-rollup.ts';
import {
	getDigest,
	getFollowUps,
	groupByFeature,
	groupByMonth,
	groupByPerson,
	groupByTag,
	groupByTeam,
	groupByVerifier,
	groupMembersByTeam,
	groupOpenStepsByNamedOwner,
} from '../lib/facts/rollups.ts';
import { toFollowUpReport } from '../lib/site/follow-up-report.ts';
import { FACETS, getFacetLabels, getSearchFacets, type Facet } from '../lib/site/search-facets.ts';
import {
	entries,
	features,
	followUpDays,
	link,
	metrics,
	people,
	personName,
	teams,
	today,
	urls,
} from './site.ts';

export const byMonth = groupByMonth(entries);
/** Year → its entries, newest year first: one export file each. */
export const entriesByYear = Map.groupBy(entries, (e) => e.data.date.slice(0, 4));
export const byPerson = groupByPerson(entries);
export const byTeam = groupByTeam(entries);
export const byFeature = groupByFeature(entries);
export const byTag = groupByTag(entries);
export const byVerifier = groupByVerifier(entries);
/** Person id → open next steps that name them as owner. */
export const openStepsByPerson = groupOpenStepsByNamedOwner(entries);
export const membersByTeam = groupMembersByTeam(people, teams);
export const followUps = getFollowUps(entries, today, followUpDays);
/** Follow-ups by who should act: what /follow-ups/ shows. */
export const followUpGroups = groupFollowUpsByOwner(followUps);
/** Team id → the follow-ups from its entries and their groups by owner, for every team. */
export const followUpsByTeam = new Map(
	[...teams.keys()].map((id) => {
		const own = followUpsOfTeam(followUps, id);
		return [id, { followUps: own, groups: groupFollowUpsByOwner(own) }];
	}),
);

/** /follow-ups.json, and the same list the page shows. */
export const followUpReport = toFollowUpReport(followUpGroups, { personName, urls, link, today });

/** Month → its digest, newest month first. */
export const digests = new Map(
	[...byMonth].map(([month, list]) => [month, getDigest(list, metrics, today, followUpDays)]),
);

/** Loop health of the whole journal, all time and over the last 12 months. */
export const loopHealth = getLoopHealthSummary(entries, today, followUpDays);
/** The whole journal's last 12 months by status, for the home page chart. */
export const monthlyRollup = getMonthlyRollup(entries, today, followUpDays);
/** Team id → its roll-up (every team, with or without entries). */
export const teamRollups = new Map(
	[...teams.keys()].map((id) => [id, getTeamRollup(byTeam.get(id) ?? [], today, followUpDays)]),
);

/** Display names of the facet values that published entries use, for the search page. */
export const searchLabels = (() => {
	const used = new Map<Facet, Set<string>>(FACETS.map((f) => [f, new Set()]));
	for (const e of entries) {
		const values = getSearchFacets(e.data);
		for (const facet of FACETS) for (const v of values[facet]) used.get(facet)!.add(v);
	}
	const named = (facet: Facet, nameOf: (id: string) => string | undefined) =>
		[...used.get(facet)!].map((id): [string, string] => [id, nameOf(id) ?? id]);
	return getFacetLabels({
		person: named('person', personName),
		team: named('team', (id) => teams.get(id)?.name),
		feature: named('feature', (id) => features.get(id)?.name),
		metric: named('metric', (id) => metrics.get(id)?.name),
		tag: named('tag', (slug) => byTag.get(slug)?.name),
	});
})();
