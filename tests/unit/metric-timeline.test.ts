import { describe, expect, it } from 'vitest';
import {
	changeOver,
	getMetricTimeline,
	getTimelineRows,
	rangeStart,
	sliceTimeline,
	targetAt,
	thinTimeline,
	valueAt,
} from '../../src/lib/facts/metric-timeline.ts';
import { getMonthlyRollup } from '../../src/lib/facts/monthly-rollup.ts';
import { groupByMetric } from '../../src/lib/facts/rollups.ts';
import {
	axisTitle,
	toStatusChartData,
	toTime,
	toTimelineChartData,
} from '../../src/lib/site/chart-data.ts';
import { rangeChangeText } from '../../src/lib/site/metric-range.ts';
import { makeEntry } from '../helpers.ts';

const metrics = new Map([['p95', { direction: 'down' as const }]]);
const entries = [
	makeEntry('baseline', {
		date: '2026-01-10',
		title: 'Baseline',
		metrics: [{ metric: 'p95', after: 1900, measured_on: '2026-01-10' }],
	}),
	makeEntry('batching', {
		date: '2026-01-14',
		title: 'Batching',
		metrics: [
			{ metric: 'p95', before: 1900, after: 1100, target: 1200, measured_on: '2026-02-11' },
		],
	}),
	makeEntry('cache', {
		date: '2026-02-20',
		title: 'Cache',
		metrics: [{ metric: 'p95', before: 1100, after: 900, target: 1000 }],
	}),
];
const measurements = groupByMetric(entries, metrics).get('p95')!;
const series = [
	{ date: '2026-01-05', value: 1930 },
	{ date: '2026-01-12', value: 1916 },
	{ date: '2026-01-19', value: null },
	{ date: '2026-01-26', value: 1200 },
	{ date: '2026-02-23', value: 1000 },
];

describe('a metric timeline from its CSV series', () => {
	const timeline = getMetricTimeline(measurements, series);

	it('draws the series as the line, gaps kept', () => {
		expect(timeline.source).toBe('series');
		expect(timeline.points.map((p) => [p.date, p.value])).toEqual(
			series.map((p) => [p.date, p.value]),
		);
		expect(timeline.latest).toEqual({ date: '2026-02-23', value: 1000 });
	});

	it('puts one marker per entry at its date, on the line', () => {
		expect(timeline.markers.map((m) => [m.entry.slug, m.date, m.value])).toEqual([
			// Between 1930 (Jan 5) and 1916 (Jan 12): 5 of 7 days along.
			['baseline', '2026-01-10', 1920],
			// Jan 14 lies in the gap: between 1916 (Jan 12) and 1200 (Jan 26), 2 of 14 days along.
			['batching', '2026-01-14', 1813.714286],
			// Between 1200 (Jan 26) and 1000 (Feb 23), 25 of 28 days along.
			['cache', '2026-02-20', 1021.428571],
		]);
	});

	it('holds each target from its entry’s date until the next one', () => {
		expect(timeline.targets.map((t) => [t.entry.slug, t.from, t.value])).toEqual([
			['batching', '2026-01-14', 1200],
			['cache', '2026-02-20', 1000],
		]);
		expect(targetAt(timeline.targets, '2026-01-13')).toBeUndefined();
		expect(targetAt(timeline.targets, '2026-02-19')).toBe(1200);
		expect(targetAt(timeline.targets, '2026-03-01')).toBe(1000);
	});

	it('tabulates one row per point, each entry under the last point on or before its date', () => {
		const rows = getTimelineRows(timeline);
		expect(
			rows.map((r) => [r.date, r.value, r.target, r.markers.map((m) => m.entry.slug)]),
		).toEqual([
			['2026-01-05', 1930, undefined, ['baseline']],
			['2026-01-12', 1916, undefined, ['batching']],
			['2026-01-19', null, 1200, []],
			// Shipped 2026-02-20, inside the week of the 2026-01-26 row's span (until 2026-02-23).
			['2026-01-26', 1200, 1200, ['cache']],
			['2026-02-23', 1000, 1000, []],
		]);
	});
});

