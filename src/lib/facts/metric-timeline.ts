/**
 * A metric's history for its chart and table: the CSV series when the journal has one, else every
 * measurement from entries; one marker per entry at its date; the targets entries set.
 * Pure: measurements and series in, timeline out.
 */
import type { SeriesPoint } from '../content/series.ts';
import { bisect } from '../utils/bisect.ts';
import { addMonths, daysBetween, lastDayOf, monthOf } from '../utils/dates.ts';
import type { EntryLike } from './entry.ts';
import type { Measurement } from './rollups.ts';

/** One value of the line; `value` is null for a gap in the series. */
export interface TimelinePoint<T> {
	date: string;
	value: number | null;
	/** The entry a measurement came from (entry-based timelines only). */
	entry?: T;
	/** Which of that entry's numbers this is. */
	kind?: 'before' | 'after';
}

/** An entry on the timeline, like a release annotation on a dashboard. */
export interface TimelineMarker<T> {
	entry: T;
	/** The entry's date (when the change shipped). */
	date: string;
	/** Where the marker sits on the line: the line's value at that date, if it has one. */
	value?: number;
}

/** A target an entry set; it holds from the entry's date until the next entry sets another. */
export interface TimelineTarget<T> {
	entry: T;
	from: string;
	value: number;
}

/** One row of a timeline's table: a point of the line and the entries attached to it. */
export interface TimelineRow<T> {
	date: string;
	value: number | null;
	point?: TimelinePoint<T>;
	/** The target in force on that date. */
	target?: number;
	/** Entries shipped on or after this row's date and before the next row's. */
	markers: TimelineMarker<T>[];
}

export interface MetricTimeline<T> {
	/** `series`: metrics/<id>.csv; `entries`: before/after numbers from entries. */
	source: 'series' | 'entries';
	/** The line, oldest first. */
	points: TimelinePoint<T>[];
	/** One per entry that reports the metric, oldest first. */
	markers: TimelineMarker<T>[];
	/** Targets in the order they were set. */
	targets: TimelineTarget<T>[];
	/** The newest known value of the line. */
	latest?: { date: string; value: number };
	/** Measurements with an `after` but no `measured_on`, which cannot be placed on the line. */
	undated: Measurement<T>[];
}

/**
 * The timeline of one metric. `measurements` are the metric's measurements from published
 * entries (oldest first, as `groupByMetric` gives them); `series` its CSV, when there is one.
 */
export function getMetricTimeline<T extends EntryLike>(
	measurements: readonly Measurement<T>[],
	series?: readonly SeriesPoint[],
): MetricTimeline<T> {
	const undated: Measurement<T>[] = [];
	const source = series?.length ? 'series' : 'entries';
	const points: TimelinePoint<T>[] =
		source === 'series'
			? series!.map((p) => ({ date: p.date, value: p.value }))
			: measurements
					.flatMap(({ entry, result }) => {
						const out: TimelinePoint<T>[] = [];
						if (result.before !== undefined)
							out.push({ date: entry.data.date, value: result.before, entry, kind: 'before' });
						if (result.after !== undefined && result.measured_on)
							out.push({ date: result.measured_on, value: result.after, entry, kind: 'after' });
						return out;
					})
					.sort((a, b) => a.date.localeCompare(b.date));
	if (source === 'entries')
		undated.push(
			...measurements.filter((m) => m.result.after !== undefined && !m.result.measured_on),
		);

	// Linear in the number of measurements, so that a metric with thousands of entries stays fast.
	const ownBefore = new Map(
		points.filter((p) => p.kind === 'before').map((p) => [p.entry, p.value]),
	);
	const lineAt = createInterpolator(points);
	const seen = new Set<string>();
	const markers: TimelineMarker<T>[] = [];
	for (const { entry } of measurements) {
		if (seen.has(entry.slug)) continue;
		seen.add(entry.slug);
		markers.push({
			entry,
			date: entry.data.date,
			value: ownBefore.get(entry) ?? lineAt(entry.data.date),
		});
	}
	markers.sort((a, b) => a.date.localeCompare(b.date) || a.entry.slug.localeCompare(b.entry.slug));

	const targets = measurements
		.filter((m) => m.result.target !== undefined)
		.map((m) => ({ entry: m.entry, from: m.entry.data.date, value: m.result.target! }))
		.sort((a, b) => a.from.localeCompare(b.from));

	const known = points.filter((p): p is TimelinePoint<T> & { value: number } => p.value !== null);
	const last = known.at(-1);
	return {
		source,
		points,
		markers,
		targets,
		latest: last && { date: last.date, value: last.value },
		undated,
	};
}

