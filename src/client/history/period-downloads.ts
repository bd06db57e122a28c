/**
 * The CSV and JSON links of a history page, for the period shown: a click on either, with a
 * period chosen, reads the person's history.json, keeps the rows of entries dated in the period
 * and saves them as a file of their own. With all time chosen (or without JavaScript) the links
 * are the full files as built.
 */
import { inPeriod, type Period } from '../../lib/facts/history';
import { toHistoryCsv, type HistoryRow } from '../../lib/site/export';
import { periodLabel } from '../../lib/site/history-view';

/** Wires the links under `page`; returns what to call when the period changes. */
export function initPeriodDownloads(page: HTMLElement): (period: Period) => void {
	const box = page.querySelector<HTMLElement>('[data-downloads]');
	if (!box) return () => {};
	const scope = box.querySelector<HTMLElement>('[data-download-scope]')!;
	const everything = scope.textContent;
	let current: Period = {};
	for (const link of box.querySelectorAll<HTMLAnchorElement>('[data-period-download]'))
		link.addEventListener('click', (event) => {
			if (!current.from && !current.to) return;
			event.preventDefault();
			// Should the rows not load, the reader still gets the full file.
			save(link.dataset.periodDownload as 'csv' | 'json', current).catch(() =>
				location.assign(link.href),
			);
		});

	async function save(kind: 'csv' | 'json', period: Period): Promise<void> {
		const response = await fetch(box!.dataset.json!);
		if (!response.ok) throw new Error(`${response.status} ${response.url}`);
		const rows = ((await response.json()) as HistoryRow[]).filter((row) =>
			inPeriod(String(row.date), period),
		);
		const text = kind === 'csv' ? toHistoryCsv(rows) : JSON.stringify(rows, null, '\t');
		const type = kind === 'csv' ? 'text/csv' : 'application/json';
		const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
		const a = document.createElement('a');
		a.href = url;
		a.download = `${box!.dataset.person}-history-${period.from ?? 'start'}-to-${period.to ?? 'now'}.${kind}`;
		a.click();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}

	return (period) => {
		current = period;
		scope.textContent =
			period.from || period.to ? `Download the entries of ${periodLabel(period)}` : everything;
	};
}
