import { describe, expect, it } from 'vitest';
import {
	emptyState,
	hasCriteria,
	onlyStopWords,
	readSearchState,
	toggleFilter,
	toPagefindOptions,
	toPagefindTerm,
	toSearchParams,
} from '../../src/lib/site/search-state.ts';

const read = (query: string) => readSearchState(new URLSearchParams(query));

describe('search state in the URL', () => {
	it('reads words, repeated filters and the sort', () => {
		expect(read('q=+latency+&team=payments&person=ana&person=bo&sort=oldest')).toEqual({
			q: 'latency',
			filters: { team: ['payments'], person: ['ana', 'bo'] },
			sort: 'oldest',
		});
	});

	it('ignores unknown keys, blank and repeated values, and an unknown sort', () => {
		expect(read('colour=red&team=&tag=x&tag=x&sort=sideways')).toEqual({
			q: '',
			filters: { tag: ['x'] },
			sort: 'relevance',
		});
	});

	it('writes q, then filters in facet order, then a sort other than relevance', () => {
		const state = read('sort=newest&tag=b&status=measured&q=cache&person=ana&tag=a');
		expect(toSearchParams(state).toString()).toBe(
			'q=cache&person=ana&status=measured&tag=b&tag=a&sort=newest',
		);
		expect(toSearchParams(read('q=cache&sort=relevance')).toString()).toBe('q=cache');
	});

	it('survives a round trip through the URL', () => {
		const state = read('q=a+b&team=payments&tag=x&tag=y&sort=oldest');
		expect(read(toSearchParams(state).toString())).toEqual(state);
	});
});

describe('changing a search', () => {
	it('adds and removes filter values, dropping a facet left empty', () => {
		const one = toggleFilter(emptyState(), 'tag', 'latency', true);
		const two = toggleFilter(one, 'tag', 'cache', true);
		expect(two.filters).toEqual({ tag: ['latency', 'cache'] });
		expect(toggleFilter(one, 'tag', 'latency', false).filters).toEqual({});
	});

	it('has criteria when there are words or a filter', () => {
		expect(hasCriteria(emptyState())).toBe(false);
		expect(hasCriteria(read('q=x'))).toBe(true);
		expect(hasCriteria(read('status=measured'))).toBe(true);
		expect(hasCriteria(read('sort=newest'))).toBe(false);
	});
});

describe('toPagefindOptions', () => {
	it('requires every chosen value and sorts by date', () => {
		expect(toPagefindOptions(read('team=payments&tag=a&tag=b&sort=newest'))).toEqual({
			filters: { team: { all: ['payments'] }, tag: { all: ['a', 'b'] } },
			sort: { date: 'desc' },
		});
		expect(toPagefindOptions(read('q=x&sort=oldest')).sort).toEqual({ date: 'asc' });
		expect(toPagefindOptions(read('q=x')).sort).toEqual({});
	});
});

describe('the words Pagefind searches for', () => {
	it('leaves out stop words, whose index chunks are large and narrow nothing', () => {
		expect(toPagefindTerm('what we learned about the cache')).toBe('what learned about cache');
		expect(toPagefindTerm('The latency, and')).toBe('latency,');
	});

	it('keeps the words when nothing else is left, or the query is a quoted phrase', () => {
		expect(toPagefindTerm('we the')).toBe('we the');
		expect(toPagefindTerm('"the cache"')).toBe('"the cache"');
	});

	it('searches every entry (filters alone) when there are no words', () => {
		expect(toPagefindTerm('')).toBeNull();
	});

	it('tells a query of stop words only, which waits for more typing', () => {
		expect(onlyStopWords('the')).toBe(true);
		expect(onlyStopWords('We, the')).toBe(true);
		expect(onlyStopWords('the cache')).toBe(false);
		expect(onlyStopWords('')).toBe(false);
	});
});
