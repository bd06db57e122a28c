/** The checker's three output formats; the build prints the text one. */
import { countBySeverity, type Problem } from './problems.ts';

export const FORMATS = ['text', 'json', 'github'] as const;
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
