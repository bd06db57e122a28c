/**
 * Loads the drawing code of each kind of chart on the page, and only those kinds: a page with a
 * status chart never downloads the timeline's code, and the reverse.
 */
import type { ChartData } from '../../lib/site/chart-data';

const DRAWERS: Record<ChartData['kind'], () => Promise<unknown>> = {
	status: () => import('./status'),
	timeline: () => import('./timeline'),
};

const kinds = new Set(
	[...document.querySelectorAll<HTMLElement>('figure[data-chart-kind]')].map(
		(figure) => figure.dataset.chartKind as ChartData['kind'],
	),
);
for (const kind of kinds) void DRAWERS[kind]?.();
