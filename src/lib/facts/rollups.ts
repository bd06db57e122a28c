/**
 * Entries grouped the ways readers browse them: by month, person, team, feature, metric and tag,
 * with status roll-ups and the monthly digest. Pure: entries in, facts out.
 */
import { daysBetween, monthOf } from '../utils/dates.ts';
import { addTo } from '../utils/multimap.ts';
import { getDelta, type Delta, type Verdict } from '../content/delta.ts';
import { isDueForFollowUp, isOverdue, measureBy } from '../content/follow-up.ts';
import { byNewest, getCredits, type Credit, type EntryLike } from './entry.ts';
import type {
	AuthorRole,
	EntryStatus,
	Metric,
	MetricResult,
	NextStep,
	Person,
	Team,
} from '../content/schema.ts';
import { ENTRY_STATUSES } from '../content/schema.ts';
import { getLoopHealth, type LoopHealth } from './loop-health.ts';
import { tagSlug } from '../content/tags.ts';

/** What every roll-up needs of an entry. */
export type StatusCounts = Record<EntryStatus, number>;

export function countByStatus(entries: readonly EntryLike[]): StatusCounts {
	const counts = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as StatusCounts;
	for (const e of entries) counts[e.data.status]++;
	return counts;
}

/** Groups by a key, keeping the input order inside each group. */
function groupBy<T, K>(items: readonly T[], keysOf: (item: T) => K[]): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		for (const key of new Set(keysOf(item))) addTo(groups, key, item);
	}
	return groups;
}

/** `YYYY-MM` → entries of that month, months newest first (entries keep their order). */
export function groupByMonth<T extends EntryLike>(entries: readonly T[]): Map<string, T[]> {
	const groups = groupBy(entries, (e) => [monthOf(e.data.date)]);
	return new Map([...groups].sort(([a], [b]) => b.localeCompare(a)));
}

/** Tag slug → its display name and entries; tags sorted by name. */
export function groupByTag<T extends EntryLike>(
	entries: readonly T[],
): Map<string, { name: string; entries: T[] }> {
	const groups = groupBy(entries, (e) => (e.data.tags ?? []).map(tagSlug));
	const names = new Map<string, string>();
	for (const e of entries)
		for (const t of e.data.tags ?? []) if (!names.has(tagSlug(t))) names.set(tagSlug(t), t);
	return new Map(
		[...groups]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([slug, list]) => [slug, { name: names.get(slug)!, entries: list }]),
	);
}

/** Team id → entries credited to it. */
export function groupByTeam<T extends EntryLike>(entries: readonly T[]): Map<string, T[]> {
	return groupBy(entries, (e) => (e.data.team ? [e.data.team] : []));
}

/** Feature id → entries about it, oldest first (launch → follow-ups → reverts). */
export function groupByFeature<T extends EntryLike>(entries: readonly T[]): Map<string, T[]> {
	const groups = groupBy(entries, (e) => e.data.features ?? []);
	for (const list of groups.values())
		list.sort((a, b) => a.data.date.localeCompare(b.data.date) || a.slug.localeCompare(b.slug));
	return groups;
}

/** One person's part in one entry. */
export interface Contribution<T> {
	entry: T;
	/** Roles named for them; empty for a bare id. */
	roles: AuthorRole[];
}

/** Person id → the entries they authored, with their role in each. */
export function groupByPerson<T extends EntryLike>(
	entries: readonly T[],
): Map<string, Contribution<T>[]> {
	const out = new Map<string, Contribution<T>[]>();
	for (const entry of entries) {
		const credits = Map.groupBy(getCredits(entry.data), (c: Credit) => c.person);
		for (const [person, list] of credits) {
			const roles = list.flatMap((c) => (c.role ? [c.role] : []));
			addTo(out, person, { entry, roles });
		}
	}
	return out;
}

/** One measurement of a metric, from one entry. */
export interface Measurement<T> {
	entry: T;
	result: MetricResult;
	delta: Delta;
}

