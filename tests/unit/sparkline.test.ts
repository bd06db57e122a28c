import { describe, expect, it } from 'vitest';
import {
	around,
	downsample,
	SPARKLINE_POINTS,
	sparklineLabel,
	toSparkline,
	type SeriesValue,
} from '../../src/lib/site/sparkline.ts';
import { addDays } from '../../src/lib/utils/dates.ts';

const series = (values: (number | null)[], start = '2026-01-01', step = 7): SeriesValue[] =>
	values.map((value, i) => ({ date: addDays(start, i * step), value }));

/** The path's points as [x, y] pairs, with whether each starts a run. */
const parse = (path: string) =>
	[...path.matchAll(/([ML])(-?\d+) (-?\d+)/g)].map(([, op, x, y]) => ({
		move: op === 'M',
		x: Number(x),
		y: Number(y),
	}));

describe('toSparkline', () => {
	it('draws oldest to newest left to right, higher values higher up', () => {
		const spark = toSparkline(series([10, 20, 15]))!;
		const points = parse(spark.path);
		expect(points.map((p) => p.x)).toEqual([6, 96, 186]);
		// SVG y grows downwards: the highest value is at the top edge, the lowest at the bottom.
		expect(points.map((p) => p.y)).toEqual([42, 6, 24]);
		expect(spark.first).toEqual({ date: '2026-01-01', value: 10 });
		expect(spark.last).toEqual({ date: '2026-01-15', value: 15 });
		expect(spark.end).toEqual({ x: 186, y: 24 });
	});

	it('places points by date, not by index', () => {
		const spark = toSparkline([
			{ date: '2026-01-01', value: 1 },
			{ date: '2026-01-02', value: 2 },
			{ date: '2026-01-11', value: 3 },
		])!;
		expect(parse(spark.path).map((p) => p.x)).toEqual([6, 24, 186]);
	});

	it('breaks the line at a gap', () => {
		const points = parse(toSparkline(series([1, 2, null, 4, 5]))!.path);
		expect(points.map((p) => p.move)).toEqual([true, false, true, false]);
	});

	it('draws a flat series and a single value in the middle', () => {
		expect(parse(toSparkline(series([7, 7, 7]))!.path).map((p) => p.y)).toEqual([24, 24, 24]);
		const one = toSparkline(series([7]))!;
		expect(one.end).toEqual({ x: 96, y: 24 });
	});

	it('has nothing to draw without a value', () => {
		expect(toSparkline([])).toBeUndefined();
		expect(toSparkline(series([null, null]))).toBeUndefined();
	});

	it('marks a date on the line, interpolated between the values around it', () => {
		const spark = toSparkline(series([10, 20], '2026-01-01', 6), '2026-01-04')!;
		expect(spark.mark).toMatchObject({ date: '2026-01-04', value: 15, y: 24 });
		expect(spark.mark!.x).toBeGreaterThan(6);
		expect(spark.mark!.x).toBeLessThan(186);
	});

	it('widens the drawing to a marked date outside the series', () => {
		const spark = toSparkline(series([10, 20]), '2026-01-22')!;
		expect(spark.mark).toMatchObject({ x: 186, value: 20 });
		expect(parse(spark.path).at(-1)!.x).toBeLessThan(186);
	});

	it('costs the same bytes for a series of any length', () => {
		const long = series(
			Array.from({ length: 5000 }, (_, i) => 1000 + Math.round(300 * Math.sin(i / 40)) + (i % 7)),
			'2000-01-01',
			1,
		);
		const spark = toSparkline(long)!;
		expect(parse(spark.path)).toHaveLength(SPARKLINE_POINTS);
		// Whole-number coordinates: no more than 8 characters a point.
		expect(spark.path.length).toBeLessThanOrEqual(SPARKLINE_POINTS * 8);
		expect(spark.first.value).toBe(long[0]!.value);
		expect(spark.last.value).toBe(long.at(-1)!.value);
	});
});