/**
 * The line's value on `date`: interpolated between the known points around it (gaps skipped),
 * the nearest end outside the line's range, undefined for a line without values.
 */
export function valueAt(points: readonly { date: string; value: number | null }[], date: string) {
	return createInterpolator(points)(date);
}

/** `valueAt` for many dates on one line (points in date order). */
function createInterpolator(
	points: readonly { date: string; value: number | null }[],
): (date: string) => number | undefined {
	const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
	const dates = known.map((p) => p.date);
	return (date) => {
		if (!known.length) return undefined;
		const after = firstAtOrAfter(dates, date);
		if (after === known.length) return known.at(-1)!.value;
		const next = known[after]!;
		if (after === 0 || next.date === date) return next.value;
		const prev = known[after - 1]!;
		const share = daysBetween(prev.date, date) / daysBetween(prev.date, next.date);
		return Math.round((prev.value + (next.value - prev.value) * share) * 1e6) / 1e6;
	};
}

/** Index of the first of the sorted `dates` on or after `date` (`dates.length` when none is). */
function firstAtOrAfter(dates: readonly string[], date: string): number {
	return bisect(dates, (d) => d < date);
}

/** How many of the sorted `dates` are on or before `date`. */
function countUpTo(dates: readonly string[], date: string): number {
	return bisect(dates, (d) => d <= date);
}

/** The target in force on `date`: the latest one set on or before it (targets in date order). */
export function targetAt<T>(targets: readonly TimelineTarget<T>[], date: string) {
	const setBefore = countUpTo(
		targets.map((t) => t.from),
		date,
	);
	return targets[setBefore - 1]?.value;
}

/**
 * The timeline as table rows: one per point, each marker attached to the last point on or before
 * its date (the first row for earlier ones). Without points, one row per marker date.
 */
export function getTimelineRows<T>(timeline: MetricTimeline<T>): TimelineRow<T>[] {
	const targetDates = timeline.targets.map((t) => t.from);
	const target = (date: string) => timeline.targets[countUpTo(targetDates, date) - 1]?.value;
	const rows: TimelineRow<T>[] = timeline.points.map((point) => ({
		date: point.date,
		value: point.value,
		point,
		target: target(point.date),
		markers: [],
	}));
	if (!rows.length) {
		const byDate = new Map<string, TimelineRow<T>>();
		for (const marker of timeline.markers) {
			const row = byDate.get(marker.date);
			if (row) row.markers.push(marker);
			else
				byDate.set(marker.date, {
					date: marker.date,
					value: null,
					target: target(marker.date),
					markers: [marker],
				});
		}
		return [...byDate.values()];
	}
	// For entry timelines, the entry's own "before" row; otherwise the row whose span holds the date.
	const own = new Map(
		rows.filter((r) => r.point?.kind === 'before').map((r) => [r.point!.entry, r]),
	);
	const dates = rows.map((r) => r.date);
	for (const marker of timeline.markers) {
		const row = own.get(marker.entry) ?? rows[Math.max(0, countUpTo(dates, marker.date) - 1)]!;
		row.markers.push(marker);
	}
	return rows;
}

/** The spans a metric's history can be shown over; `all` is the metric page itself. */
export const TIMELINE_RANGES = ['3m', '6m', '12m', 'all'] as const;
export type TimelineRange = (typeof TIMELINE_RANGES)[number];

