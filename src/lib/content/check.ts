/** The whole validation that both `npm run check` and the build run. */
import { isDueForFollowUp, isOverdue, measureBy } from '../facts/entry.ts';
import { findBrokenLinks } from './links.ts';
import { loadJournal, type LoadedJournal } from './load.ts';
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
		...findFollowUps(journal, today),
	];
	return { journal, problems: sortProblems(problems) };
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
					`overdue since ${step.due}: "${step.step}"${step.owner ? ` (owner: ${step.owner})` : ''}. Mark it done: true or move the date.`,
				);
			}
		});
	}
	return problems;
}
