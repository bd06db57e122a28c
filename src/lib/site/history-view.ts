/**
 * The words and numbers of a history summary. The page renders them at build time and the period
 * picker sets the same `data-stat` elements in the browser, so both read them from here.
 */
import { ENTRY_STATUSES } from '../content/vocabulary.ts';
import { ROLE_KEYS, type HistorySummary, type Period } from '../facts/history.ts';
import { EVIDENCE_LEVELS } from '../facts/evidence.ts';
import { EVIDENCE_LABELS, formatMonth, formatRate, plural } from './format.ts';

/** `5 of 15 results (33%)`, `0 of 1 entry (0%)`; just `no results` when there is nothing to share out. */
export function shareText(part: number, whole: number, one: string, many: string): string {
	if (whole === 0) return `no ${many}`;
	return `${part} of ${plural(whole, one, many)} (${Math.round((part / whole) * 100)}%)`;
}

/** `data-stat` key → text, for every number the summary shows. */
export function summaryStats(summary: HistorySummary): Record<string, string> {
	const stats: Record<string, string> = {
		entries: String(summary.entries),
		better: shareText(summary.better, summary.measured, 'measured result', 'measured results'),
		worse: shareText(summary.worse, summary.measured, 'measured result', 'measured results'),
		strong: shareText(summary.strong, summary.results, 'result', 'results'),
		verified: shareText(summary.verified, summary.entries, 'entry', 'entries'),
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

/** One line of the comparison of a period with the one before it. */
export interface ComparisonRow {
	label: string;
	current: string;
	previous: string;
	/** In words and numbers: `+2`, `−1`, `no change`, `+17 points`. */
	change: string;
}

/** The rows comparing a period's summary with the previous period's: statuses, closure, evidence. */
export function comparisonRows(current: HistorySummary, previous: HistorySummary): ComparisonRow[] {
	const count = (label: string, pick: (s: HistorySummary) => number): ComparisonRow => ({
		label,
		current: String(pick(current)),
		previous: String(pick(previous)),
		change: changeText(pick(current) - pick(previous), ''),
	});
	const rate = (s: HistorySummary) =>
		s.closureRate === undefined
			? 'no rate (nothing closed or due)'
			: `${formatRate(s.closureRate)} (${s.closed} of ${s.closed + s.openLate})`;
	const points = (s: HistorySummary) =>
		s.closureRate === undefined ? undefined : Math.round(s.closureRate * 100);
	const now = points(current);
	const before = points(previous);
	return [
		count('Entries', (s) => s.entries),
		...ENTRY_STATUSES.map((status) => count(status, (s) => s.byStatus[status])),
		{
			label: 'Loop-closure rate',
			current: rate(current),
			previous: rate(previous),
			change:
				now === undefined || before === undefined
					? 'cannot compare'
					: changeText(now - before, ' points'),
		},
		...EVIDENCE_LEVELS.map((level) =>
			count(`Results with ${EVIDENCE_LABELS[level]}`, (s) => s.byEvidence[level]),
		),
	];
}

/** `+2`, `−1 points`, `no change`. */
function changeText(difference: number, unit: string): string {
	if (difference === 0) return 'no change';
	return `${difference > 0 ? '+' : '−'}${Math.abs(difference)}${unit}`;
}
