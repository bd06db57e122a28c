import { describe, expect, it } from 'vitest';
import {
	HISTORY_COLUMNS,
	historyFileName,
	historyRowsIn,
	toHistoryJson,
	type HistoryRow,
} from '../../src/lib/site/history-export.ts';

/** A history row of entry `slug` dated `date`, for metric `metric`; the other columns empty. */
const row = (slug: string, date: string, metric: string | null = null): HistoryRow => ({
	...(Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, null])) as HistoryRow),
	slug,
	date,
	metric,
});

// Newest first, as the build writes them; `mid` has two metrics, so two rows.
const rows = [
	row('after', '2026-07-01'),
	row('last-day', '2026-06-30', 'p95'),
	row('mid', '2026-03-15', 'p95'),
	row('mid', '2026-03-15', 'conv'),
	row('first-day', '2026-01-01'),
	row('before', '2025-12-31'),
];
const slugs = (kept: HistoryRow[]) => kept.map((r) => `${r.slug}${r.metric ? `:${r.metric}` : ''}`);

describe('historyRowsIn', () => {
	it('keeps the rows of entries dated in the period, both end months whole, in order', () => {
		expect(slugs(historyRowsIn(rows, { from: '2026-01', to: '2026-06' }))).toEqual([
			'last-day:p95',
			'mid:p95',
			'mid:conv',
			'first-day',
		]);
	});

	it('leaves an end open when the period has none', () => {
		expect(slugs(historyRowsIn(rows, { from: '2026-06' }))).toEqual(['after', 'last-day:p95']);
		expect(slugs(historyRowsIn(rows, { to: '2026-01' }))).toEqual(['first-day', 'before']);
		expect(historyRowsIn(rows, {})).toEqual(rows);
	});

	it('keeps nothing when no entry falls in the period', () => {
		expect(historyRowsIn(rows, { from: '2020-01', to: '2020-12' })).toEqual([]);
		expect(JSON.parse(toHistoryJson([]))).toEqual([]);
	});

	it('gives rows that the JSON file writes as they are', () => {
		const kept = historyRowsIn(rows, { from: '2026-03', to: '2026-03' });
		expect(JSON.parse(toHistoryJson(kept))).toEqual(kept);
	});
});

describe('historyFileName', () => {
	it.each([
		[{ from: '2026-01', to: '2026-06' }, 'csv', 'ana-history-2026-01-to-2026-06.csv'],
		[{ from: '2026-06', to: '2026-06' }, 'json', 'ana-history-2026-06.json'],
		[{ from: '2026-09' }, 'csv', 'ana-history-from-2026-09.csv'],
		[{ to: '2025-12' }, 'json', 'ana-history-to-2025-12.json'],
		[{}, 'csv', 'ana-history.csv'],
	] as const)('names %o’s %s file %s', (period, ext, name) => {
		expect(historyFileName('ana', period, ext)).toBe(name);
	});
});
