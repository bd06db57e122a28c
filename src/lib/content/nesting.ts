/**
 * How deeply a body nests block quotes and lists. Markdown parsers take time that grows faster
 * than the body with each level (hundreds of nested `>` took minutes to build), so a body may
 * nest only so deep: one file must not be able to stall a build. The check runs before the build
 * renders anything, so no body over the limit reaches Astro's markdown processor.
 */
import type { LoadedJournal, SourceDoc } from './load.ts';
import type { Problem } from './problems.ts';

/** Far deeper than any write-up needs. */
export const MAX_NESTING = 32;

/** A block quote marker or list marker at the start of what is left of a line, and its spaces. */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** How many block quote and list markers open a line, one after another. */
export function nestingOf(line: string): number {
	let depth = 0;
	for (let rest = line, m; (m = CONTAINER.exec(rest)); rest = rest.slice(m[0].length)) depth++;
	return depth;
}

/** The first line of each body that nests deeper than MAX_NESTING. */
export function findDeepNesting(journal: LoadedJournal): Problem[] {
	return [...journal.features, ...journal.entries].flatMap((doc) => findInBody(doc));
}

function findInBody(doc: SourceDoc<unknown>): Problem[] {
	const lines = doc.body?.split('\n') ?? [];
	const at = lines.findIndex((line) => nestingOf(line) > MAX_NESTING);
	if (at === -1) return [];
	return [
		{
			file: doc.file,
			line: (doc.bodyLine ?? 1) + at,
			field: null,
			severity: 'error',
			message: `the body nests ${nestingOf(lines[at]!)} block quotes or lists deep here; at most ${MAX_NESTING} levels are allowed, so flatten the quote or list.`,
		},
	];
}
