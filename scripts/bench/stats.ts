/**
 * Figures from repeated pairs of runs: the median and the spread of each measure, which pair
 * strayed furthest, and whether a floor can be judged at all when the spread straddles it.
 * Pure, so that tests can feed it any numbers.
 */

/** A measure over the pairs of one run. */
export interface Summary {
	median: number;
	min: number;
	max: number;
	/** One value per pair, in pair order; null where that pair has no figure. */
	values: (number | null)[];
	/** The pair (1-based) furthest from the median, relative to it; null with fewer than 3 values. */
	outlier: number | null;
}

/**
 * The spread is wide when the largest value is more than this factor of the smallest: other
 * work on the machine, not the code, then decides the figure.
 */
export const WIDE_SPREAD = 1.25;

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
	if (!values.length) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, range and outlier of `values`; null when no pair has a figure. */
export function summarize(values: readonly (number | null | undefined)[]): Summary | null {
	const kept = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
	const known = kept.filter((v): v is number => v !== null);
	if (!known.length) return null;
	const mid = median(known);
	let outlier: number | null = null;
	if (known.length >= 3) {
		let furthest = -1;
		kept.forEach((v, i) => {
			if (v === null) return;
			const distance = mid === 0 ? Math.abs(v) : Math.abs(v - mid) / Math.abs(mid);
			if (distance > furthest) [furthest, outlier] = [distance, i + 1];
		});
	}
	return { median: mid, min: Math.min(...known), max: Math.max(...known), values: kept, outlier };
}

/** Per-pair `a / b` where both are known and `b` is not 0. */
export function pairRatios(
	a: readonly (number | null | undefined)[],
	b: readonly (number | null | undefined)[],
): (number | null)[] {
	return a.map((x, i) => {
		const y = b[i];
		return typeof x === 'number' && typeof y === 'number' && y !== 0 ? x / y : null;
	});
}

/** max ÷ min of a summary: 1 when every pair agreed. */
export function spreadFactor(s: Summary): number {
	return s.min > 0 ? s.max / s.min : s.max === s.min ? 1 : Infinity;
}

export function isWide(s: Summary): boolean {
	return spreadFactor(s) > WIDE_SPREAD;
}

/**
 * The verdict on a floor "at most `limit`":
 * - `pass` or `fail` when every pair falls on the same side of the limit, or when the spread is
 *   narrow (then the median decides);
 * - `unclear` when the pairs straddle the limit and the spread is wide: the run cannot tell.
 */
export type Verdict = 'pass' | 'fail' | 'unclear';

export function judge(s: Summary | null, limit: number): Verdict | null {
	if (!s) return null;
	if (s.max <= limit) return 'pass';
	if (s.min > limit) return 'fail';
	if (isWide(s)) return 'unclear';
	return s.median <= limit ? 'pass' : 'fail';
}
