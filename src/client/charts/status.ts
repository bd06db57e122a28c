/**
 * Draws each "entries per month by status" chart: stacked bars for the statuses and the month's
 * loop-closure rate as a line on a 0–100% axis. The table after the chart holds the same numbers.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
} from 'chart.js';
import type { StatusChartData } from '../../lib/site/chart-data';
import { formatMonth } from '../../lib/site/format';
import { applyDefaults, followScheme, readData, readTheme, themeScales, type Theme } from './theme';
import { monthTickLabel } from './time-axis';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
);

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart-kind="status"]'))
	drawStatus(figure);

function drawStatus(figure: HTMLElement): void {
	const data = readData<StatusChartData>(figure);
	const canvas = figure.querySelector('canvas')!;
	applyDefaults(readTheme(figure));
	const labels = data.months.map((m) => monthTickLabel(Date.parse(`${m}-01T00:00:00Z`)));
	const chart = new Chart(canvas, {
		type: 'bar',
		data: {
			labels,
			datasets: [
				...data.statuses.map((s) => ({
					type: 'bar' as const,
					label: s.status,
					data: s.counts,
					stack: 'entries',
					yAxisID: 'y',
					order: 2,
				})),
				{
					type: 'line' as const,
					label: 'Closure rate',
					data: data.rate,
					yAxisID: 'rate',
					spanGaps: false,
					borderWidth: 2,
					pointRadius: 3,
					order: 1,
					// A 100% month sits on the top edge: draw its point whole.
					clip: false,
				},
			],
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { type: 'category', stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
				y: {
					type: 'linear',
					stacked: true,
					beginAtZero: true,
					grace: '8%',
					ticks: { precision: 0 },
					title: { display: true, text: 'entries' },
				},
				rate: {
					type: 'linear',
					position: 'right',
					min: 0,
					max: 100,
					grid: { drawOnChartArea: false },
					ticks: { callback: (v) => `${v}%`, stepSize: 25 },
					title: { display: true, text: 'closure rate' },
				},
			},
			plugins: {
				tooltip: {
					filter: (item) => item.raw !== 0 && item.raw !== null,
					// Statuses in the legend's order, the rate last.
					itemSort: (a, b) => a.datasetIndex - b.datasetIndex,
					callbacks: {
						title: (items) => formatMonth(data.months[items[0]?.dataIndex ?? 0]!),
						label: (item) =>
							item.dataset.type === 'line'
								? `closure rate: ${item.formattedValue}%`
								: `${item.dataset.label}: ${item.formattedValue}`,
					},
				},
			},
		},
	});

	followScheme(() => {
		const theme = readTheme(figure);
		applyDefaults(theme);
		paint(chart, data, theme);
		chart.update();
	});
}

function paint(chart: Chart, data: StatusChartData, theme: Theme): void {
	chart.data.datasets.forEach((dataset, i) => {
		const status = data.statuses[i]?.status;
		const colour = status ? theme.status(status) : theme.fg;
		Object.assign(dataset, {
			backgroundColor: colour,
			borderColor: status ? theme.bg : colour,
			borderWidth: status ? 1 : 2,
			pointBackgroundColor: colour,
			pointBorderColor: colour,
		});
	});
	themeScales(chart, theme);
}
