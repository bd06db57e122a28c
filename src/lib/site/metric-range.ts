/** The words for a metric history's range: its name and what changed over it. */
import type { Metric } from '../content/schema.ts';
import { getDelta } from '../content/delta.ts';
import { changeOver, type TimelineRange } from '../facts/metric-timeline.ts';
import {
	formatChangeWithPercent,
	formatDate,
	formatValue,
	verdictText,
	type NumberStyle,
} from './format.ts';

export const RANGE_LABELS: Record<TimelineRange, string> = {
	'3m': 'last 3 months',
	'6m': 'last 6 months',
	'12m': 'last 12 months',
	all: 'all time',
};

/**
 * What changed over the line shown, in words and numbers: `From 62.4% (6 Oct 2025) to 67.2%
 * (23 Nov 2026): +4.8 pp (+7.69%), better.` Better or worse by the metric's direction.
 */
export function rangeChangeText(
	points: readonly { date: string; value: number | null }[],
	metric: Pick<Metric, 'direction'> & NumberStyle,
): string {
	const change = changeOver(points);
	if (!change) {
		const one = points.find((p) => p.value !== null);
		return one
			? `One value in this range: ${formatValue(one.value!, metric)} (${formatDate(one.date)}); nothing to compare it with.`
			: 'No values in this range.';
	}
	const { first, last } = change;
	const delta = getDelta({ metric: '', before: first.value, after: last.value }, metric);
	return `From ${formatValue(first.value, metric)} (${formatDate(first.date)}) to ${formatValue(last.value, metric)} (${formatDate(last.date)}): ${formatChangeWithPercent(delta, metric)}, ${verdictText(delta)}.`;
}
