/**
 * A person's outcome history over a review period: which entries fall in the period, and the
 * summary a promotion committee reads first. The page computes the all-time summary at build
 * time and the period picker re-runs `summarizeHistory` in the browser, so this module (and what
 * it imports at runtime) must stay free of Node and of zod.
 */
import type { AuthorRole, EntryStatus, Metric } from '../content/schema.ts';
import { AUTHOR_ROLES, ENTRY_STATUSES } from '../content/vocabulary.ts';
import { getDelta, type Verdict } from '../content/delta.ts';
import { isDueForFollowUp } from '../content/follow-up.ts';
import { EVIDENCE_LEVELS, evidenceOf, type EvidenceLevel } from './evidence.ts';
import { isClosed } from './loop-health.ts';
import type { EntryLike } from './entry.ts';
import type { Contribution } from './rollups.ts';
import { addMonths } from '../utils/dates.ts';

/** What the summary needs of one entry in a person's history; plain JSON, so the page can hand it to the browser. */
export interface HistoryItem {
	slug: string;
	date: string;
	status: EntryStatus;
	/** The person's roles in this entry; empty when none is named. */
	roles: AuthorRole[];
	team: string | null;
	features: string[];
	/** Someone other than the authors confirmed the numbers. */
	verified: boolean;
	/** One per metric result. */
	results: { verdict: Verdict; evidence: EvidenceLevel }[];
	/** Open and past its measure-by date as of the build's today (loop-health.ts). */
	late: boolean;
}

/** One contribution (as `groupByPerson` gives it) as a history item. */
export function toHistoryItem(
	{ entry, roles }: Contribution<EntryLike>,
	metrics: ReadonlyMap<string, Pick<Metric, 'direction'>>,
	asOf: { today: string; followUpDays: number },
): HistoryItem {
	const { data } = entry;
	return {
		slug: entry.slug,
		date: data.date,
		status: data.status,
		roles,
		team: data.team ?? null,
		features: data.features ?? [],
		verified: data.verified_by !== undefined,
		results: (data.metrics ?? []).map((result) => {
			const metric = metrics.get(result.metric);
			return {
				verdict: metric ? getDelta(result, metric).verdict : 'unmeasured',
				evidence: evidenceOf(result.method),
			};
		}),
		late: isDueForFollowUp(data, asOf.today, asOf.followUpDays),
	};
}

/** An entry with no role named for the person counts under this key. */
export const NO_ROLE = 'none' as const;
export type RoleKey = AuthorRole | typeof NO_ROLE;
export const ROLE_KEYS: readonly RoleKey[] = [...AUTHOR_ROLES, NO_ROLE];

export interface HistorySummary {
	entries: number;
	byStatus: Record<EntryStatus, number>;
	/** Entries per role; an entry where the person had two roles counts for both. */
	byRole: Record<RoleKey, number>;
	/** Metric results reported. */
	results: number;
	/** Results with both a before and an after value. */
	measured: number;
	/** Measured results that moved in the metric's better direction. */
	better: number;
	/** Measured results that moved in the worse direction. */
	worse: number;
	/** Results measured with a strong method (A/B test, holdout). */
	strong: number;
	/** Results by the strength of their evidence. */
	byEvidence: Record<EvidenceLevel, number>;
	/** Entries whose result is in, and open entries past their measure-by date (loop-health.ts). */
	closed: number;
	openLate: number;
	/** closed ÷ (closed + openLate); undefined when neither has any. */
	closureRate?: number;
	/** Entries whose numbers someone else verified. */
	verified: number;
	/** Feature ids touched, sorted. */
	features: string[];
	/** Team ids touched, sorted. */
	teams: string[];
}

