/**
 * Chart colours come from the site's CSS custom properties (src/styles/journal.css), read when a
 * chart is drawn and again whenever the colour scheme changes, so charts follow dark mode.
 */
import { Chart } from 'chart.js';

export interface Theme {
	fg: string;
	muted: string;
	line: string;
	bg: string;
	panel: string;
	accent: string;
	marker: string;
	target: string;
	font: string;
	/** `--status-<status>` for each entry status. */
	status: (status: string) => string;
}

/** The custom properties as computed for `el` right now. */
export function readTheme(el: Element): Theme {
	const style = getComputedStyle(el);
	const read = (name: string) => style.getPropertyValue(name).trim();
	return {
		fg: read('--fg'),
		muted: read('--muted'),
		line: read('--line'),
		bg: read('--bg'),
		panel: read('--panel'),
		accent: read('--accent'),
		marker: read('--chart-marker'),
		target: read('--chart-target'),
		font: read('--font'),
		status: (status) => read(`--status-${status}`),
	};
}

/** Colours shared by every chart: text, grid, tooltip, font. */
export function applyDefaults(theme: Theme): void {
	Chart.defaults.font.family = theme.font;
	Chart.defaults.color = theme.muted;
	Chart.defaults.borderColor = theme.line;
	const tooltip = Chart.defaults.plugins.tooltip;
	tooltip.backgroundColor = theme.fg;
	tooltip.titleColor = theme.bg;
	tooltip.bodyColor = theme.bg;
	tooltip.footerColor = theme.bg;
}

/** The colour options every cartesian scale has (chart.js types them per scale type). */
interface ScaleColours {
	grid?: { color?: unknown };
	ticks?: { color?: unknown };
	title?: { color?: unknown };
	border?: { color?: unknown };
}

/** The options of a chart that carry colours. */
interface ColourOptions {
	scales?: Record<string, ScaleColours | undefined>;
	plugins?: { tooltip?: { backgroundColor?: unknown; titleColor?: unknown; bodyColor?: unknown } };
}

/** Axis and tooltip colours of one chart (defaults apply only to charts created after them). */
export function themeScales(chart: { options: ColourOptions }, theme: Theme): void {
	for (const scale of Object.values(chart.options.scales ?? {})) {
		if (!scale) continue;
		if (scale.grid) scale.grid.color = theme.line;
		if (scale.ticks) scale.ticks.color = theme.muted;
		if (scale.title) scale.title.color = theme.muted;
		if (scale.border) scale.border.color = theme.line;
	}
	const tooltip = chart.options.plugins?.tooltip;
	if (tooltip) {
		tooltip.backgroundColor = theme.fg;
		tooltip.titleColor = theme.bg;
		tooltip.bodyColor = theme.bg;
	}
}

/** Calls `paint` now and on every colour-scheme change. */
export function followScheme(paint: () => void): void {
	paint();
	matchMedia('(prefers-color-scheme: dark)').addEventListener('change', paint);
}

/** The `data-chart` payload of a chart's figure. */
export function readData<T>(figure: HTMLElement): T {
	return JSON.parse(figure.dataset.chart ?? 'null') as T;
}