/** The first day of `range` as of `today`: the same day so many months back (or the month's last). */
export function rangeStart(range: TimelineRange, today: string): string | undefined {
	if (range === 'all') return undefined;
	const month = addMonths(monthOf(today), -Number.parseInt(range, 10));
	const last = lastDayOf(month);
	const day = `${month}-${today.slice(8, 10)}`;
	return day < last ? day : last;
}

/**
 * The part of a timeline from `from` on: its points and markers on or after that date, and the
 * targets in force then (the one set before `from` holds from `from`).
 */
export function sliceTimeline<T extends EntryLike>(
	timeline: MetricTimeline<T>,
	from?: string,
): MetricTimeline<T> {
	if (from === undefined) return timeline;
	const points = timeline.points.filter((p) => p.date >= from);
	const inForce = timeline.targets.filter((t) => t.from <= from).at(-1);
	const targets = [
		...(inForce ? [{ ...inForce, from }] : []),
		...timeline.targets.filter((t) => t.from > from),
	];
	const known = points.filter((p) => p.value !== null);
	const last = known.at(-1);
	return {
		...timeline,
		points,
		markers: timeline.markers.filter((m) => m.date >= from),
		targets,
		latest: last && { date: last.date, value: last.value! },
		undated: timeline.undated.filter((m) => m.entry.data.date >= from),
	};
}

/** The spans a long series is thinned to, smallest first (thinTimeline). */
export const THINNING_SPANS = ['week', 'month', 'quarter', 'year'] as const;
export type ThinningSpan = (typeof THINNING_SPANS)[number];

/** The key of the week, month, quarter or year that `date` falls in. */
const SPAN_KEYS: Record<ThinningSpan, (date: string) => string> = {
	// Weeks counted from a Monday, so that every week holds the same seven days.
	week: (date) => String(Math.floor(daysBetween('2000-01-03', date) / 7)),
	month: (date) => date.slice(0, 7),
	quarter: (date) => `${date.slice(0, 4)}-${Math.ceil(Number(date.slice(5, 7)) / 3)}`,
	year: (date) => date.slice(0, 4),
};

/**
 * A line of more than `max` values, thinned for one view of the history: the last value of each
 * week, month, quarter or year (the smallest span that leaves at most `max`), and the line's
 * first value, so that the change over the view still runs from its first value to its last. A
 * dashboard's daily export over years, or a metric hundreds of entries report, made a page of
 * megabytes and a chart nobody could read. Markers stay, one per entry; the metric's
 * Measurements table still lists every entry's numbers. `per` names the span; `of` is how many
 * values the line had. A shorter line comes back whole.
 */
export function thinTimeline<T>(
	timeline: MetricTimeline<T>,
	max: number,
): { timeline: MetricTimeline<T>; per?: ThinningSpan; of: number } {
	const { points } = timeline;
	const of = points.length;
	if (of <= max) return { timeline, of };
	const thinned = (span: ThinningSpan) => {
		const key = SPAN_KEYS[span];
		// Per span, its last known value, else its last point (a gap).
		const kept = new Map<string, TimelinePoint<T>>();
		for (const point of points) {
			const span = key(point.date);
			const held = kept.get(span);
			if (!held || point.value !== null || held.value === null) kept.set(span, point);
		}
		const first = points.find((p) => p.value !== null);
		const list = [...kept.values()];
		return first && !list.includes(first) ? [first, ...list] : list;
	};
	// The smallest span that fits; the year's, the largest, if none does.
	let kept = points;
	const per =
		THINNING_SPANS.find((span) => (kept = thinned(span)).length <= max) ?? THINNING_SPANS.at(-1)!;
	return { timeline: { ...timeline, points: kept }, per, of };
}

/** The first and the last known value of a line: what changed over the span it covers. */
export function changeOver(points: readonly { date: string; value: number | null }[]) {
	const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
	return known.length > 1 ? { first: known[0]!, last: known.at(-1)! } : undefined;
}
