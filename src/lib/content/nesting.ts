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

/** A block quote marker or list marker, after any spaces, where the last one ended. */
const CONTAINER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/** How many block quote and list markers open a line, counted up to one past the limit. */
export function nestingOf(line: string): number {
	CONTAINER.lastIndex = 0;
	let depth = 0;
	while (depth <= MAX_NESTING && CONTAINER.test(line)) depth++;
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
			message: `the body nests block quotes or lists more than ${MAX_NESTING} deep here; flatten the quote or list to at most ${MAX_NESTING} levels.`,
		},
	];
}