describe('a long line, thinned for one view', () => {
	/** `days` daily values from 2020-01-01 (a Wednesday), 1000 + the day's index; gaps where asked. */
	const daily = (days: number, gaps: (i: number) => boolean = () => false) =>
		Array.from({ length: days }, (_, i) => {
			const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
			return { date, value: gaps(i) ? null : 1000 + i };
		});
	const thin = (points: { date: string; value: number | null }[], max: number) =>
		thinTimeline(getMetricTimeline(measurements, points), max);

	it('keeps a series of at most max values whole', () => {
		const { timeline, per, of } = thin(daily(30), 30);
		expect(per).toBeUndefined();
		expect(of).toBe(30);
		expect(timeline.points).toHaveLength(30);
	});

	it('keeps the last value of each span, the smallest span that fits, and the first value', () => {
		// Two years of days: 731 values, 105 weeks, 24 months.
		const points = daily(731);
		const weekly = thin(points, 200);
		expect(weekly.per).toBe('week');
		expect(weekly.of).toBe(731);
		expect(weekly.timeline.points.length).toBeLessThanOrEqual(200);
		const monthly = thin(points, 50);
		expect(monthly.per).toBe('month');
		const kept = monthly.timeline.points.map((p) => p.date);
		// The first value, then the last day of every month: 2020-01-31 … 2021-12-31.
		const monthEnds = Array.from({ length: 24 }, (_, m) =>
			new Date(Date.UTC(2020, m + 1, 0)).toISOString().slice(0, 10),
		);
		expect(kept).toEqual(['2020-01-01', ...monthEnds]);
		// What changed over the view runs from the series' first value to its last, as unthinned.
		expect(changeOver(monthly.timeline.points)).toEqual(changeOver(points));
		expect(thin(points, 10).per).toBe('quarter');
		expect(thin(points, 3).per).toBe('year');
	});

	it('keeps a span’s last known value over a gap at its end, and a gap where a span has no value', () => {
		// Every day of January 2020 but the 31st has a value; February has none.
		const points = daily(60, (i) => i === 30 || i >= 31).concat(
			daily(400)
				.slice(60)
				.map((p) => ({ ...p })),
		);
		const kept = thin(points, 50).timeline.points;
		// The series' first value, then January's last known one.
		expect(kept.filter((p) => p.date.startsWith('2020-01')).map((p) => p.date)).toEqual([
			'2020-01-01',
			'2020-01-30',
		]);
		expect(kept.filter((p) => p.date.startsWith('2020-02'))).toEqual([
			expect.objectContaining({ date: '2020-02-29', value: null }),
		]);
	});

	it('thins a timeline from entries too, and keeps a marker for every entry', () => {
		const timeline = getMetricTimeline(measurements, undefined);
		expect(timeline.points.length).toBeGreaterThan(3);
		const { timeline: thinned, per } = thinTimeline(timeline, 3);
		expect(per).toBeDefined();
		expect(thinned.points.length).toBeLessThanOrEqual(3);
		expect(thinned.markers).toEqual(timeline.markers);
		expect(changeOver(thinned.points)).toEqual(changeOver(timeline.points));
	});
});

describe('a metric timeline from entries alone', () => {
	const timeline = getMetricTimeline(measurements);

	it('places each before at the entry’s date and each after at its measured-on date', () => {
		expect(timeline.source).toBe('entries');
		expect(timeline.points.map((p) => [p.date, p.value, p.kind, p.entry?.slug])).toEqual([
			['2026-01-10', 1900, 'after', 'baseline'],
			['2026-01-14', 1900, 'before', 'batching'],
			['2026-02-11', 1100, 'after', 'batching'],
			['2026-02-20', 1100, 'before', 'cache'],
		]);
		expect(timeline.latest).toEqual({ date: '2026-02-20', value: 1100 });
	});

	it('says which after values have no date to be placed at', () => {
		expect(timeline.undated.map((m) => m.entry.slug)).toEqual(['cache']);
	});

	it('sits each marker on its own before value, else on the line', () => {
		expect(timeline.markers.map((m) => [m.entry.slug, m.value])).toEqual([
			['baseline', 1900],
			['batching', 1900],
			['cache', 1100],
		]);
	});

	it('tabulates each entry on its own before row', () => {
		const rows = getTimelineRows(timeline);
		expect(rows.map((r) => [r.date, r.markers.map((m) => m.entry.slug)])).toEqual([
			['2026-01-10', ['baseline']],
			['2026-01-14', ['batching']],
			['2026-02-11', []],
			['2026-02-20', ['cache']],
		]);
	});

	it('without any numbers, lists the entries by date and has no latest value', () => {
		const bare = getMetricTimeline(
			groupByMetric(
				[makeEntry('talk', { date: '2026-03-01', metrics: [{ metric: 'p95' }] })],
				metrics,
			).get('p95')!,
		);
		expect(bare.latest).toBeUndefined();
		expect(getTimelineRows(bare).map((r) => [r.date, r.value, r.markers.length])).toEqual([
			['2026-03-01', null, 1],
		]);
	});
});

describe('valueAt', () => {
	const points = [
		{ date: '2026-01-01', value: 10 },
		{ date: '2026-01-05', value: null },
		{ date: '2026-01-11', value: 20 },
	];
	it('interpolates across gaps and holds the ends outside the range', () => {
		expect(valueAt(points, '2026-01-06')).toBe(15);
		expect(valueAt(points, '2025-12-01')).toBe(10);
		expect(valueAt(points, '2026-02-01')).toBe(20);
		expect(valueAt(points, '2026-01-11')).toBe(20);
		expect(valueAt([{ date: '2026-01-01', value: null }], '2026-01-01')).toBeUndefined();
	});
});

