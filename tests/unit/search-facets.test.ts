import { describe, expect, it } from 'vitest';
import {
	facetValueLabel,
	getFacetLabels,
	getSearchFacets,
} from '../../src/lib/site/search-facets.ts';
import { makeEntry } from '../helpers.ts';

describe('getSearchFacets', () => {
	it('files an entry under every author, its date, metrics, methods and tag slugs', () => {
		const { data } = makeEntry('e', {
			date: '2026-03-14',
			authors: [{ person: 'ana', role: 'lead' }, 'bo', 'ana'],
			team: 'payments',
			features: ['one-click'],
			status: 'measured',
			metrics: [
				{ metric: 'latency', method: 'ab_test' },
				{ metric: 'conversion', method: 'ab_test' },
				{ metric: 'latency' },
			],
			tags: ['Black Friday', 'latency'],
		});
		expect(getSearchFacets(data)).toEqual({
			person: ['ana', 'bo'],
			team: ['payments'],
			year: ['2026'],
			month: ['2026-03'],
			feature: ['one-click'],
			metric: ['latency', 'conversion'],
			status: ['measured'],
			method: ['ab_test'],
			tag: ['black-friday', 'latency'],
		});
	});

	it('leaves the optional facets empty when the entry has none of them', () => {
		const facets = getSearchFacets(makeEntry('e', {}).data);
		expect([facets.team, facets.feature, facets.metric, facets.method, facets.tag]).toEqual([
			[],
			[],
			[],
			[],
			[],
		]);
	});
});

describe('facet labels', () => {
	it('keeps only the names that differ from their ids', () => {
		const labels = getFacetLabels({
			person: [['ana', 'Ana Souza']],
			tag: [
				['latency', 'latency'],
				['black-friday', 'Black Friday'],
			],
			team: [],
		});
		expect(labels).toEqual({
			person: { ana: 'Ana Souza' },
			tag: { 'black-friday': 'Black Friday' },
		});
	});

	it('names ids, months and methods, and shows any other value as it is', () => {
		const labels = { person: { ana: 'Ana Souza' } };
		expect(facetValueLabel('person', 'ana', labels)).toBe('Ana Souza');
		expect(facetValueLabel('person', 'zed', labels)).toBe('zed');
		expect(facetValueLabel('month', '2026-03', labels)).toBe('March 2026');
		expect(facetValueLabel('method', 'ab_test', labels)).toBe('A/B test');
		expect(facetValueLabel('status', 'measured', labels)).toBe('measured');
	});
});
