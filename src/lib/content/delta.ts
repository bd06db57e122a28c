/**
 * How a metric's result moved, judged by the metric's direction: the checker refuses a change too
 * large to show, and every page and export shows the same verdict.
 */
import type { Metric, MetricResult } from './schema.ts';

export type Verdict = 'better' | 'worse' | 'unchanged' | 'unmeasured';

export interface Delta {
	/** after − before, when both are known. */
	absolute?: number;
	/** Change relative to `before` in percent; undefined when before is 0 or unknown. */
	percent?: number;
	/** Judged by the metric's direction, not by the sign. */
	verdict: Verdict;
	/** Whether `after` reached `target` in the metric's direction. */
	targetMet?: boolean;
}

/** How a result moved, judged against the metric's direction. */
export function getDelta(result: MetricResult, metric: Pick<Metric, 'direction'>): Delta {
	const { before, after, target } = result;
	const sign = metric.direction === 'up' ? 1 : -1;
	const targetMet =
		after !== undefined && target !== undefined ? (after - target) * sign >= 0 : undefined;
	if (before === undefined || after === undefined) return { verdict: 'unmeasured', targetMet };
	const absolute = round(after - before);
	const percent = before === 0 ? undefined : round(((after - before) / Math.abs(before)) * 100);
	const verdict: Verdict = absolute === 0 ? 'unchanged' : absolute * sign > 0 ? 'better' : 'worse';
	return { absolute, percent, verdict, targetMet };
}

/**
 * Rounds away floating-point noise (0.1 + 0.2) without hiding real precision. A value too large
 * to scale has no such noise to lose, and is kept rather than made infinite.
 */
function round(value: number): number {
	const scaled = value * 1e6;
	return Number.isFinite(scaled) ? Math.round(scaled) / 1e6 : value;
}
