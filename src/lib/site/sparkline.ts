/**
 * A metric's series as a sparkline: the small trend drawn as static SVG next to a value in lists
 * and on entry pages. Pure: points in, the path's geometry and its words out; the component only
 * writes the SVG.
 */
import type { Metric } from '../content/schema.ts';
import { getDelta } from '../content/delta.ts';
import { valueAt } from '../facts/metric-timeline.ts';
import { bisect } from '../utils/bisect.ts';
import { daysBetween } from '../utils/dates.ts';
import { directionText, formatDate, formatValue, verdictText, type NumberStyle } from './format.ts';

export interface SeriesValue {
	date: string;
	/** null for a gap in the series. */
	value: number | null;
}

export interface Sparkline {
	/** Size in CSS pixels; the coordinates below are in half pixels, so whole numbers suffice. */
	width: number;
	height: number;
	/** SVG path data: one `M…L…` run between gaps. */
	path: string;
	first: { date: string; value: number };
	last: { date: string; value: number };
	/** Where the last value sits: a dot, so that a single value still shows. */
	end: { x: number; y: number };
	/** Where the marked date sits on the line (an entry's date on its page). */
	mark?: { x: number; y: number; date: string; value: number };
}

/** Points a sparkline draws at most; longer series are averaged down to this many. */
export const SPARKLINE_POINTS = 24;
/** The drawing's size in coordinates: twice the CSS size. */
const WIDTH = 192;
const HEIGHT = 48;
/** Room for the stroke and the mark's dot, so neither is cut at the edge. */
const PAD = 6;

/**
 * The sparkline of `points` (oldest first), or undefined when they hold no value. `mark` puts a
 * dot on the line at that date.
 */
export function toSparkline(
	points: readonly SeriesValue[],
	mark?: string,
	maxPoints = SPARKLINE_POINTS,
): Sparkline | undefined {
	const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
	if (!known.length) return undefined;
	const drawn = downsample(points, maxPoints);
	const markValue = mark === undefined ? undefined : valueAt(points, mark);
	const values = known.map((p) => p.value);
	if (markValue !== undefined) values.push(markValue);
	const low = Math.min(...values);
	const high = Math.max(...values);
	const start = [drawn[0]!.date, mark].filter((d) => d !== undefined).sort()[0]!;
	const end = [drawn.at(-1)!.date, mark]
		.filter((d) => d !== undefined)
		.sort()
		.at(-1)!;
	const span = daysBetween(start, end);
	const x = (date: string) =>
		round(span ? PAD + ((WIDTH - 2 * PAD) * daysBetween(start, date)) / span : WIDTH / 2);
	// A flat line sits in the middle rather than on an edge.
	const y = (value: number) =>
		round(
			high > low ? HEIGHT - PAD - ((HEIGHT - 2 * PAD) * (value - low)) / (high - low) : HEIGHT / 2,
		);

	let path = '';
	let pen = false;
	for (const p of drawn) {
		if (p.value === null) {
			pen = false;
			continue;
		}
		path += `${pen ? 'L' : 'M'}${x(p.date)} ${y(p.value)}`;
		pen = true;
	}
	return {
		width: WIDTH / 2,
		height: HEIGHT / 2,
		path,
		first: known[0]!,
		last: known.at(-1)!,
		end: { x: x(known.at(-1)!.date), y: y(known.at(-1)!.value) },
		mark:
			mark === undefined || markValue === undefined
				? undefined
				: { x: x(mark), y: y(markValue), date: mark, value: markValue },
	};
}

/**
 * At most `max` points: the first and the last as they are, the ones between averaged in equal
 * runs (a run of gaps stays a gap), so that a long series costs no more bytes than a short one.
 */
export function downsample(points: readonly SeriesValue[], max: number): SeriesValue[] {
	if (points.length <= max) return [...points];
	// Index arithmetic rather than slices: every entry page with a metric draws one.
	const innerLength = points.length - 2;
	const runs = max - 2;
	const out: SeriesValue[] = [points[0]!];
	for (let i = 0; i < runs; i++) {
		const from = 1 + Math.floor((i * innerLength) / runs);
		const to = 1 + Math.floor(((i + 1) * innerLength) / runs);
		let sum = 0;
		let count = 0;
		for (let j = from; j < to; j++) {
			const value = points[j]!.value;
			if (value !== null) {
				sum += value;
				count++;
			}
		}
		out.push({
			date: points[from + Math.floor((to - from) / 2)]!.date,
			value: count ? sum / count : null,
		});
	}
	out.push(points.at(-1)!);
	return out;
}

/** How far either side of an entry's date its page shows a metric's series. */
export const TREND_DAYS = 182;

/**
 * Points within `days` days either side of `date`: the series around an entry. `points` are
 * oldest first, as timelines keep them, so the two ends are found by halving rather than by
 * measuring every point: an entry page asks this of each metric it reports.
 */
export function around<P extends { date: string }>(
	points: readonly P[],
	date: string,
	days: number,
): P[] {
	const from = bisect(points, (p) => daysBetween(date, p.date) < -days);
	const to = bisect(points, (p) => daysBetween(date, p.date) <= days);
	return points.slice(from, to);
}

/**
 * What the sparkline shows, in words: `From 90.6% (3 Oct 2025) to 93.0% (12 Jun 2026): better
 * (higher is better).` Better or worse by the metric's direction, never by the sign.
 */
export function sparklineLabel(
	spark: Sparkline,
	metric: Pick<Metric, 'name' | 'direction'> & NumberStyle,
): string {
	const { first, last, mark } = spark;
	const delta = getDelta({ metric: '', before: first.value, after: last.value }, metric);
	const trend =
		first.date === last.date
			? `one value, ${formatValue(last.value, metric)} (${formatDate(last.date)})`
			: `from ${formatValue(first.value, metric)} (${formatDate(first.date)}) to ${formatValue(last.value, metric)} (${formatDate(last.date)}): ${verdictText(delta)}`;
	const marked = mark ? `; this entry, ${formatDate(mark.date)}, is marked` : '';
	return `${metric.name} trend ${trend} (${directionText(metric.direction)})${marked}.`;
}

const round = Math.round;
