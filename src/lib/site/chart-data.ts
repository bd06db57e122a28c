/**
 * What a chart's client script needs, as plain JSON for a `data-chart` attribute (no inline
 * scripts under the site's CSP). Dates become UTC timestamps for a linear x scale, so no date
 * adapter is shipped to the browser.
 */
import { ENTRY_STATUSES, type EntryStatus, type Metric } from '../content/schema.ts';
import type { MetricTimeline } from '../facts/metric-timeline.ts';
import type { MonthRow } from '../facts/monthly-rollup.ts';
import type { EntryLike } from '../facts/entry.ts';
import { directionText, type NumberStyle } from './format.ts';

/** Milliseconds since the epoch at UTC midnight of a `YYYY-MM-DD` date. */
export const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** An entry marker: where it sits, what its tooltip says and where it links. */
export interface ChartMarker {
	x: number;
	/** null when the line has no value to sit on (the marker then sits on the x axis). */
	y: number | null;
	title: string;
	date: string;
	url: string;
}

export interface TimelineChartData {
	kind: 'timeline';
	unit?: string;
	/** The decimals the metric's values share (format.ts `displayDecimals`). */
	decimals?: number;
	/** The y axis title: unit and better direction. */
	axisTitle: string;
	/** Name of the line in tooltips. */
	lineLabel: string;
	/** [x, y]; y null for a gap. */
	points: [number, number | null][];
	markers: ChartMarker[];
	/** A stepped line: each target holds until the next; empty when no entry set one. */
	target: [number, number][];
}

export interface StatusChartData {
	kind: 'status';
	/** `YYYY-MM` of each bar, oldest first. */
	months: string[];
	/** Entries per month for each status, in the format's status order. */
	statuses: { status: EntryStatus; counts: number[] }[];
	/** Loop-closure rate per month in percent; null when no entry of that month is closed or due. */
	rate: (number | null)[];
}

export type ChartData = TimelineChartData | StatusChartData;

/** `ms · lower is better`; without a unit just the direction. */
export function axisTitle(metric: Pick<Metric, 'unit' | 'direction'>): string {
	const direction = directionText(metric.direction);
	return metric.unit ? `${metric.unit} · ${direction}` : direction;
}

export function toTimelineChartData<T extends EntryLike>(
	timeline: MetricTimeline<T>,
	metric: Pick<Metric, 'unit' | 'direction'> & NumberStyle,
	entryUrl: (slug: string) => string,
): TimelineChartData {
	const points = timeline.points.map((p): [number, number | null] => [toTime(p.date), p.value]);
	const markers = timeline.markers.map((m) => ({
		x: toTime(m.date),
		y: m.value ?? null,
		title: m.entry.data.title,
		date: m.date,
		url: entryUrl(m.entry.slug),
	}));
	const target: [number, number][] = timeline.targets.map((t) => [toTime(t.from), t.value]);
	const last = Math.max(...points.map((p) => p[0]), ...markers.map((m) => m.x));
	if (target.length && last > target.at(-1)![0]) target.push([last, target.at(-1)![1]]);
	return {
		kind: 'timeline',
		unit: metric.unit,
		decimals: metric.decimals,
		axisTitle: axisTitle(metric),
		lineLabel: timeline.source === 'series' ? 'Value' : 'Measured',
		points,
		markers,
		target,
	};
}

export function toStatusChartData(months: readonly MonthRow[]): StatusChartData {
	return {
		kind: 'status',
		months: months.map((m) => m.month),
		statuses: ENTRY_STATUSES.map((status) => ({
			status,
			counts: months.map((m) => m.counts[status]),
		})),
		rate: months.map((m) =>
			m.health.rate === undefined ? null : Math.round(m.health.rate * 1000) / 10,
		),
	};
}
