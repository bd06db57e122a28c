/**
 * The period picker of a history page. It keeps the period in the URL (`?from=2026-01&to=2026-06`,
 * so links, reloads and the back button work), shows only the entries in it, and re-runs the
 * same `summarizeHistory` the page ran at build time over their `data-history-item` facts; the
 * CSV and JSON links follow the period (period-downloads.ts).
 */
import {
	inPeriod,
	periodQuery,
	presetOf,
	presetPeriod,
	previousPeriod,
	readPeriod,
	summarizeHistory,
	type HistoryItem,
	type Period,
	type PeriodPreset,
} from '../../lib/facts/history';
import { formatLocalDate, plural } from '../../lib/site/format';
import { comparisonRows, periodLabel, summaryStats } from '../../lib/site/history-view';
import { initPeriodDownloads } from './period-downloads';

/** Wires the history page under `root`, if there is one. */
export function initPeriodPicker(root: ParentNode): void {
	const page = root.querySelector<HTMLElement>('[data-history]');
	const form = page?.querySelector<HTMLFormElement>('[data-period-form]');
	if (!page || !form) return;
	const today = page.dataset.today!;
	const fields = {
		preset: form.querySelector<HTMLSelectElement>('[name="preset"]')!,
		from: form.querySelector<HTMLInputElement>('[name="from"]')!,
		to: form.querySelector<HTMLInputElement>('[name="to"]')!,
	};
	// Where a browser has no month picker (Safari and Firefox on desktop show a text box), the
	// box says what to type and checks it; HTML allows neither attribute on a month input.
	for (const input of [fields.from, fields.to]) {
		if (input.type === 'month') continue;
		input.pattern = '\\d{4}-\\d{2}';
		input.placeholder = 'YYYY-MM';
	}
	const entries = [...page.querySelectorAll<HTMLElement>('[data-history-item]')].map((el) => ({
		el,
		item: JSON.parse(el.dataset.historyItem!) as HistoryItem,
	}));

	const offerDownloads = initPeriodDownloads(page);

	const show = (period: Period, announce: boolean) => {
		const shown = entries.filter(({ el, item }) => {
			el.hidden = !inPeriod(item.date, period);
			return !el.hidden;
		});
		for (const year of page.querySelectorAll<HTMLElement>('[data-year]')) {
			const count = year.querySelectorAll('[data-history-item]:not([hidden])').length;
			year.hidden = count === 0;
			year.querySelector('[data-year-count]')!.textContent =
				`(${plural(count, 'entry', 'entries')})`;
		}
		const summary = summarizeHistory(shown.map((s) => s.item));
		const stats = summaryStats(summary);
		for (const el of page.querySelectorAll<HTMLElement>('[data-stat]'))
			el.textContent = stats[el.dataset.stat!] ?? '';
		const touched = new Set([
			...summary.features.map((id) => `feature:${id}`),
			...summary.teams.map((id) => `team:${id}`),
		]);
		for (const el of page.querySelectorAll<HTMLElement>('[data-touched]'))
			el.hidden = !touched.has(el.dataset.touched!);
		for (const el of page.querySelectorAll<HTMLElement>('[data-touched-none]'))
			el.hidden =
				(el.dataset.touchedNone === 'feature' ? summary.features : summary.teams).length > 0;
		page.querySelector<HTMLElement>('[data-empty]')!.hidden = shown.length > 0;
		const label = periodLabel(period);
		for (const el of page.querySelectorAll<HTMLElement>('[data-period-label]'))
			el.textContent = label;
		compare(period, summary);
		offerDownloads(period);
		fields.preset.value = presetOf(period, today);
		fields.from.value = period.from ?? '';
		fields.to.value = period.to ?? '';
		if (announce)
			page.querySelector<HTMLElement>('[data-period-status]')!.textContent =
				`Showing ${plural(shown.length, 'entry', 'entries')}, ${label}.`;
	};

	/** The comparison with the period before, when the period has a start (all time has none). */
	const comparison = page.querySelector<HTMLElement>('[data-comparison]');
	const compare = (period: Period, summary: ReturnType<typeof summarizeHistory>) => {
		const before = previousPeriod(period, today);
		if (!comparison) return;
		comparison.hidden = !before;
		if (!before) return;
		const previous = summarizeHistory(
			entries.filter(({ item }) => inPeriod(item.date, before)).map((e) => e.item),
		);
		comparison.querySelector('[data-comparison-caption]')!.textContent =
			`${periodLabel(period)}, against ${periodLabel(before)} (as many months, just before).`;
		comparison.querySelector('[data-comparison-current]')!.textContent = periodLabel(period);
		comparison.querySelector('[data-comparison-previous]')!.textContent = periodLabel(before);
		const rows = comparisonRows(summary, previous).map((row) => {
			const tr = document.createElement('tr');
			const th = document.createElement('th');
			th.scope = 'row';
			th.textContent = row.label;
			const cells = [row.current, row.previous, row.change].map((text) => {
				const td = document.createElement('td');
				td.className = 'num';
				td.textContent = text;
				return td;
			});
			tr.append(th, ...cells);
			return tr;
		});
		comparison.querySelector('[data-comparison-rows]')!.replaceChildren(...rows);
	};

	const go = (period: Period) => {
		const query = periodQuery(period);
		if (query !== location.search) history.pushState(null, '', `${location.pathname}${query}`);
		show(period, true);
	};

	fields.preset.addEventListener('change', () => {
		const preset = fields.preset.value;
		if (preset === 'custom') fields.from.focus();
		else go(preset === 'all' ? {} : presetPeriod(preset as PeriodPreset, today));
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		go(readPeriod(new URLSearchParams({ from: fields.from.value, to: fields.to.value })));
	});
	addEventListener('popstate', () => show(readPeriod(new URLSearchParams(location.search)), true));

	const printed = page.querySelector<HTMLElement>('[data-print-date]');
	if (printed) {
		printed.textContent = formatLocalDate(new Date());
		printed.parentElement!.hidden = false;
	}
	form.hidden = false;
	show(readPeriod(new URLSearchParams(location.search)), false);
}
