import { describe, expect, it } from 'vitest';
import { outOfMemory, projectedPeak } from '../../scripts/bench/memory.ts';
import {
	isWide,
	judge,
	median,
	pairRatios,
	spreadFactor,
	summarize,
	WIDE_SPREAD,
} from '../../scripts/bench/stats.ts';

describe('the bench statistics', () => {
	it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([40, 10, 30, 20])).toBe(25);
		expect(median([7])).toBe(7);
		expect(() => median([])).toThrow(/no values/);
	});

	it('summarizes pairs as median, range and the pair furthest from the median', () => {
		expect(summarize([30, 31, 45])).toEqual({
			median: 31,
			min: 30,
			max: 45,
			values: [30, 31, 45],
			outlier: 3,
		});
		// Below the median counts as much as above it, relative to the median.
		expect(summarize([20, 30, 31])?.outlier).toBe(1);
	});

	it('skips pairs without a figure but keeps their place, so the outlier is named by pair', () => {
		const s = summarize([null, 10, 10.5, 18])!;
		expect(s).toMatchObject({ median: 10.5, min: 10, max: 18, outlier: 4 });
		expect(s.values).toEqual([null, 10, 10.5, 18]);
		expect(summarize([null, undefined, Number.NaN])).toBeNull();
	});

	it('names no outlier with fewer than three figures', () => {
		expect(summarize([10, 20])?.outlier).toBeNull();
		expect(summarize([10])).toMatchObject({ median: 10, min: 10, max: 10, outlier: null });
	});

	it('divides pair by pair, leaving a pair out where either side is missing or zero', () => {
		expect(pairRatios([30, 40, 50, 60], [20, null, 0, 30])).toEqual([1.5, null, null, 2]);
		// The median of the ratios, not the ratio of the medians.
		expect(summarize(pairRatios([10, 30, 20], [10, 10, 40]))?.median).toBe(1);
	});

	it('calls a spread wide when the highest is more than WIDE_SPREAD times the lowest', () => {
		expect(spreadFactor(summarize([10, 12])!)).toBeCloseTo(1.2);
		expect(isWide(summarize([10, 10 * WIDE_SPREAD])!)).toBe(false);
		expect(isWide(summarize([10, 10 * WIDE_SPREAD + 0.01])!)).toBe(true);
		expect(isWide(summarize([0, 0])!)).toBe(false);
	});

	it('passes or fails a floor when every pair is on one side of it', () => {
		expect(judge(summarize([1.2, 1.4, 1.5]), 1.5)).toBe('pass');
		expect(judge(summarize([1.51, 1.6, 2.5]), 1.5)).toBe('fail');
		expect(judge(null, 1.5)).toBeNull();
	});

	it('lets the median decide when the pairs straddle the floor but agree closely', () => {
		expect(judge(summarize([1.45, 1.48, 1.52]), 1.5)).toBe('pass');
		expect(judge(summarize([1.48, 1.52, 1.55]), 1.5)).toBe('fail');
	});

	it('cannot judge when the pairs straddle the floor and spread widely', () => {
		expect(judge(summarize([1.2, 1.4, 1.7]), 1.5)).toBe('unclear');
		// Just as wide, but all under the floor: that is still a pass.
		expect(judge(summarize([1.0, 1.2, 1.45]), 1.5)).toBe('pass');
	});
});

describe('the bench memory guard', () => {
	it('tells a heap limit from the kernel killing a build, and both from other failures', () => {
		const run = {
			code: 134,
			signal: null,
			tail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
		};
		expect(outOfMemory(run)).toBe('heap');
		expect(outOfMemory({ code: 1, signal: 'SIGKILL', tail: '' })).toBe('killed');
		expect(outOfMemory({ code: 137, signal: null, tail: 'Killed' })).toBe('killed');
		expect(
			outOfMemory({ code: 1, signal: null, tail: 'entries/a.md:3: title is missing' }),
		).toBeNull();
		expect(outOfMemory({ code: 0, signal: null, tail: 'heap out of memory' })).toBeNull();
	});

	it('projects peak memory linearly from the largest smaller size measured', () => {
		const GiB = 1024 ** 3;
		const measured = [
			{ entries: 1000, peakRss: 0.5 * GiB },
			{ entries: 10_000, peakRss: 2 * GiB },
			{ entries: 20_000, peakRss: null },
		];
		expect(projectedPeak(measured, 50_000)).toBe(10 * GiB);
		expect(projectedPeak(measured, 1000)).toBeNull();
	});
});
