/**
 * The words and numbers of a history summary. The page renders them at build time and the period
 * picker sets the same `data-stat` elements in the browser, so both read them from here.
 */
import { ENTRY_STATUSES } from '../content/vocabulary.ts';
import { ROLE_KEYS, type HistorySummary, type Period } from '../facts/history.ts';
import { formatMonth } from './format.ts';

/** `1 entry`, `3 entries`. */
export function countText(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** `5 of 15 results (33%)`; just `no results` when there is nothing to share out. */
export function shareText(part: number, whole: number, many: string): string {
	if (whole === 0) return `no ${many}`;
	return `${part} of ${whole} ${many} (${Math.round((part / whole) * 100)}%)`;
}

/** `data-stat` key → text, for every number the summary shows. */
export function summaryStats(summary: HistorySummary): Record<string, string> {
	const stats: Record<string, string> = {
		entries: String(summary.entries),
		better: shareText(summary.better, summary.measured, 'measured results'),
		worse: shareText(summary.worse, summary.measured, 'measured results'),
		strong: shareText(summary.strong, summary.results, 'results'),
		verified: shareText(summary.verified, summary.entries, 'entries'),
	};
	for (const status of ENTRY_STATUSES) stats[`status-${status}`] = String(summary.byStatus[status]);
	for (const role of ROLE_KEYS) stats[`role-${role}`] = String(summary.byRole[role]);
	return stats;
}

/** `all time`, `June 2026`, `January 2026 to June 2026`, `from January 2026`, `up to June 2026`. */
export function periodLabel({ from, to }: Period): string {
	if (from && to)
		return from === to ? formatMonth(from) : `${formatMonth(from)} to ${formatMonth(to)}`;
	if (from) return `from ${formatMonth(from)}`;
	if (to) return `up to ${formatMonth(to)}`;
	return 'all time';
}
