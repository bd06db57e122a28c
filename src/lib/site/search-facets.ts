/**
 * The facets search narrows by: what the index files each entry under (written into the entry
 * page for Pagefind) and how the search page names each value. Shared by the build and the
 * search page's script, so a facet is defined once.
 */
import type { Entry, Method } from '../content/schema.ts';
import { getCredits } from '../facts/entry.ts';
import { monthOf } from '../utils/dates.ts';
import { formatMonth, METHOD_LABELS } from './format.ts';
import { tagSlug } from '../content/tags.ts';

/** The facets, in the order the filter panel shows them; each is also a URL parameter. */
export const FACETS = [
	'person',
	'team',
	'year',
	'month',
	'feature',
	'metric',
	'status',
	'method',
	'tag',
] as const;
export type Facet = (typeof FACETS)[number];

/** A facet's heading in the filter panel. */
export const FACET_NAMES: Record<Facet, string> = {
	person: 'Person',
	team: 'Team',
	year: 'Year',
	month: 'Month',
	feature: 'Feature',
	metric: 'Metric',
	status: 'Status',
	method: 'Method',
	tag: 'Tag',
};

/** Facet → value ids (person, team, feature and metric ids; tag slugs). */
export type FacetValues = Record<Facet, string[]>;

/**
 * The values an entry is filed under: every author, its team, year and month, features,
 * measured metrics and their methods, status and tags (as slugs, like the tag pages' URLs).
 */
export function getSearchFacets(entry: Entry): FacetValues {
	const results = entry.metrics ?? [];
	return {
		person: unique(getCredits(entry).map((c) => c.person)),
		team: entry.team ? [entry.team] : [],
		year: [entry.date.slice(0, 4)],
		month: [monthOf(entry.date)],
		feature: unique(entry.features ?? []),
		metric: unique(results.map((r) => r.metric)),
		status: [entry.status],
		method: unique(results.flatMap((r) => (r.method ? [r.method] : []))),
		tag: unique((entry.tags ?? []).map(tagSlug)),
	};
}

const unique = (values: string[]) => [...new Set(values)];

/** Display names of ids, for the facets whose values are ids (people, teams, …, tags). */
export type FacetLabels = Partial<Record<Facet, Record<string, string>>>;

/**
 * Names for the values of the id facets, keeping only those that differ from the id (a tag
 * written in lowercase is its own name), so the search page carries as little as it can.
 */
export function getFacetLabels(names: Partial<Record<Facet, Iterable<[string, string]>>>) {
	const labels: FacetLabels = {};
	for (const facet of FACETS) {
		const differing = [...(names[facet] ?? [])].filter(([id, name]) => id !== name);
		if (differing.length) labels[facet] = Object.fromEntries(differing);
	}
	return labels;
}

/** How the search page shows a facet value: a name, `March 2026`, `A/B test`, or the value. */
export function facetValueLabel(facet: Facet, value: string, labels: FacetLabels): string {
	const named = labels[facet]?.[value];
	if (named) return named;
	if (facet === 'month' && /^\d{4}-\d{2}$/.test(value)) return formatMonth(value);
	if (facet === 'method' && Object.hasOwn(METHOD_LABELS, value))
		return METHOD_LABELS[value as Method];
	return value;
}
