/**
 * The follow-up list as data (/follow-ups.json, `npm run follow-ups -- --format json`) and as
 * text, markdown or GitHub annotations for the CLI. One builder, so the page, the JSON and the
 * CLI list the same items in the same order.
 */
import type { EntryStatus } from '../content/schema.ts';
import { formatGithubCommand } from '../content/report.ts';
import { plural } from './format.ts';
import type { OwnerFollowUps } from '../facts/follow-up-groups.ts';
import type { EntryLike } from '../facts/entry.ts';
import type { Urls } from './urls.ts';
import { showControls } from '../utils/quote.ts';

/** An entry as the report needs it: its file relative to the content root. */
export interface ReportEntry extends EntryLike {
	file: string;
}

export interface FollowUpReportContext {
	personName: (id: string) => string;
	urls: Urls;
	/** A site path as the report links it: absolute when `site` is set, else site-relative. */
	link: (path: string) => string;
	today: string;
}

interface EntryRef {
	/** Slug of the entry. */
	entry: string;
	title: string;
	url: string;
	/** The entry's file, relative to the content root. */
	file: string;
	/** The frontmatter field to update, such as `measure_by` or `next[0].due`. */
	field: string;
	days_late: number;
}

export interface DueRecord extends EntryRef {
	status: EntryStatus;
	/** When the change shipped. */
	date: string;
	measure_by: string;
}

export interface OverdueRecord extends EntryRef {
	step: string;
	due: string;
}

export interface OwnerRecord {
	person: string;
	name: string;
	url: string;
	due: DueRecord[];
	overdue: OverdueRecord[];
}

export interface FollowUpReport {
	/** The date "late" is counted from (JOURNAL_TODAY or the build date). */
	as_of: string;
	due_count: number;
	overdue_count: number;
	/** Who should act, longest waiting first (as on /follow-ups/). */
	owners: OwnerRecord[];
}

export function toFollowUpReport<T extends ReportEntry>(
	groups: readonly OwnerFollowUps<T>[],
	ctx: FollowUpReportContext,
): FollowUpReport {
	const ref = (entry: T, field: string, daysLate: number): EntryRef => ({
		entry: entry.slug,
		title: entry.data.title,
		url: ctx.link(ctx.urls.entry(entry.slug)),
		file: entry.file,
		field,
		days_late: daysLate,
	});
	const owners = groups.map((g) => ({
		person: g.owner,
		name: ctx.personName(g.owner),
		url: ctx.link(ctx.urls.person(g.owner)),
		due: g.due.map((d) => ({
			...ref(d.entry, d.entry.data.measure_by ? 'measure_by' : 'status', d.daysLate),
			status: d.entry.data.status,
			date: d.entry.data.date,
			measure_by: d.measureBy,
		})),
		overdue: g.overdue.map((o) => ({
			...ref(o.entry, `next[${o.entry.data.next!.indexOf(o.step)}].due`, o.daysLate),
			step: o.step.step,
			due: o.step.due!,
		})),
	}));
	return {
		as_of: ctx.today,
		due_count: owners.reduce((n, o) => n + o.due.length, 0),
		overdue_count: owners.reduce((n, o) => n + o.overdue.length, 0),
		owners,
	};
}

export const FOLLOW_UP_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type FollowUpFormat = (typeof FOLLOW_UP_FORMATS)[number];

const late = (days: number) => `${plural(days, 'day', 'days')} late`;

function headline(report: FollowUpReport): string {
	return `${plural(report.due_count, 'entry', 'entries')} waiting for a result and ${plural(report.overdue_count, 'overdue next step', 'overdue next steps')}`;
}

/**
 * Grouped by owner, one item per two lines, for a terminal. Content shows its control characters
 * as escapes, so that a title cannot break a line or send the terminal a command.
 */
export function formatFollowUpsText(report: FollowUpReport): string {
	if (!report.owners.length) return `Nothing is due as of ${report.as_of}.`;
	const t = showControls;
	const lines = [`Follow-ups as of ${report.as_of}: ${headline(report)}.`];
	for (const owner of report.owners) {
		lines.push('', `${t(owner.name)} (${owner.person})`);
		for (const d of owner.due)
			lines.push(
				`  waiting  ${t(d.title)}`,
				`           measure by ${d.measure_by}, ${late(d.days_late)} · ${d.url}`,
			);
		for (const o of owner.overdue)
			lines.push(
				`  overdue  ${t(o.step)}`,
				`           due ${o.due}, ${late(o.days_late)} · from ${t(o.title)} · ${o.url}`,
			);
	}
	return lines.join('\n');
}

/** Backslash-escapes what markdown (and chat tools reading it) would take as markup. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}

/**
 * Content as one line of markdown text: line breaks (and the space around them) become one space,
 * so that a step cannot end its list item and start a heading; other controls show as escapes.
 */
function inlineMarkdown(text: string): string {
	return escapeMarkdown(showControls(text.replace(/[ \t]*[\r\n\u2028\u2029]+\s*/g, ' ')));
}

/** A heading per owner and a bullet per item, for a chat post or an issue comment. */
export function formatFollowUpsMarkdown(report: FollowUpReport): string {
	const md = inlineMarkdown;
	if (!report.owners.length) return `Nothing is due as of ${report.as_of}.`;
	const lines = [`## Follow-ups as of ${report.as_of}`, '', `${headline(report)}.`];
	for (const owner of report.owners) {
		lines.push('', `### [${md(owner.name)}](${owner.url})`, '');
		for (const d of owner.due)
			lines.push(
				`- Waiting for a result: [${md(d.title)}](${d.url}), measure by ${d.measure_by} (${late(d.days_late)})`,
			);
		for (const o of owner.overdue)
			lines.push(
				`- Overdue step: ${md(o.step)}, due ${o.due} (${late(o.days_late)}), from [${md(o.title)}](${o.url})`,
			);
	}
	return lines.join('\n');
}

/**
 * One `::warning` workflow command per item, on the line of the field to update, so a scheduled
 * job or a pull request shows the nag in the entry's file. `lineOf` finds that line; `prefix` is
 * the content root relative to the working directory (e.g. `content/`).
 */
export function formatFollowUpsGithub(
	report: FollowUpReport,
	lineOf: (file: string, field: string) => number,
	prefix = '',
): string {
	const command = (item: EntryRef, owner: OwnerRecord, title: string, message: string) =>
		formatGithubCommand({
			severity: 'warning',
			file: prefix + item.file,
			line: lineOf(item.file, item.field),
			title: `${title} (${owner.name})`,
			message: `${message} ${item.url}`,
		});
	return report.owners
		.flatMap((owner) => [
			...owner.due.map((d) =>
				command(
					d,
					owner,
					'Follow-up due',
					`"${d.title}" is ${d.status}: its result was due by ${d.measure_by} (${late(d.days_late)}). Add the "after" numbers and update the status.`,
				),
			),
			...owner.overdue.map((o) =>
				command(
					o,
					owner,
					'Overdue next step',
					`"${o.step}" was due ${o.due} (${late(o.days_late)}). Mark it done: true or move the date.`,
				),
			),
		])
		.join('\n');
}
