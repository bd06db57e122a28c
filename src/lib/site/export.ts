/** The structured record of an entry for /entries.json (its shape is documented in the README). */
import { getCredits, getDelta, isDueForFollowUp, measureBy } from '../facts/entry.ts';
import type { Entry, Metric, Person } from '../content/schema.ts';

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
		measure_by: measureBy(entry, ctx.followUpDays),
		due_for_follow_up: isDueForFollowUp(entry, ctx.today, ctx.followUpDays),
		follows: entry.follows && ctx.published.has(entry.follows) ? entry.follows : null,
		verified_by: entry.verified_by
			? { person: entry.verified_by.person, on: entry.verified_by.on ?? null }
			: null,
		links: (entry.links ?? []).map((l) => ({ label: l.label ?? null, url: l.url })),
		tags: entry.tags ?? [],
		aliases: entry.aliases ?? [],
		visibility: entry.visibility,
	};
}

export type EntryRecord = ReturnType<typeof toEntryRecord>;
