/**
 * The CSV and JSON links of a history page, for the period shown. With a period picked, the
 * script reads the person's history.json once, keeps the rows of that period, writes both files
 * with the module that writes the full ones (history-export.ts, loaded only then) and points the
 * links at them, named for the period. For all time, or without JavaScript, or should the rows
 * not load, the links are the full files as built, and the text says so.
 */
import type { Period } from '../../lib/facts/history';
import { plural } from '../../lib/site/format';
import { periodLabel } from '../../lib/site/history-view';
import type { HistoryRow } from '../../lib/site/history-export';

type Kind = 'csv' | 'json';
const TYPES: Record<Kind, string> = { csv: 'text/csv', json: 'application/json' };

/** Wires the links under `page`; returns what to call when the period changes. */
export function initPeriodDownloads(page: HTMLElement): (period: Period) => void {
	const box = page.querySelector<HTMLElement>('[data-downloads]');
	if (!box) return () => {};
	const scope = box.querySelector<HTMLElement>('[data-download-scope]')!;
	const whole = box.querySelector<HTMLElement>('[data-download-whole]')!;
	const everything = scope.textContent;
	const links = [...box.querySelectorAll<HTMLAnchorElement>('[data-period-download]')].map((a) => ({
		a,
		kind: a.dataset.periodDownload as Kind,
		href: a.getAttribute('href')!,
		download: a.getAttribute('download'),
	}));
	const json = links.find((l) => l.kind === 'json')!.href;
	let rows: Promise<HistoryRow[]> | undefined;
	let made: string[] = [];
	/** Counts period changes, so that files made for a period since left are dropped. */
	let asked = 0;

	/** The full files, as built. */
	const reset = () => {
		for (const url of made) URL.revokeObjectURL(url);
		made = [];
		for (const { a, href, download } of links) {
			a.href = href;
			if (download === null) a.removeAttribute('download');
			else a.setAttribute('download', download);
		}
		scope.textContent = everything;
		whole.hidden = true;
	};

	const offer = async (period: Period, ask: number) => {
		rows ??= fetch(json).then((response) => {
			if (!response.ok) throw new Error(`${response.status} ${response.url}`);
			return response.json() as Promise<HistoryRow[]>;
		});
		const [all, files] = await Promise.all([rows, import('../../lib/site/history-export')]);
		if (ask !== asked) return;
		const kept = files.historyRowsIn(all, period);
		for (const link of links) {
			const text = link.kind === 'csv' ? files.toHistoryCsv(kept) : files.toHistoryJson(kept);
			const url = URL.createObjectURL(
				new Blob([text], { type: `${TYPES[link.kind]};charset=utf-8` }),
			);
			made.push(url);
			link.a.href = url;
			link.a.download = files.historyFileName(box.dataset.person!, period, link.kind);
		}
		const entries = new Set(kept.map((row) => row.slug)).size;
		scope.textContent = `Download the ${plural(entries, 'entry', 'entries')} of ${periodLabel(period)}`;
	};

	return (period) => {
		const ask = ++asked;
		reset();
		if (!period.from && !period.to) return;
		offer(period, ask).catch(() => {
			// The full files stay, and the text says so; the next period tries again.
			rows = undefined;
			if (ask === asked) whole.hidden = false;
		});
	};
}
