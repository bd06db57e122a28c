/**
 * Draws each metric timeline: the history line, the targets as a stepped line and one marker per
 * entry, like release annotations on a dashboard. Each marker is also a real link laid over the
 * canvas, so a click, a tap or the keyboard opens the entry; its tooltip names the entry.
 */
import {
	Chart,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type Plugin,
	type TooltipItem,
} from 'chart.js';
import type { TimelineChartData } from '../../lib/site/chart-data';
import { formatDate, formatValue } from '../../lib/site/format';
import { applyDefaults, followScheme, readData, readTheme, themeScales, type Theme } from './theme';
import { isoDate, monthTickLabel, monthTicks } from './time-axis';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

const DAY = 86_400_000;
const TARGET = 1;
const MARKERS = 2;
/** The size of a marker's link, in CSS pixels (Chart.astro): the least WCAG 2.5.8 allows. */
const LINK_SIZE = 24;
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart-kind="timeline"]'))
	drawTimeline(figure);

function drawTimeline(figure: HTMLElement): void {
	const data = readData<TimelineChartData>(figure);
	const canvas = figure.querySelector('canvas')!;
	const layer = figure.querySelector<HTMLElement>('.chart-marker-links')!;

	const xs = [...data.points.map((p) => p[0]), ...data.markers.map((m) => m.x)];
	const links = data.markers.map((marker, index) => markerLink(marker, index));
	layer.replaceChildren(...links);

	let theme: Theme = readTheme(figure);
	applyDefaults(theme);
	const chart = new Chart(canvas, {
		type: 'line',
		data: {
			datasets: [
				{
					label: data.lineLabel,
					data: data.points.map(([x, y]) => ({ x, y })),
					borderWidth: 2,
					pointRadius: data.points.length > 24 ? 0 : 3,
					pointHoverRadius: 4,
					spanGaps: false,
					order: 1,
				},
				{
					label: 'Target',
					data: data.target.map(([x, y]) => ({ x, y })),
					stepped: true,
					borderDash: [6, 4],
					borderWidth: 1.5,
					pointRadius: 0,
					pointHitRadius: 0,
					order: 2,
				},
				{
					label: 'Entry',
					data: data.markers.map((m) => ({ x: m.x, y: m.y })),
					showLine: false,
					pointStyle: 'triangle',
					pointRadius: 7,
					pointHoverRadius: 9,
					// Drawn last, on top of the line; outside the plot area rather than cut in half.
					order: 0,
					clip: false,
				},
			],
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			parsing: false,
			interaction: { mode: 'nearest', axis: 'x', intersect: false },
			scales: {
				x: {
					type: 'linear',
					min: Math.min(...xs) - 7 * DAY,
					max: Math.max(...xs) + 7 * DAY,
					afterBuildTicks: monthTicks,
					ticks: { callback: monthTickLabel, maxRotation: 0 },
				},
				y: {
					type: 'linear',
					grace: '5%',
					title: { display: true, text: data.axisTitle },
					ticks: {
						callback: (v) => `${number.format(Number(v))}${data.unit === '%' ? '%' : ''}`,
					},
				},
			},
			plugins: {
				tooltip: {
					displayColors: false,
					callbacks: {
						title: (items) => tooltipTitle(items[0]),
						label: (item) => tooltipLabel(item),
					},
				},
			},
		},
		plugins: [annotationLines(), linkPositions()],
	});

	followScheme(() => {
		theme = readTheme(figure);
		applyDefaults(theme);
		paint(chart, theme);
		chart.update();
	});

	function tooltipTitle(item: TooltipItem<'line'> | undefined): string[] {
		if (!item) return [];
		if (item.datasetIndex === MARKERS)
			return wrap(data.markers[item.dataIndex]!.title, item.chart.width);
		return [formatDate(isoDate(item.parsed.x ?? 0))];
	}

	function tooltipLabel(item: TooltipItem<'line'>): string | string[] {
		if (item.datasetIndex === MARKERS) {
			const marker = data.markers[item.dataIndex]!;
			return [`Shipped ${formatDate(marker.date)}`, 'Select the marker to open the entry'];
		}
		const value = formatValue(item.parsed.y ?? undefined, data);
		return item.datasetIndex === TARGET ? `Target: ${value}` : `${data.lineLabel}: ${value}`;
	}

	/** A real link over marker `index`: its tooltip shows on hover and on keyboard focus. */
	function markerLink(marker: TimelineChartData['markers'][number], index: number) {
		const a = document.createElement('a');
		a.href = marker.url;
		a.className = 'chart-marker-link';
		a.setAttribute('aria-label', `${marker.title} (shipped ${formatDate(marker.date)})`);
		const show = () => showMarker(index);
		a.addEventListener('mouseenter', show);
		a.addEventListener('focus', show);
		a.addEventListener('mouseleave', hideTooltip);
		a.addEventListener('blur', hideTooltip);
		return a;
	}

	function showMarker(index: number): void {
		const point = chart.getDatasetMeta(MARKERS).data[index];
		if (!point) return;
		const active = [{ datasetIndex: MARKERS, index }];
		chart.setActiveElements(active);
		chart.tooltip?.setActiveElements(active, { x: point.x, y: point.y });
		chart.update('none');
	}

	function hideTooltip(): void {
		chart.setActiveElements([]);
		chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
		chart.update('none');
	}

	/** Dashed vertical lines at each entry's date, behind the data. */
	function annotationLines(): Plugin<'line'> {
		return {
			id: 'entryLines',
			beforeDatasetsDraw(c) {
				const { ctx, chartArea } = c;
				ctx.save();
				ctx.strokeStyle = theme.marker;
				ctx.globalAlpha = 0.45;
				ctx.setLineDash([2, 3]);
				ctx.lineWidth = 1;
				for (const marker of data.markers) {
					const x = Math.round(c.scales.x!.getPixelForValue(marker.x)) + 0.5;
					ctx.beginPath();
					ctx.moveTo(x, chartArea.top);
					ctx.lineTo(x, chartArea.bottom);
					ctx.stroke();
				}
				ctx.restore();
			},
		};
	}

	/**
	 * Keeps each link centred on its marker after every layout (resizes included), except where
	 * markers sit closer than a link is wide: there a link moves up or down until it is a whole
	 * target (24 px, WCAG 2.5.8) away from the others, so that every one of them can be hit.
	 */
	function linkPositions(): Plugin<'line'> {
		return {
			id: 'markerLinks',
			afterUpdate(c) {
				const points = c.getDatasetMeta(MARKERS).data as PointElement[];
				const placed: { x: number; y: number }[] = [];
				const { top, bottom } = c.chartArea;
				const clashes = (x: number, y: number) =>
					placed.some((p) => Math.hypot(p.x - x, p.y - y) < LINK_SIZE);
				links.forEach((link, i) => {
					const point = points[i];
					const x = point?.x ?? c.scales.x!.getPixelForValue(data.markers[i]!.x);
					const y = point && !point.skip ? point.y : bottom;
					// Nearest free place: y, y ± 24, y ± 48… within the plot.
					const free =
						Array.from(
							{ length: 16 },
							(_, k) => y + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * LINK_SIZE,
						)
							.filter((ty) => ty >= top && ty <= bottom)
							.find((ty) => !clashes(x, ty)) ?? y;
					placed.push({ x, y: free });
					link.style.left = `${x}px`;
					link.style.top = `${free}px`;
				});
			},
		};
	}
}

/** Splits `text` into lines that fit a tooltip on a chart `width` pixels wide (the canvas clips). */
function wrap(text: string, width: number): string[] {
	const max = Math.max(16, Math.floor((width - 32) / 7.5));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + word.length + 1 > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...lines, line];
}

/** Dataset colours from the theme. */
function paint(chart: Chart<'line'>, theme: Theme): void {
	const [line, target, markers] = chart.data.datasets;
	Object.assign(line!, {
		borderColor: theme.accent,
		backgroundColor: theme.accent,
		pointBackgroundColor: theme.accent,
		pointBorderColor: theme.accent,
	});
	Object.assign(target!, { borderColor: theme.target, backgroundColor: theme.target });
	Object.assign(markers!, {
		pointBackgroundColor: theme.marker,
		pointBorderColor: theme.bg,
		pointBorderWidth: 1,
	});
	themeScales(chart, theme);
}