describe('chart data', () => {
	it('turns a timeline into timestamps, marker links and a stepped target line', () => {
		const data = toTimelineChartData(
			getMetricTimeline(measurements, series),
			{ unit: 'ms', direction: 'down' },
			(slug) => `/entries/${slug}/`,
		);
		expect(data.axisTitle).toBe('ms · lower is better');
		expect(data.points[0]).toEqual([Date.UTC(2026, 0, 5), 1930]);
		expect(data.points[2]).toEqual([Date.UTC(2026, 0, 19), null]);
		expect(data.markers.map((m) => [m.url, m.title, m.x])).toEqual([
			['/entries/baseline/', 'Baseline', toTime('2026-01-10')],
			['/entries/batching/', 'Batching', toTime('2026-01-14')],
			['/entries/cache/', 'Cache', toTime('2026-02-20')],
		]);
		// The last target runs on to the chart's last date.
		expect(data.target).toEqual([
			[toTime('2026-01-14'), 1200],
			[toTime('2026-02-20'), 1000],
			[toTime('2026-02-23'), 1000],
		]);
	});

	it('names the better direction even without a unit', () => {
		expect(axisTitle({ direction: 'up' })).toBe('higher is better');
	});

	it('gives the status chart its counts per status and the rate in percent, null without one', () => {
		const rows = getMonthlyRollup(
			[
				makeEntry('a', { date: '2026-05-02', status: 'measured' }),
				makeEntry('b', { date: '2026-05-03', status: 'shipped', measure_by: '2026-05-10' }),
				makeEntry('c', { date: '2026-05-04', status: 'reverted' }),
			],
			'2026-06-15',
			30,
			2,
		);
		expect(toStatusChartData(rows)).toEqual({
			kind: 'status',
			months: ['2026-05', '2026-06'],
			statuses: [
				{ status: 'shipped', counts: [1, 0] },
				{ status: 'measuring', counts: [0, 0] },
				{ status: 'measured', counts: [1, 0] },
				{ status: 'inconclusive', counts: [0, 0] },
				{ status: 'reverted', counts: [1, 0] },
			],
			rate: [66.7, null],
		});
	});
});

describe('timeline ranges', () => {
	it('start the same day so many months back, or the last day of a shorter month', () => {
		expect(rangeStart('3m', '2026-11-24')).toBe('2026-08-24');
		expect(rangeStart('12m', '2026-11-24')).toBe('2025-11-24');
		expect(rangeStart('6m', '2026-08-31')).toBe('2026-02-28');
		expect(rangeStart('all', '2026-11-24')).toBeUndefined();
	});

	it('keep the points and markers from the start on, and the target in force then', () => {
		const a = makeEntry('a', { date: '2026-01-10' });
		const b = makeEntry('b', { date: '2026-05-01' });
		const timeline = {
			source: 'series' as const,
			points: [
				{ date: '2026-01-01', value: 10 },
				{ date: '2026-04-01', value: null },
				{ date: '2026-06-01', value: 14 },
				{ date: '2026-07-01', value: 12 },
			],
			markers: [
				{ entry: a, date: a.data.date, value: 10 },
				{ entry: b, date: b.data.date, value: 13 },
			],
			targets: [
				{ entry: a, from: a.data.date, value: 15 },
				{ entry: b, from: b.data.date, value: 16 },
			],
			latest: { date: '2026-07-01', value: 12 },
			undated: [],
		};
		const shown = sliceTimeline(timeline, '2026-03-01');
		expect(shown.points.map((p) => p.date)).toEqual(['2026-04-01', '2026-06-01', '2026-07-01']);
		expect(shown.markers.map((m) => m.entry.slug)).toEqual(['b']);
		expect(shown.targets.map((t) => [t.from, t.value])).toEqual([
			['2026-03-01', 15],
			['2026-05-01', 16],
		]);
		expect(changeOver(shown.points)).toEqual({
			first: { date: '2026-06-01', value: 14 },
			last: { date: '2026-07-01', value: 12 },
		});
		expect(changeOver(sliceTimeline(timeline, '2026-07-01').points)).toBeUndefined();
		expect(sliceTimeline(timeline, undefined)).toBe(timeline);
	});
});

describe('rangeChangeText', () => {
	const latency = { direction: 'down' as const, unit: 'ms' };
	const points = (...values: (number | null)[]) =>
		values.map((value, i) => ({ date: `2026-0${i + 1}-01`, value }));

	it('states the change over the range in numbers and in words, by the direction', () => {
		expect(rangeChangeText(points(1900, null, 1100), latency)).toBe(
			'From 1,900 ms (1 Jan 2026) to 1,100 ms (1 Mar 2026): −800 ms (−42.11%), better.',
		);
		expect(rangeChangeText(points(1100, 1900), latency)).toContain(', worse.');
	});

	it('says when there is one value or none', () => {
		expect(rangeChangeText(points(null, 5), latency)).toBe(
			'One value in this range: 5 ms (1 Feb 2026); nothing to compare it with.',
		);
		expect(rangeChangeText([], latency)).toBe('No values in this range.');
	});
});
