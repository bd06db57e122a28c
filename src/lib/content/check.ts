/** The whole validation that both `npm run check` and the build run. */
import { isDueForFollowUp, isOverdue, measureBy } from '../facts/entry.ts';
import { daysBetween, LAST_DATE } from '../utils/dates.ts';
import { quote } from '../utils/quote.ts';
import { findBrokenImages } from './images.ts';
import { findBrokenLinks } from './links.ts';
import { loadJournal, type LoadedJournal } from './load.ts';
import { findDeepNesting } from './nesting.ts';
import { sortProblems, type Problem } from './problems.ts';
import { lineOf } from './yaml-lines.ts';

export interface CheckResult {
	journal: LoadedJournal;
	/** Sorted by file and line. */
	problems: Problem[];
}

/** Loads the journal at `root` and reports every error and follow-up warning. */
export function checkJournal(root: string, today: string): CheckResult {
	const journal = loadJournal(root);
	const problems = [
		...journal.problems,
		...findBrokenLinks(journal),
		...findBrokenImages(journal),
		...findDeepNesting(journal),
		...findForbiddenMdx(journal),
		...findFollowUps(journal, today),
		...findDatesPastTheEnd(journal),
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
