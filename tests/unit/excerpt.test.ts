import { describe, expect, it } from 'vitest';
import { splitExcerpt } from '../../src/lib/site/excerpt.ts';

describe('splitExcerpt', () => {
	it('splits at the highlights', () => {
		expect(splitExcerpt('p95 <mark>latency</mark> fell, <mark>latency</mark>.')).toEqual([
			{ text: 'p95 ', mark: false },
			{ text: 'latency', mark: true },
			{ text: ' fell, ', mark: false },
			{ text: 'latency', mark: true },
			{ text: '.', mark: false },
		]);
	});

	it('turns escaped markup back into the text it was, never into tags', () => {
		const runs = splitExcerpt(
			'&lt;img src=x onerror=alert(1)&gt; <mark>&lt;b&gt;bold&lt;/b&gt;</mark> Tom & Jerry',
		);
		expect(runs).toEqual([
			{ text: '<img src=x onerror=alert(1)> ', mark: false },
			{ text: '<b>bold</b>', mark: true },
			{ text: ' Tom & Jerry', mark: false },
		]);
	});

	it('gives nothing for an empty excerpt', () => {
		expect(splitExcerpt('')).toEqual([]);
	});
});
