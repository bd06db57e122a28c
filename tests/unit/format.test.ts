import { describe, expect, it } from 'vitest';
import { getDelta } from '../../src/lib/facts/entry.ts';
import {
	formatChangeWithPercent,
	formatDate,
	formatMonth,
	formatValue,
} from '../../src/lib/site/format.ts';
import { createUrls } from '../../src/lib/site/urls.ts';
import { tagSlug } from '../../src/lib/content/tags.ts';

describe('format', () => {
	it('writes values with their unit', () => {
		expect(formatValue(1900, 'ms')).toBe('1,900 ms');
		expect(formatValue(3.25, '%')).toBe('3.25%');
		expect(formatValue(412, 'count')).toBe('412');
		expect(formatValue(undefined, 'ms')).toBe('—');
	});

	it('writes changes with a real minus sign, percentage points for % metrics', () => {
		expect(
			formatChangeWithPercent(
				getDelta({ metric: 'm', before: 1900, after: 1100 }, { direction: 'down' }),
				'ms',
			),
		).toBe('−800 ms (−42.11%)');
		expect(
			formatChangeWithPercent(
				getDelta({ metric: 'm', before: 3.2, after: 3.5 }, { direction: 'up' }),
				'%',
			),
		).toBe('+0.3 pp (+9.38%)');
		expect(
			formatChangeWithPercent(getDelta({ metric: 'm', before: 0, after: 2 }, { direction: 'up' })),
		).toBe('+2');
	});

	it('writes dates without time-zone drift', () => {
		expect(formatDate('2026-03-01')).toBe('1 Mar 2026');
		expect(formatMonth('2026-12')).toBe('December 2026');
	});

	it('writes years as they are written, from 0000 to 9999', () => {
		expect(['0000-01-01', '0099-12-31', '9999-12-31'].map(formatDate)).toEqual([
			'1 Jan 0000',
			'31 Dec 0099',
			'31 Dec 9999',
		]);
		expect(formatMonth('0099-06')).toBe('June 0099');
	});
});

describe('urls', () => {
	it('puts every link under the base, with a trailing slash', () => {
		const urls = createUrls('/journal/');
		expect(urls.home()).toBe('/journal/');
		expect(urls.entry('batching')).toBe('/journal/entries/batching/');
		expect(urls.month('2026-03')).toBe('/journal/months/2026-03/');
		expect(createUrls('/journal').person('ana')).toBe('/journal/people/ana/');
		expect(createUrls('/').tags()).toBe('/tags/');
	});

	it('makes tag slugs from any tag text', () => {
		expect(tagSlug('Black Friday')).toBe('black-friday');
		expect(tagSlug('p95/latency')).toBe('p95-latency');
		expect(createUrls('/').tag('Black Friday')).toBe('/tags/black-friday/');
	});
});