/** Metric id → every measurement of it in entries, oldest first. */
export function groupByMetric<T extends EntryLike>(
	entries: readonly T[],
	metrics: ReadonlyMap<string, Pick<Metric, 'direction'>>,
): Map<string, Measurement<T>[]> {
	const out = new Map<string, Measurement<T>[]>();
	for (const entry of entries) {
		for (const result of entry.data.metrics ?? []) {
			const metric = metrics.get(result.metric);
			if (!metric) continue;
			const m = { entry, result, delta: getDelta(result, metric) };
			addTo(out, result.metric, m);
		}
	}
	for (const list of out.values())
		list.sort((a, b) => a.entry.data.date.localeCompare(b.entry.data.date));
	return out;
}

/**
 * The same measurements newest entry first, entries of one day in slug order (as `byNewest` lists
 * entries): a metric page's table, whose first page then holds the latest results.
 */
export function newestFirst<T extends EntryLike>(
	measurements: readonly Measurement<T>[],
): Measurement<T>[] {
	return measurements.toSorted((a, b) => byNewest(a.entry, b.entry));
}

/** The newest measurement that has an "after" value (input oldest first, as groupByMetric gives). */
export function latestResult<T>(
	measurements: readonly Measurement<T>[],
): Measurement<T> | undefined {
	return measurements.findLast((m) => m.result.after !== undefined);
}

/** How a run of measurements of one metric moved: a count per verdict. */
export function countByVerdict<T>(
	measurements: readonly Measurement<T>[],
): Record<Verdict, number> {
	const counts: Record<Verdict, number> = { better: 0, worse: 0, unchanged: 0, unmeasured: 0 };
	for (const m of measurements) counts[m.delta.verdict]++;
	return counts;
}

/**
 * The largest moves in the metric's better direction, as a share of `before`, largest first.
 * Regressions, unchanged and unmeasured results are left out (they are in the entries list).
 */
export function biggestMoves<T>(
	measurements: readonly Measurement<T>[],
	limit = 5,
): Measurement<T>[] {
	return largest(measurements, 'better', limit);
}

/** The largest moves in the metric's worse direction (regressions), as a share of `before`. */
export function biggestRegressions<T>(
	measurements: readonly Measurement<T>[],
	limit = 5,
): Measurement<T>[] {
	return largest(measurements, 'worse', limit);
}

function largest<T>(
	measurements: readonly Measurement<T>[],
	verdict: Verdict,
	limit: number,
): Measurement<T>[] {
	return measurements
		.filter((m) => m.delta.percent !== undefined && m.delta.verdict === verdict)
		.sort((a, b) => Math.abs(b.delta.percent!) - Math.abs(a.delta.percent!))
		.slice(0, limit);
}

/** An entry whose result is overdue. */
export interface DueEntry<T> {
	entry: T;
	measureBy: string;
	daysLate: number;
}

/** A next step past its due date. */
export interface OverdueStep<T> {
	entry: T;
	step: NextStep;
	daysLate: number;
}

export interface FollowUps<T> {
	/** Shipped or measuring entries past measure-by, oldest measure-by first. */
	due: DueEntry<T>[];
	/** Open steps past their due date, oldest first. */
	overdue: OverdueStep<T>[];
}

export function getFollowUps<T extends EntryLike>(
	entries: readonly T[],
	today: string,
	followUpDays: number,
): FollowUps<T> {
	const due = entries
		.filter((entry) => isDueForFollowUp(entry.data, today, followUpDays))
		.map((entry) => {
			const by = measureBy(entry.data, followUpDays);
			return { entry, measureBy: by, daysLate: daysBetween(by, today) };
		})
		.sort(
			(a, b) => a.measureBy.localeCompare(b.measureBy) || a.entry.slug.localeCompare(b.entry.slug),
		);
	const overdue = entries
		.flatMap((entry) =>
			(entry.data.next ?? [])
				.filter((step) => isOverdue(step, today))
				.map((step) => ({ entry, step, daysLate: daysBetween(step.due!, today) })),
		)
		.sort(
			(a, b) => a.step.due!.localeCompare(b.step.due!) || a.entry.slug.localeCompare(b.entry.slug),
		);
	return { due, overdue };
}

/** Who should act: a due entry belongs to its first author; a step to its owner (or the first author). */
export function followUpOwner(entry: EntryLike, step?: NextStep): string {
	return step?.owner ?? getCredits(entry.data)[0]!.person;
}

/**
 * Who should act on each open (not done) step: its owner, else the entry's first author (as
 * `followUpOwner`). Owners in id order; each owner's steps soonest due first, undated last.
 */
