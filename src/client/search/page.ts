/**
 * The search page: a small UI on Pagefind's `pagefind.js`. Nothing of the index is fetched until
 * there is something to search for (words typed, a filter chosen, or either in the URL), and a
 * facet's filter index only when that facet is opened or used: each costs tens of kilobytes on a
 * large journal, and every loaded facet makes each search count its values. The URL holds the
 * search (search-state.ts), so a search can be shared and the back button steps through it.
 * Results are built with createElement and textContent only: content never becomes markup.
 */
import { splitExcerpt } from '../../lib/site/excerpt';
import { formatDate } from '../../lib/site/format';
import {
	FACET_NAMES,
	FACETS,
	facetValueLabel,
	type Facet,
	type FacetLabels,
} from '../../lib/site/search-facets';
import {
	hasCriteria,
	onlyStopWords,
	readSearchState,
	toggleFilter,
	toPagefindOptions,
	toPagefindTerm,
	toSearchParams,
	type SearchState,
	type Sort,
} from '../../lib/site/search-state';

/** Facet → value → number of entries. */
type FilterCounts = Record<string, Record<string, number>>;

/** What a result fragment holds that this page shows. */
interface Fragment {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

interface Result {
	data: () => Promise<Fragment>;
}

type SearchOptions = ReturnType<typeof toPagefindOptions>;

/** The part of pagefind.js this page uses. */
interface Pagefind {
	options(options: { excerptLength: number; noWorker: boolean }): Promise<void>;
	search(
		term: string | null,
		options: SearchOptions,
	): Promise<{ results: Result[]; filters: FilterCounts }>;
	preload(term: string | null, options: { filters: Record<string, never[]> }): Promise<void>;
}

/** Results shown at a time: each costs a fragment download. */
const PAGE_SIZE = 10;
/** Quiet time after a key press before searching, so a word costs one search, not one a letter. */
const TYPING_PAUSE_MS = 300;
/** Words of context around the matches in an excerpt. */
const EXCERPT_WORDS = 24;

export function startSearchPage(root: HTMLElement) {
	const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
	const form = find<HTMLFormElement>('form');
	const input = find<HTMLInputElement>('#search-q');
	const sortSelect = find<HTMLSelectElement>('#search-sort');
	const chips = find<HTMLUListElement>('.search-chips');
	const panels = new Map(
		[...root.querySelectorAll<HTMLDetailsElement>('details[data-facet]')].map((d) => [
			d.dataset.facet as Facet,
			d,
		]),
	);
	const status = find<HTMLParagraphElement>('.search-status');
	const list = find<HTMLOListElement>('.search-results');
	const more = find<HTMLButtonElement>('.search-more');
	const bundle = root.dataset.bundle!;
	const labels = JSON.parse(root.dataset.labels ?? '{}') as FacetLabels;

	let state = readSearchState(new URLSearchParams(location.search));
	let pagefind: Promise<Pagefind> | undefined;
	/** Facets whose filter index is loaded: opened by the reader or used in a search. */
	const loaded = new Set<Facet>();
	/** Counts of the loaded facets' values within the current results (or all entries). */
	let counts: FilterCounts = {};
	let results: Result[] = [];
	let shown = 0;
	/** Increases with every search, so a slow answer to an older one is dropped. */
	let generation = 0;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;

	root.hidden = false;
	// Beside the results there is room to show the filters; on a phone they wait behind their button.
	if (matchMedia('(min-width: 60rem)').matches)
		find<HTMLDetailsElement>('.search-filters').open = true;

	function load(): Promise<Pagefind> {
		pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(
			async (module) => {
				// The main thread is enough for one query, and saves loading the worker script.
				await module.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
				return module;
			},
		);
		// A failed load is forgotten, so the next key press tries again.
		pagefind.catch(() => (pagefind = undefined));
		return pagefind;
	}

	/** Makes `next` the current search, in the URL too (a new history entry unless `replace`). */
	function go(next: SearchState, history: 'push' | 'replace') {
		state = next;
		const query = toSearchParams(state).toString();
		const url = `${location.pathname}${query ? `?${query}` : ''}`;
		if (url !== `${location.pathname}${location.search}`)
			window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url);
		showState();
		void search();
	}

	/** Puts the current search into the form and the filter chips. */
	function showState() {
		if (input.value.trim() !== state.q) input.value = state.q;
		sortSelect.value = state.sort;
		chips.replaceChildren(
			...FACETS.flatMap((facet) => (state.filters[facet] ?? []).map((v) => chip(facet, v))),
		);
		chips.hidden = chips.childElementCount === 0;
	}

