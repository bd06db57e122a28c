/**
 * A time axis on a plain linear scale of UTC timestamps: ticks on month starts, as many as fit,
 * labelled `Mar 26`. This replaces a date adapter (and its date library) in the browser bundle.
 */
import type { Scale } from 'chart.js';

const monthLabel = new Intl.DateTimeFormat('en-GB', {
	month: 'short',
	year: '2-digit',
	timeZone: 'UTC',
});

/** Room a tick label needs, in pixels. */
const TICK_WIDTH = 60;

/** `afterBuildTicks`: replaces the scale's ticks with month starts, every 1, 2, 3, 6 or 12 months. */
export function monthTicks(scale: Scale): void {
	const start = new Date(scale.min);
	const end = new Date(scale.max);
	const first = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1;
	const last = end.getUTCFullYear() * 12 + end.getUTCMonth();
	const fit = Math.max(2, Math.floor(scale.width / TICK_WIDTH));
	const step = [1, 2, 3, 6, 12].find((s) => (last - first + 1) / s <= fit) ?? 12;
	const ticks = [];
	for (let m = Math.ceil(first / step) * step; m <= last; m += step)
		ticks.push({ value: Date.UTC(Math.floor(m / 12), m % 12, 1) });
	scale.ticks = ticks;
}

/** `Mar 26` for a month-start timestamp. */
export function monthTickLabel(value: number | string): string {
	return monthLabel.format(new Date(Number(value)));
}

/** `YYYY-MM-DD` of a UTC timestamp. */
export function isoDate(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}