describe('downsample', () => {
	it('keeps a short series as it is', () => {
		const points = series([1, 2, 3]);
		expect(downsample(points, 5)).toEqual(points);
	});

	it('keeps the ends and averages the points between in equal runs', () => {
		const out = downsample(series([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 6);
		expect(out.map((p) => p.value)).toEqual([0, 1.5, 3.5, 5.5, 7.5, 9]);
		expect(out[0]!.date).toBe('2026-01-01');
		expect(out.at(-1)!.date).toBe(addDays('2026-01-01', 63));
	});

	it('keeps a run of gaps a gap, and averages a run around its gaps', () => {
		const out = downsample(series([0, null, null, 4, null, 9]), 4);
		expect(out.map((p) => p.value)).toEqual([0, null, 4, 9]);
	});

	it('takes the middle date of each run, and averages a long series down to the most it draws', () => {
		const values = Array.from({ length: 100 }, (_, i) => (i % 9 === 4 ? null : i));
		const points = series(values);
		const out = downsample(points, SPARKLINE_POINTS);
		expect(out).toHaveLength(SPARKLINE_POINTS);
		// 98 inner points in 22 runs of 4 or 5: each run worked out here from the definition.
		let from = 1;
		for (const [i, p] of out.slice(1, -1).entries()) {
			const to = 1 + Math.floor(((i + 1) * 98) / 22);
			const known = values.slice(from, to).filter((v): v is number => v !== null);
			expect(p.date).toBe(points[from + Math.floor((to - from) / 2)]!.date);
			expect(p.value).toBe(known.length ? known.reduce((a, b) => a + b) / known.length : null);
			from = to;
		}
		expect(from).toBe(99);
	});
});

describe('around', () => {
	it('keeps the points within so many days of a date, either side', () => {
		const points = series([1, 2, 3, 4, 5]);
		expect(around(points, '2026-01-15', 7).map((p) => p.value)).toEqual([2, 3, 4]);
	});

	it('keeps exactly the points a day-by-day count keeps, at every date and at the ends', () => {
		// Irregular steps over a leap year, so that the window's edges fall on and between points.
		const points: SeriesValue[] = [];
		for (let i = 0, date = '2023-11-02'; i < 90; i++, date = addDays(date, 1 + ((i * 7) % 11)))
			points.push({ date, value: i });
		const byCounting = (date: string, days: number) =>
			points.filter((p) => {
				const apart = (Date.parse(p.date) - Date.parse(date)) / 86_400_000;
				return apart >= -days && apart <= days;
			});
		for (let date = '2023-06-01'; date <= '2026-03-01'; date = addDays(date, 5))
			for (const days of [0, 3, 30, 182])
				expect(around(points, date, days)).toEqual(byCounting(date, days));
		expect(around([], '2026-01-01', 182)).toEqual([]);
	});
});

describe('sparklineLabel', () => {
	const rate = { name: 'Approval rate', direction: 'up' as const, unit: '%', decimals: 1 };
	const latency = { name: 'p95 latency', direction: 'down' as const, unit: 'ms' };

	it('says first value, last value and better or worse by the direction, not the sign', () => {
		expect(sparklineLabel(toSparkline(series([91.2, 93]))!, rate)).toBe(
			'Approval rate trend from 91.2% (1 Jan 2026) to 93.0% (8 Jan 2026): better (higher is better).',
		);
		expect(sparklineLabel(toSparkline(series([1900, 1100]))!, latency)).toBe(
			'p95 latency trend from 1,900 ms (1 Jan 2026) to 1,100 ms (8 Jan 2026): better (lower is better).',
		);
		expect(sparklineLabel(toSparkline(series([1100, 1900]))!, latency)).toContain(': worse (');
		expect(sparklineLabel(toSparkline(series([5, 5]))!, latency)).toContain(': no change (');
	});

	it('says when there is one value, and which date is marked', () => {
		expect(sparklineLabel(toSparkline(series([4]), '2026-01-01')!, latency)).toBe(
			'p95 latency trend one value, 4 ms (1 Jan 2026) (lower is better); this entry, 1 Jan 2026, is marked.',
		);
	});
});
