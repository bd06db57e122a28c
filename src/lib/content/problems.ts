/** Problems found in a journal, and the three ways the checker prints them. */

export type Severity = 'error' | 'warning';

/** One thing wrong (or worth a look) in one file. */
export interface Problem {
	/** Path relative to the content root, with `/` separators. */
	file: string;
	/** 1-based line of the offending key (1 for a whole-file problem). */
	line: number;
	/** Field path such as `metrics[1].method`, or null for the whole file. */
	field: string | null;
	severity: Severity;
	/** What is wrong and what was expected. */
	message: string;
}

/** `['metrics', 1, 'method']` → `metrics[1].method`. */
export function toFieldPath(path: readonly PropertyKey[]): string | null {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out || null;
}

/** Errors first, then by file and line, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			a.line - b.line ||
			(a.field ?? '').localeCompare(b.field ?? '') ||
			a.message.localeCompare(b.message),
	);
}

export function countBySeverity(problems: readonly Problem[]) {
	const errors = problems.filter((p) => p.severity === 'error').length;
	return { errors, warnings: problems.length - errors };
}
