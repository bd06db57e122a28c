/**
 * A search as the URL holds it (`?q=latency&team=payments&status=measured&sort=oldest`, a
 * multi-valued filter repeating its key), so a search can be shared as a link and every step
 * of it is a history entry. Pure, for the search page's script and its tests.
 */
import { FACETS, type Facet } from './search-facets.ts';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
	/** The words typed, trimmed; empty for a search by filters alone. */
	q: string;
	/** Facet → chosen values; an entry must have every one of them. */
	filters: Partial<Record<Facet, string[]>>;
	/** `relevance` (the default, not written to the URL), `newest` or `oldest`. */
	sort: Sort;
}

export const emptyState = (): SearchState => ({ q: '', filters: {}, sort: 'relevance' });

/** Reads a search from URL parameters, ignoring unknown keys, blank values and repeats. */
export function readSearchState(params: URLSearchParams): SearchState {
	const filters: SearchState['filters'] = {};
	for (const facet of FACETS) {
		const values = [...new Set(params.getAll(facet).map((v) => v.trim()))].filter(Boolean);
		if (values.length) filters[facet] = values;
	}
	const sort = params.get('sort');
	return {
		q: (params.get('q') ?? '').trim(),
		filters,
		sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance',
	};
}

/** The URL parameters of a search: `q`, then filters in facet order, then a non-default sort. */
export function toSearchParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const facet of FACETS)
		for (const value of state.filters[facet] ?? []) params.append(facet, value);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	return params;
}

/** True when there is something to search for: words or at least one filter. */
export function hasCriteria(state: SearchState): boolean {
	return state.q !== '' || FACETS.some((f) => state.filters[f]?.length);
}

/** The state with one filter value added or removed. */
export function toggleFilter(state: SearchState, facet: Facet, value: string, on: boolean) {
	const current = (state.filters[facet] ?? []).filter((v) => v !== value);
	const values = on ? [...current, value] : current;
	const filters = { ...state.filters, [facet]: values };
	if (!values.length) delete filters[facet];
	return { ...state, filters };
}

/** Pagefind's search options: every chosen value must match (`all`), sorted by `date`. */
export function toPagefindOptions(state: SearchState) {
	const filters: Record<string, { all: string[] }> = {};
	for (const facet of FACETS) {
		const values = state.filters[facet];
		if (values?.length) filters[facet] = { all: values };
	}
	const sort: Record<string, 'asc' | 'desc'> =
		state.sort === 'newest' ? { date: 'desc' } : state.sort === 'oldest' ? { date: 'asc' } : {};
	return { filters, sort };
}

/**
 * Words too common to narrow a search: nearly every entry has them, and each fills a large index
 * chunk of its own that a search for it would download.
 */
const STOP_WORDS = new Set(
	'a an and are as at be but by for from had has have i in is it its of on or our that the their this to was we were with'.split(
		' ',
	),
);

const isStopWord = (word: string) =>
	STOP_WORDS.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

/**
 * What Pagefind searches for: the words typed without stop words, unless that leaves nothing or
 * the query is a "quoted phrase"; `null` (every entry, for a search by filters alone) when empty.
 */
export function toPagefindTerm(q: string): string | null {
	if (!q) return null;
	if (/^".+"$/.test(q)) return q;
	const kept = q.split(/\s+/).filter((word) => !isStopWord(word));
	return kept.length ? kept.join(' ') : q;
}

/** True when every word typed is a stop word: the page waits for more, or for Enter. */
export function onlyStopWords(q: string): boolean {
	return q !== '' && q.split(/\s+/).every(isStopWord);
}
