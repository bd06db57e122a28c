/**
 * The files of a person's history export (`history.csv`, `history.json`): their columns, how the
 * rows are written, and which rows a review period keeps. The build writes the full files with it
 * and the history page's script the files of the period picked, so it must run in a browser:
 * csv-stringify's browser build, which brings its own `Buffer`, and nothing from Node.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { inPeriod, type Period } from '../facts/history.ts';

/** The columns of a person's history export, in order. */
export const HISTORY_COLUMNS = [
	'person',
	'role',
	'slug',
	'url',
	'title',
	'date',
	'status',
	'summary',
	'team',
	'features',
	'strongest_evidence',
	'verified_by',
	'verified_on',
	'metric',
	'metric_name',
	'unit',
	'direction',
	'before',
	'after',
	'change',
	'change_percent',
	'verdict',
	'target',
	'target_met',
	'method',
	'evidence',
	'window',
	'measured_on',
	'source',
	'note',
	'next_steps',
	'links',
] as const;

export type HistoryRow = Record<(typeof HISTORY_COLUMNS)[number], string | number | boolean | null>;

/**
 * History rows as CSV (RFC 4180, header row first). Cells that a spreadsheet would run as a
 * formula (text starting with `=`, `+`, `-`, `@`) get a leading `'`; numbers stay numbers.
 */
export function toHistoryCsv(rows: readonly HistoryRow[]): string {
	return stringify(rows as HistoryRow[], {
		header: true,
		columns: [...HISTORY_COLUMNS],
		escape_formulas: true,
		cast: { boolean: (value) => String(value) },
	});
}

/** History rows as the JSON file: an array, unindented like the other bulk exports. */
export function toHistoryJson(rows: readonly HistoryRow[]): string {
	return JSON.stringify(rows);
}

/** The rows of entries dated in the period, in their order. */
export function historyRowsIn(rows: readonly HistoryRow[], period: Period): HistoryRow[] {
	return rows.filter((row) => inPeriod(String(row.date), period));
}

/**
 * The name to save a period's file under: `ana-history-2026-01-to-2026-06.csv`,
 * `ana-history-2026-06.json`, `ana-history-from-2026-09.csv`, `ana-history-to-2025-12.csv`,
 * `ana-history.csv` for all time.
 */
export function historyFileName(person: string, { from, to }: Period, ext: 'csv' | 'json'): string {
	const span =
		from && to
			? from === to
				? from
				: `${from}-to-${to}`
			: from
				? `from-${from}`
				: to && `to-${to}`;
	return `${person}-history${span ? `-${span}` : ''}.${ext}`;
}