	function chip(facet: Facet, value: string): HTMLLIElement {
		const button = make('button');
		button.type = 'button';
		button.dataset.facet = facet;
		button.dataset.value = value;
		const hiddenText = make('span', 'Remove filter ');
		hiddenText.className = 'visually-hidden';
		const cross = make('span', ' ✕');
		cross.setAttribute('aria-hidden', 'true');
		button.append(hiddenText, `${FACET_NAMES[facet]}: ${facetValueLabel(facet, value, labels)}`);
		button.append(cross);
		const item = make('li');
		item.append(button);
		return item;
	}

	async function search() {
		const current = ++generation;
		results = [];
		shown = 0;
		for (const facet of FACETS) if (state.filters[facet]) loaded.add(facet);
		if (!hasCriteria(state)) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = '';
			root.dataset.searched = '';
			await refreshCounts(current);
			return;
		}
		list.setAttribute('aria-busy', 'true');
		try {
			const pf = await load();
			const response = await pf.search(toPagefindTerm(state.q), toPagefindOptions(state));
			if (current !== generation) return;
			results = response.results;
			counts = response.filters;
			list.replaceChildren();
			await showMore(current);
			status.textContent = describe(results.length);
			renderFacets();
			// Which search the page shows, for tests and tools to wait on.
			root.dataset.searched = toSearchParams(state).toString();
		} catch (error) {
			if (current === generation) showFailure(error);
		} finally {
			if (current === generation) list.removeAttribute('aria-busy');
		}
	}

	function showFailure(error: unknown) {
		console.error(error);
		list.replaceChildren();
		more.hidden = true;
		status.textContent = import.meta.env.DEV
			? 'There is no search index yet: run `npm run build` once, then reload this page. The dev server searches the last build.'
			: 'Search could not be loaded. Reload the page to try again.';
	}

	/**
	 * Counts for the loaded facets without showing results: within the current results, or over
	 * every entry when there is nothing to search for (Pagefind counts only what a search returns).
	 */
	async function refreshCounts(current = generation) {
		if (!FACETS.some((f) => panels.get(f)!.open)) return;
		try {
			const pf = await load();
			const { filters } = await pf.search(toPagefindTerm(state.q), toPagefindOptions(state));
			if (current !== generation) return;
			counts = filters;
			renderFacets();
		} catch (error) {
			if (current === generation) showFailure(error);
		}
	}

	/** Shows the next page of results; returns the first new result's link. */
	async function showMore(current: number): Promise<HTMLAnchorElement | undefined> {
		const batch = results.slice(shown, shown + PAGE_SIZE);
		const fragments = await Promise.all(batch.map((r) => r.data()));
		if (current !== generation) return undefined;
		shown += batch.length;
		const items = fragments.map(resultItem);
		list.append(...items);
		more.hidden = shown >= results.length;
		return items[0]?.querySelector('a') ?? undefined;
	}

	function describe(total: number): string {
		const words = state.q ? ` for “${state.q}”` : '';
		const filtered = FACETS.some((f) => state.filters[f]) ? ' with these filters' : '';
		if (total === 0) return `No entry found${words}${filtered}. Try fewer words or filters.`;
		const order = state.sort === 'relevance' ? 'best match first' : `${state.sort} first`;
		return `${total} ${total === 1 ? 'entry' : 'entries'} found${words}${filtered}, ${order}.`;
	}

	function resultItem(fragment: Fragment): HTMLLIElement {
		const { meta } = fragment;
		const link = make('a', meta.title || fragment.url);
		link.href = fragment.url;
		const heading = make('h2');
		heading.append(link);
		const facts = make('p');
		facts.className = 'meta';
		if (meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
			const time = make('time', formatDate(meta.date));
			time.dateTime = meta.date;
			facts.append(time);
		}
		if (meta.status) {
			const badge = make('span', meta.status);
			badge.className = `status status-${meta.status}`;
			facts.append(badge);
		}
		if (meta.authors) facts.append(make('span', meta.authors));
		const excerpt = make('p');
		excerpt.className = 'excerpt';
		// Without words there is nothing to highlight: the summary says more than the first lines.
		if (!state.q && meta.summary) excerpt.textContent = meta.summary;
		// An entry with no text of its own is indexed by its title, which the heading already shows.
		else if (meta.text === 'none') {
			excerpt.textContent = 'No write-up.';
			excerpt.classList.add('muted');
		} else
			for (const run of splitExcerpt(fragment.excerpt))
				excerpt.append(run.mark ? make('mark', run.text) : run.text);
		const item = make('li');
		item.dataset.pagefindResult = '';
		item.append(heading, facts, excerpt);
		return item;
	}

	/** Each open facet's checkboxes: the values still in the results (or chosen), with counts. */
	function renderFacets() {
		const focused = document.activeElement;
		const refocus =
			focused instanceof HTMLInputElement && focused.type === 'checkbox' && root.contains(focused)
				? `input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`
				: undefined;
		for (const [facet, panel] of panels) {
			if (!panel.open || !loaded.has(facet)) continue;
			const chosen = state.filters[facet] ?? [];
			const values = Object.entries(counts[facet] ?? {}).filter(
				([value, count]) => count > 0 || chosen.includes(value),
			);
			for (const value of chosen) if (!values.some(([v]) => v === value)) values.push([value, 0]);
			const box = panel.querySelector('.facet-values')!;
			if (values.length) box.replaceChildren(...sortValues(facet, values).map(checkbox(facet)));
			else box.replaceChildren(make('p', 'No value of this filter is left in the results.'));
		}
		if (refocus) root.querySelector<HTMLInputElement>(refocus)?.focus();
	}

	function sortValues(facet: Facet, values: [string, number][]) {
		// Dates newest first; everything else by the name a reader sees.
		if (facet === 'year' || facet === 'month') return values.sort(([a], [b]) => b.localeCompare(a));
		const name = (v: string) => facetValueLabel(facet, v, labels);
		return values.sort(([a], [b]) => name(a).localeCompare(name(b)));
	}

	const checkbox =
		(facet: Facet) =>
		([value, count]: [string, number]) => {
			const box = make('input');
			box.type = 'checkbox';
			box.name = facet;
			box.value = value;
			box.checked = state.filters[facet]?.includes(value) ?? false;
			const number = make('span', String(count));
			number.className = 'count';
			const label = make('label');
			label.append(box, make('span', facetValueLabel(facet, value, labels)), number);
			return label;
		};

	/** Loads a facet's filter index when its panel opens, then shows its values. */
	async function openFacet(facet: Facet) {
		const box = panels.get(facet)!.querySelector('.facet-values')!;
		if (loaded.has(facet)) return renderFacets();
		box.replaceChildren(make('p', 'Loading…'));
		try {
			const pf = await load();
			await pf.preload(null, { filters: { [facet]: [] } });
			loaded.add(facet);
			await refreshCounts();
		} catch (error) {
			console.error(error);
			box.replaceChildren(make('p', 'This filter could not be loaded.'));
		}
	}

	input.addEventListener('input', () => {
		void load().catch(() => undefined);
		// A search still running for fewer letters is moot: drop it before it fetches its results.
		generation++;
		clearTimeout(typingTimer);
		const q = input.value.trim();
		// "the", "we": too costly to search for on the way to a real word; Enter still does.
		if (onlyStopWords(q)) return;
		typingTimer = setTimeout(() => go({ ...state, q }, 'replace'), TYPING_PAUSE_MS);
	});
	input.addEventListener('focus', () => {
		if (input.value.trim()) void load().catch(() => undefined);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(typingTimer);
		go({ ...state, q: input.value.trim() }, 'push');
	});
	sortSelect.addEventListener('change', () =>
		go({ ...state, sort: sortSelect.value as Sort }, 'push'),
	);
	for (const [facet, panel] of panels)
		panel.addEventListener('toggle', () => {
			if (panel.open) void openFacet(facet);
		});
	root.addEventListener('change', (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
		go(toggleFilter(state, box.name as Facet, box.value, box.checked), 'push');
	});
	chips.addEventListener('click', (event) => {
		const button = (event.target as Element).closest('button');
		if (!button) return;
		const { facet, value } = button.dataset;
		const index = [...chips.querySelectorAll('button')].indexOf(button);
		go(toggleFilter(state, facet as Facet, value!, false), 'push');
		// Keep keyboard focus nearby: the next filter, else the search box.
		const left = chips.querySelectorAll('button');
		(left[Math.min(index, left.length - 1)] ?? input).focus();
	});
	more.addEventListener('click', async () => {
		const first = await showMore(generation);
		first?.focus();
	});
	window.addEventListener('popstate', () => {
		clearTimeout(typingTimer);
		state = readSearchState(new URLSearchParams(location.search));
		showState();
		void search();
	});

	// A search in the URL counts as typing it: run it now.
	showState();
	if (hasCriteria(state)) void search();
}

/** An element, with text when given (as text, never markup). */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) {
	const element = document.createElement(tag);
	if (text !== undefined) element.textContent = text;
	return element;
}
