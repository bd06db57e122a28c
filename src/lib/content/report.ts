/** The checker's output formats; the build prints the text one. */
import { countBySeverity, type Problem } from './problems.ts';

export const FORMATS = ['text', 'compact', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Problems grouped by file, one line each, then a count. */
export function formatText(problems: readonly Problem[]): string {
	const lines: string[] = [];
	let file: string | undefined;
	for (const p of problems) {
		if (p.file !== file) {
			if (file !== undefined) lines.push('');
			lines.push(p.file);
			file = p.file;
		}
		const where = `line ${p.line}`.padEnd(8);
		lines.push(`  ${p.severity.padEnd(7)} ${where} ${p.field ? `${p.field}: ` : ''}${p.message}`);
	}
	if (lines.length) lines.push('');
	lines.push(summarize(problems));
	return lines.join('\n');
}

/**
 * One problem a line as `path:line:column: severity field: message`, the form that terminals and
 * editors turn into links, then the count. `column` gives the 1-based column of a problem's
 * field on its line; `prefix` is the content root relative to the working directory.
 */
export function formatCompact(
	problems: readonly Problem[],
	column: (problem: Problem) => number,
	prefix = '',
): string {
	const lines = problems.map(
		(p) =>
			`${prefix}${p.file}:${p.line}:${column(p)}: ${p.severity} ${p.field ? `${p.field}: ` : ''}${p.message}`,
	);
	return [...lines, summarize(problems)].join('\n');
}

/**
 * The 1-based column where `field` (`metrics[0].after`, `tags[1]`) is written on `line`: its key,
 * or for a list item on a line of its own, the line's first character that is not a space or `-`.
 */
export function columnOf(line: string, field: string | null): number {
	const key = field?.replace(/(?:\[\d+\])+$/, '').match(/(?:^|\.)([^.[\]]+)$/)?.[1];
	if (key) {
		const at = new RegExp(`(?:^|[\\s{,])(${escapeRegExp(key)})\\s*:`).exec(line);
		if (at) return at.index + at[0].indexOf(key) + 1;
	}
	return (/[^\s-]/.exec(line)?.index ?? 0) + 1;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function summarize(problems: readonly Problem[]): string {
	const { errors, warnings } = countBySeverity(problems);
	if (errors + warnings === 0) return 'No problems found.';
	const files = new Set(problems.map((p) => p.file)).size;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}

export function formatJson(problems: readonly Problem[]): string {
	return JSON.stringify(
		problems.map(({ file, line, field, severity, message }) => ({
			file,
			line,
			field,
			severity,
			message,
		})),
		null,
		2,
	);
}

/**
 * GitHub Actions workflow commands, so problems show up on the pull request's diff.
 * `prefix` is the content root relative to the repository (e.g. `content/`).
 */
export function formatGithub(problems: readonly Problem[], prefix = ''): string {
	return problems
		.map((p) =>
			formatGithubCommand({
				severity: p.severity,
				file: prefix + p.file,
				line: p.line,
				title: p.field ?? undefined,
				message: p.message,
			}),
		)
		.join('\n');
}

/** One `::error` or `::warning` workflow command, its properties and message escaped. */
export function formatGithubCommand(c: {
	severity: Problem['severity'];
	file: string;
	line: number;
	title?: string;
	message: string;
}): string {
	const title = c.title ? `,title=${escapeProperty(c.title)}` : '';
	return `::${c.severity} file=${escapeProperty(c.file)},line=${c.line}${title}::${escapeData(c.message)}`;
}

function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