const zeroes = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The summary at the top of a history page, for whichever entries fall in the period. */
export function summarizeHistory(items: readonly HistoryItem[]): HistorySummary {
	const summary: HistorySummary = {
		entries: items.length,
		byStatus: zeroes(ENTRY_STATUSES),
		byRole: zeroes(ROLE_KEYS),
		results: 0,
		measured: 0,
		better: 0,
		worse: 0,
		strong: 0,
		byEvidence: zeroes(EVIDENCE_LEVELS),
		closed: 0,
		openLate: 0,
		verified: 0,
		features: [],
		teams: [],
	};
	const features = new Set<string>();
	const teams = new Set<string>();
	for (const item of items) {
		summary.byStatus[item.status]++;
		const roles: RoleKey[] = item.roles.length ? [...new Set(item.roles)] : [NO_ROLE];
		for (const role of roles) summary.byRole[role]++;
		if (item.verified) summary.verified++;
		if (isClosed(item)) summary.closed++;
		else if (item.late) summary.openLate++;
		for (const { verdict, evidence } of item.results) {
			summary.results++;
			if (verdict !== 'unmeasured') summary.measured++;
			if (verdict === 'better') summary.better++;
			if (verdict === 'worse') summary.worse++;
			if (evidence === 'strong') summary.strong++;
			summary.byEvidence[evidence]++;
		}
		for (const f of item.features) features.add(f);
		if (item.team) teams.add(item.team);
	}
	summary.features = [...features].sort();
	summary.teams = [...teams].sort();
	const due = summary.closed + summary.openLate;
	if (due) summary.closureRate = summary.closed / due;
	return summary;
}

/** A review period in whole months (`YYYY-MM`), both ends included; a missing end is open. */
export interface Period {
	from?: string;
	to?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a `YYYY-MM` month. */
export function isMonth(value: string | null | undefined): value is string {
	return typeof value === 'string' && MONTH.test(value);
}

/** Whether a `YYYY-MM-DD` date falls in the period. */
export function inPeriod(date: string, { from, to }: Period): boolean {
	const month = date.slice(0, 7);
	return (!from || month >= from) && (!to || month <= to);
}

export const PERIOD_PRESETS = ['this-year', 'last-6-months', 'last-12-months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/**
 * A preset as months, counted back from `today`'s month (included): "last 6 months" on
 * 2026-11-24 is 2026-06 to 2026-11. `today` is the build's date, so a link shows the same
 * entries whenever it is opened.
 */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
	const to = today.slice(0, 7);
	if (preset === 'this-year') return { from: `${to.slice(0, 4)}-01`, to };
	return { from: addMonths(to, preset === 'last-6-months' ? -5 : -11), to };
}

/** The preset that a period is, if any. */
export function presetOf(period: Period, today: string): PeriodPreset | 'all' | 'custom' {
	if (!period.from && !period.to) return 'all';
	return (
		PERIOD_PRESETS.find((p) => {
			const candidate = presetPeriod(p, today);
			return candidate.from === period.from && candidate.to === period.to;
		}) ?? 'custom'
	);
}

/** The period in a query string (`?from=2026-01&to=2026-06`); bad months are ignored, reversed ends swapped. */
export function readPeriod(params: Pick<URLSearchParams, 'get'>): Period {
	const from = params.get('from');
	const to = params.get('to');
	const period: Period = {};
	if (isMonth(from)) period.from = from;
	if (isMonth(to)) period.to = to;
	if (period.from && period.to && period.from > period.to)
		return { from: period.to, to: period.from };
	return period;
}

/** The query string of a period (empty for all time), the inverse of `readPeriod`. */
export function periodQuery({ from, to }: Period): string {
	const params = new URLSearchParams();
	if (from) params.set('from', from);
	if (to) params.set('to', to);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/**
 * The period just before `period`, as many months long: January to June 2026 → July to December
 * 2025. An open end is today's month; a period with no start (all time) has none before it.
 */
export function previousPeriod(period: Period, today: string): Period | undefined {
	if (!period.from) return undefined;
	const to = period.to ?? today.slice(0, 7);
	const months = monthsFrom(period.from, to);
	return { from: addMonths(period.from, -months), to: addMonths(period.from, -1) };
}

/** Months from `from` to `to`, both included. */
function monthsFrom(from: string, to: string): number {
	const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
	return index(to) - index(from) + 1;
}
