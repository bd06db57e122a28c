/**
 * Derived facts about entries: when a follow-up is due, which steps are overdue, how much a
 * metric moved and whether that was better or worse. Pure functions over plain data, shared by
 * the site and the CLI; no page or command recomputes these.
 */
import { addDays } from '../utils/dates.ts';
import { addTo } from '../utils/multimap.ts';
import type { AuthorRole, Entry, Metric, MetricResult, NextStep } from '../content/schema.ts';

export type Audience = 'internal' | 'public';

/** Whether an entry belongs in a build for `audience`. Drafts never do. */
export function isPublished(
	entry: Pick<Entry, 'draft' | 'visibility'>,
	audience: Audience,
): boolean {
	return !entry.draft && (audience === 'internal' || entry.visibility === 'public');
}

/** The date by which the result should be read: `measure_by`, or `date` + `followUpDays`. */
export function measureBy(entry: Pick<Entry, 'date' | 'measure_by'>, followUpDays: number): string {
	return entry.measure_by ?? addDays(entry.date, followUpDays);
}

/** Shipped or measuring, and its measure-by date is before today. */
export function isDueForFollowUp(
	entry: Pick<Entry, 'status' | 'date' | 'measure_by'>,
	today: string,
	followUpDays: number,
): boolean {
	return (
		(entry.status === 'shipped' || entry.status === 'measuring') &&
		measureBy(entry, followUpDays) < today
	);
}

/** Not done and due before today. */
export function isOverdue(step: NextStep, today: string): boolean {
	return !step.done && step.due !== undefined && step.due < today;
}

/** An author with the role they had (undefined for a bare id). */
export interface Credit {
	person: string;
	role?: AuthorRole;
}

export function getCredits(entry: Pick<Entry, 'authors'>): Credit[] {
	return entry.authors.map((a) => (typeof a === 'string' ? { person: a } : a));
}

export type Verdict = 'better' | 'worse' | 'unchanged' | 'unmeasured';

export interface Delta {
	/** after − before, when both are known. */
	absolute?: number;
	/** Change relative to `before` in percent; undefined when before is 0 or unknown. */
	percent?: number;
	/** Judged by the metric's direction, not by the sign. */
	verdict: Verdict;
	/** Whether `after` reached `target` in the metric's direction. */
	targetMet?: boolean;
}

/** How a result moved, judged against the metric's direction. */
export function getDelta(result: MetricResult, metric: Pick<Metric, 'direction'>): Delta {
	const { before, after, target } = result;
	const sign = metric.direction === 'up' ? 1 : -1;
	const targetMet =
		after !== undefined && target !== undefined ? (after - target) * sign >= 0 : undefined;
	if (before === undefined || after === undefined) return { verdict: 'unmeasured', targetMet };
	const absolute = round(after - before);
	const percent = before === 0 ? undefined : round(((after - before) / Math.abs(before)) * 100);
	const verdict: Verdict = absolute === 0 ? 'unchanged' : absolute * sign > 0 ? 'better' : 'worse';
	return { absolute, percent, verdict, targetMet };
}

/**
 * Rounds away floating-point noise (0.1 + 0.2) without hiding real precision. A value too large
 * to scale has no such noise to lose, and is kept rather than made infinite.
 */
function round(value: number): number {
	const scaled = value * 1e6;
	return Number.isFinite(scaled) ? Math.round(scaled) / 1e6 : value;
}

/** Newest first; ties broken by slug so that order is stable. */
export function byNewest<T extends { slug: string; data: Pick<Entry, 'date'> }>(
	a: T,
	b: T,
): number {
	return b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug);
}

interface Linked {
	slug: string;
	data: Pick<Entry, 'follows'>;
}

/** The entries `slug` follows, oldest first (stops at a missing or unpublished one). */
export function getAncestors<T extends Linked>(slug: string, bySlug: ReadonlyMap<string, T>): T[] {
	const chain: T[] = [];
	let current = bySlug.get(slug)?.data.follows;
	while (current && !chain.some((e) => e.slug === current)) {
		const entry = bySlug.get(current);
		if (!entry) break;
		chain.unshift(entry);
		current = entry.data.follows;
	}
	return chain;
}

/** Slug → the entries that follow it directly. */
export function getFollowers<T extends Linked>(entries: readonly T[]): Map<string, T[]> {
	const followers = new Map<string, T[]>();
	for (const entry of entries) {
		const parent = entry.data.follows;
		if (parent) addTo(followers, parent, entry);
	}
	return followers;
}

/**
 * Whether an entry has words of its own beyond its title: a summary, or a write-up with a letter
 * or a digit in its text. `writeUp` is the rendered HTML of its body (tags are not text).
 */
export function hasOwnText(entry: Pick<Entry, 'summary'>, writeUp: string | undefined): boolean {
	const text = (writeUp ?? '').replace(/<[^>]*>/g, ' ');
	return [entry.summary, text].some((t) => /[\p{L}\p{N}]/u.test(t ?? ''));
}
