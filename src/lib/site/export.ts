/** The structured record of an entry for /entries.json (its shape is documented in docs/site.md). */
import { getDelta } from '../content/delta.ts';
import { isDueForFollowUp, measureBy } from '../content/follow-up.ts';
import { getCredits } from '../facts/entry.ts';
import { evidenceOf, strongestEvidence } from '../facts/evidence.ts';
import type { AuthorRole, Entry, Metric, Person } from '../content/schema.ts';
import { HISTORY_COLUMNS, type HistoryRow } from './history-export.ts';

export interface ExportContext {
	people: ReadonlyMap<string, Pick<Person, 'name'>>;
	metrics: ReadonlyMap<string, Metric>;
	/** Slugs of published entries; `follows` to anything else is left out. */
	published: ReadonlySet<string>;
	today: string;
	followUpDays: number;
	/** Absolute or base-relative permalink of a slug. */
	permalink: (slug: string) => string;
}

export function toEntryRecord(slug: string, entry: Entry, ctx: ExportContext) {
	return {
		slug,
		url: ctx.permalink(slug),
		title: entry.title,
		date: entry.date,
		status: entry.status,
		summary: entry.summary ?? null,
		team: entry.team ?? null,
		features: entry.features ?? [],
		authors: getCredits(entry).map((c) => ({
			person: c.person,
			name: ctx.people.get(c.person)?.name ?? c.person,
			role: c.role ?? null,
		})),
		metrics: (entry.metrics ?? []).map((result) => {
			const metric = ctx.metrics.get(result.metric)!;
			const delta = getDelta(result, metric);
			return {
				metric: result.metric,
				name: metric.name,
				unit: metric.unit ?? null,
				direction: metric.direction,
				before: result.before ?? null,
				after: result.after ?? null,
				target: result.target ?? null,
				change: delta.absolute ?? null,
				change_percent: delta.percent ?? null,
				verdict: delta.verdict,
				target_met: delta.targetMet ?? null,
				method: result.method ?? null,
				evidence: evidenceOf(result.method),
				window: result.window ?? null,
				measured_on: result.measured_on ?? null,
				source: result.source ?? null,
				note: result.note ?? null,
			};
		}),
		next: (entry.next ?? []).map((s) => ({
			step: s.step,
			owner: s.owner ?? null,
			due: s.due ?? null,
			done: s.done,
		})),
		strongest_evidence: strongestEvidence(entry.metrics)?.level ?? null,
		measure_by: measureBy(entry, ctx.followUpDays),
		due_for_follow_up: isDueForFollowUp(entry, ctx.today, ctx.followUpDays),
		follows: entry.follows && ctx.published.has(entry.follows) ? entry.follows : null,
		verified_by: entry.verified_by
			? {
					person: entry.verified_by.person,
					name: ctx.people.get(entry.verified_by.person)?.name ?? entry.verified_by.person,
					on: entry.verified_by.on ?? null,
				}
			: null,
		links: (entry.links ?? []).map((l) => ({ label: l.label ?? null, url: l.url })),
		tags: entry.tags ?? [],
		aliases: entry.aliases ?? [],
		visibility: entry.visibility,
	};
}

export type EntryRecord = ReturnType<typeof toEntryRecord>;

/**
 * One person's part in an entry as flat rows, one per metric (one row with empty metric columns
 * when the entry reports none), so that a spreadsheet can filter and sum them. Lists become
 * text: features comma-separated, next steps and links one per line.
 */
export function toHistoryRows(
	record: EntryRecord,
	person: string,
	roles: readonly AuthorRole[],
): HistoryRow[] {
	const entry = {
		person,
		role: roles.length ? roles.join(', ') : null,
		slug: record.slug,
		url: record.url,
		title: record.title,
		date: record.date,
		status: record.status,
		summary: record.summary,
		team: record.team,
		features: record.features.length ? record.features.join(', ') : null,
		strongest_evidence: record.strongest_evidence,
		verified_by: record.verified_by?.name ?? null,
		verified_on: record.verified_by?.on ?? null,
		next_steps: lines(record.next.map(stepText)),
		links: lines(record.links.map((l) => (l.label ? `${l.label}: ${l.url}` : l.url))),
	};
	const metrics = record.metrics.length ? record.metrics : [undefined];
	return metrics.map((m) =>
		inColumnOrder({
			...entry,
			metric: m?.metric ?? null,
			metric_name: m?.name ?? null,
			unit: m?.unit ?? null,
			direction: m?.direction ?? null,
			before: m?.before ?? null,
			after: m?.after ?? null,
			change: m?.change ?? null,
			change_percent: m?.change_percent ?? null,
			verdict: m?.verdict ?? null,
			target: m?.target ?? null,
			target_met: m?.target_met ?? null,
			method: m?.method ?? null,
			evidence: m?.evidence ?? null,
			window: m?.window ?? null,
			measured_on: m?.measured_on ?? null,
			source: m?.source ?? null,
			note: m?.note ?? null,
		}),
	);
}

/** The same row with its keys in HISTORY_COLUMNS order, so the JSON reads like the CSV. */
function inColumnOrder(row: HistoryRow): HistoryRow {
	return Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, row[c]])) as HistoryRow;
}

/** `open: Apply batching to refunds (owner bo, due 2026-05-01)`. */
function stepText(step: EntryRecord['next'][number]): string {
	const details = [step.owner && `owner ${step.owner}`, step.due && `due ${step.due}`].filter(
		Boolean,
	);
	return `${step.done ? 'done' : 'open'}: ${step.step}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function lines(items: string[]): string | null {
	return items.length ? items.join('\n') : null;
}