export function groupOpenStepsByOwner<T extends EntryLike>(
	entries: readonly T[],
): Map<string, { entry: T; step: NextStep }[]> {
	const groups = groupOpenSteps(entries, (entry, step) => followUpOwner(entry, step));
	return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Person id → open steps that name them as `owner`, soonest due first (undated last): a person
 * page's list, grouped in one pass rather than a scan of every entry per person.
 */
export function groupOpenStepsByNamedOwner<T extends EntryLike>(
	entries: readonly T[],
): Map<string, { entry: T; step: NextStep }[]> {
	return groupOpenSteps(entries, (_, step) => step.owner);
}

function groupOpenSteps<T extends EntryLike>(
	entries: readonly T[],
	ownerOf: (entry: T, step: NextStep) => string | undefined,
): Map<string, { entry: T; step: NextStep }[]> {
	const groups = new Map<string, { entry: T; step: NextStep }[]>();
	for (const entry of entries)
		for (const step of entry.data.next ?? []) {
			const owner = step.done ? undefined : ownerOf(entry, step);
			if (owner !== undefined) addTo(groups, owner, { entry, step });
		}
	for (const list of groups.values())
		list.sort((a, b) => (a.step.due ?? '9999').localeCompare(b.step.due ?? '9999'));
	return groups;
}

/** Person id → entries whose numbers they verified (glue work that deserves credit too). */
export function groupByVerifier<T extends EntryLike>(entries: readonly T[]): Map<string, T[]> {
	return groupBy(entries, (e) => (e.data.verified_by ? [e.data.verified_by.person] : []));
}

/** Team id → its members' ids: people whose `team` it is, and its lead. */
export function groupMembersByTeam(
	people: ReadonlyMap<string, Pick<Person, 'team'>>,
	teams: ReadonlyMap<string, Pick<Team, 'lead'>>,
): Map<string, string[]> {
	const members = new Map<string, string[]>();
	for (const [teamId, team] of teams) {
		members.set(
			teamId,
			[...people].filter(([id, p]) => p.team === teamId || id === team.lead).map(([id]) => id),
		);
	}
	return members;
}

/** The next steps written in a set of entries. */
export interface StepTally<T> {
	/** Every step, in entry order. */
	steps: { entry: T; step: NextStep }[];
	/** Steps marked done. */
	done: number;
	/** Steps not done (overdue ones included). */
	open: number;
}

export function tallySteps<T extends EntryLike>(entries: readonly T[]): StepTally<T> {
	const steps = entries.flatMap((entry) =>
		(entry.data.next ?? []).map((step) => ({ entry, step })),
	);
	const done = steps.filter((s) => s.step.done).length;
	return { steps, done, open: steps.length - done };
}

/**
 * The steps a digest lists under its next steps: all but the overdue ones, which it lists under its
 * follow-ups (so each step appears once), and how many were left out for that.
 */
export function stepsBesideFollowUps<T>(
	tally: Pick<StepTally<T>, 'steps'>,
	today: string,
): { listed: StepTally<T>['steps']; overdue: number } {
	const listed = tally.steps.filter((s) => !isOverdue(s.step, today));
	return { listed, overdue: tally.steps.length - listed.length };
}

export interface Digest<T> {
	entries: T[];
	byStatus: StatusCounts;
	/** Loop health of these entries. */
	health: LoopHealth;
	/** The biggest moves in the better direction. */
	moves: Measurement<T>[];
	followUps: FollowUps<T>;
	/** Next steps these entries opened, and how many are done. */
	steps: StepTally<T>;
}

/**
 * A month at a glance: what shipped, how many loops closed, what moved most, what is due from
 * that month's work, and the next steps it opened.
 */
export function getDigest<T extends EntryLike>(
	monthEntries: readonly T[],
	metrics: ReadonlyMap<string, Pick<Metric, 'direction'>>,
	today: string,
	followUpDays: number,
): Digest<T> {
	const measurements = [...groupByMetric(monthEntries, metrics).values()].flat();
	return {
		entries: [...monthEntries],
		byStatus: countByStatus(monthEntries),
		health: getLoopHealth(monthEntries, today, followUpDays),
		moves: biggestMoves(measurements),
		followUps: getFollowUps(monthEntries, today, followUpDays),
		steps: tallySteps(monthEntries),
	};
}
