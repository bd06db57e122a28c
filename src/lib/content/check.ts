/** The whole validation that both `npm run check` and the build run. */
import { getDelta } from './delta.ts';
import { isDueForFollowUp, isOverdue, measureBy } from './follow-up.ts';
import { daysBetween, LAST_DATE } from '../utils/dates.ts';
import { quote } from '../utils/quote.ts';
import { findBrokenImages } from './images.ts';
import { findBrokenLinks } from './links.ts';
import { loadJournal, type LoadedJournal } from './load.ts';
import { findDeepNesting } from './nesting.ts';
import { sortProblems, toFieldPath, type Problem } from './problems.ts';
import { lineOf } from './parsed-yaml.ts';
import type { ParseCache } from './parse-cache.ts';

export interface CheckResult {
	journal: LoadedJournal;
	/** Sorted by file and line. */
	problems: Problem[];
}

/**
 * Loads the journal at `root` and reports every error and follow-up warning. With a `cache`, files
 * read the same way last time are not read again; the caller then keeps this run's readings for
 * the next with `cache.save()`, before anything else can change the data.
 */
export function checkJournal(root: string, today: string, cache?: ParseCache): CheckResult {
	const journal = loadJournal(root, cache);
	const problems = [
		...journal.problems,
		...findBrokenLinks(journal),
		...findBrokenImages(journal),
		...findDeepNesting(journal),
		...findForbiddenMdx(journal),
		...findFollowUps(journal, today),
		...findDatesPastTheEnd(journal),
		...findUnlikelyValues(journal, today),
	];
	return { journal, problems: sortProblems(problems) };
}

/** With `mdx: false` in journal.yml, every `.mdx` entry is an error: MDX runs code at build time. */
function findForbiddenMdx(journal: LoadedJournal): Problem[] {
	if (journal.config.mdx) return [];
	return journal.entries
		.filter((doc) => doc.file.endsWith('.mdx'))
		.map((doc) => ({
			file: doc.file,
			line: 1,
			field: null,
			severity: 'error' as const,
			message:
				'journal.yml sets mdx: false, and .mdx entries run code at build time. Rename the file to .md (imports and components then show as text), or set mdx: true if every author is trusted.',
		}));
}

/** Warnings for entries due for follow-up and next steps past their due date. */
function findFollowUps(journal: LoadedJournal, today: string): Problem[] {
	const days = journal.config.follow_up_days;
	const problems: Problem[] = [];
	for (const doc of journal.entries) {
		const entry = doc.data;
		if (!entry || entry.draft) continue;
		const warn = (path: PropertyKey[], field: string, message: string) =>
			problems.push({
				file: doc.file,
				line: lineOf(doc.lines, path),
				field,
				severity: 'warning',
				message,
			});
		if (isDueForFollowUp(entry, today, days)) {
			const at = entry.measure_by ? 'measure_by' : 'status';
			warn(
				[at],
				at,
				`due for follow-up: status is "${entry.status}" and the result was due by ${measureBy(entry, days)}. Add the "after" numbers and update the status.`,
			);
		}
		entry.next?.forEach((step, i) => {
			if (isOverdue(step, today)) {
				warn(
					['next', i, 'due'],
					`next[${i}].due`,
					`overdue since ${step.due}: ${quote(step.step)}${step.owner ? ` (owner: ${step.owner})` : ''}. Mark it done: true or move the date.`,
				);
			}
		});
	}
	return problems;
}

/** Entries whose default measure_by would be a five-digit year, which no page can show. */
function findDatesPastTheEnd(journal: LoadedJournal): Problem[] {
	const days = journal.config.follow_up_days;
	return journal.entries
		.filter((doc) => doc.data && !doc.data.measure_by)
		.filter((doc) => daysBetween(doc.data!.date, LAST_DATE) < days)
		.map((doc) => ({
			file: doc.file,
			line: lineOf(doc.lines, ['date']),
			field: 'date',
			severity: 'error' as const,
			message: `${doc.data!.date} plus follow_up_days (${days}) is past ${LAST_DATE}, the last date the journal can write; fix the date or set measure_by.`,
		}));
}

/**
 * Values the schema accepts one by one but not together: a change too large to show, which is an
 * error, and dates out of order or in the future, which are warnings (a typo is likely, but not
 * certain).
 */
function findUnlikelyValues(journal: LoadedJournal, today: string): Problem[] {
	const problems: Problem[] = [];
	for (const doc of journal.entries) {
		const entry = doc.data;
		if (!entry) continue;
		const add = (severity: Problem['severity'], path: PropertyKey[], message: string) =>
			problems.push({
				file: doc.file,
				line: lineOf(doc.lines, path),
				field: toFieldPath(path),
				severity,
				message,
			});
		const beforeDate = (field: string, date: string | undefined, path: PropertyKey[]) => {
			if (date !== undefined && date < entry.date)
				add(
					'warning',
					path,
					`${field} ${date} is before the entry's date ${entry.date}; the result cannot be read before the change shipped. Fix either date.`,
				);
		};
		// A draft may be written ahead of the day it ships.
		const future = (date: string | undefined, path: PropertyKey[], fix: string) => {
			if (date !== undefined && date > today && !entry.draft)
				add(
					'warning',
					path,
					`${toFieldPath(path)} ${date} is in the future (today is ${today}); ${fix}`,
				);
		};
		future(entry.date, ['date'], 'write the date the change shipped.');
		beforeDate('measure_by', entry.measure_by, ['measure_by']);
		entry.metrics?.forEach((result, i) => {
			beforeDate('measured_on', result.measured_on, ['metrics', i, 'measured_on']);
			future(
				result.measured_on,
				['metrics', i, 'measured_on'],
				'write the date the "after" was read (measure_by plans a measurement).',
			);
			// The direction does not change the numbers, only the verdict.
			const { absolute, percent } = getDelta(result, { direction: 'up' });
			if (absolute === undefined) return;
			if (!Number.isFinite(absolute) || (percent !== undefined && !Number.isFinite(percent)))
				add(
					'error',
					['metrics', i, 'after'],
					`the change from before (${String(result.before)}) to after (${String(result.after)}) is too large to show, as a difference or in percent; check both numbers.`,
				);
		});
		future(
			entry.verified_by?.on,
			['verified_by', 'on'],
			'write the date the numbers were checked.',
		);
	}
	return problems;
}
