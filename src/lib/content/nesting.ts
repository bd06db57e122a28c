/**
 * How deeply a body nests block quotes, lists and raw HTML. Markdown parsers take time that grows
 * faster than the body with each level, so a few hundred nested `>` stall a build, and Astro's
 * markdown processor refuses a tree deeper than it can hand to its plugins, with a stack trace. So
 * a body may nest only so deep: one file must not be able to stall or crash a build. The check
 * runs before the build renders anything, so no body over the limit reaches the processor.
 */
import type { LoadedJournal, SourceDoc } from './load.ts';
import type { Problem } from './problems.ts';

/** Far deeper than any write-up needs, and well inside what the processor accepts. */
export const MAX_NESTING = 32;

/** A block quote marker or list marker, after any spaces, where the last one ended. */
const CONTAINER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/** The spaces and tabs that indent a line. */
const INDENT = /^[ \t]*/;

/** A line that opens or closes a fenced code block (up to three spaces, then ``` or ~~~). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A line that could nest too deeply: it starts with at least half of MAX_NESTING + 1 characters
 * that are indentation or markers, since a marker adds at most one level a character and
 * indentation at most two (a tab is four columns, a level every two).
 */
const MAYBE_DEEP = new RegExp(`^[ \\t>*+\\-0-9.)]{${Math.ceil((MAX_NESTING + 1) / 2)}}`, 'm');

/** An HTML start or end tag; group 1 is `/` for an end tag, group 2 the name, group 3 `/` if self-closing. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(\/?)>/g;

/** Elements that never hold others, so they never add a level. */
const VOID = new Set(
	'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/**
 * How many block quotes and lists a line sits in, counted up to one past the limit: its markers,
 * plus one level for every two columns it is indented by (a list nested by indentation alone).
 */
export function nestingOf(line: string): number {
	CONTAINER.lastIndex = 0;
	let depth = 0;
	while (depth <= MAX_NESTING && CONTAINER.test(line)) depth++;
	if (depth === 0) return 0;
	const indent = INDENT.exec(line)![0].replace(/\t/g, '    ').length;
	return depth + Math.floor(indent / 2);
}

/** The first line of each body that nests deeper than MAX_NESTING. */
export function findDeepNesting(journal: LoadedJournal): Problem[] {
	return [...journal.features, ...journal.entries].flatMap((doc) => findInBody(doc));
}

function findInBody(doc: SourceDoc<unknown>): Problem[] {
	const deep = deepestLine(doc.body ?? '');
	if (!deep) return [];
	return [
		{
			file: doc.file,
			line: (doc.bodyLine ?? 1) + deep.at,
			field: null,
			severity: 'error',
			message:
				deep.what === 'html'
					? `the body nests HTML elements more than ${MAX_NESTING} deep here; close some elements, or use markdown instead.`
					: `the body nests block quotes or lists more than ${MAX_NESTING} deep here; flatten the quote or list to at most ${MAX_NESTING} levels.`,
		},
	];
}

/** The index of the first line (outside fenced code) that nests too deeply, and how. */
function deepestLine(body: string): { at: number; what: 'containers' | 'html' } | undefined {
	// Most bodies hold fewer tags than the limit, and then need no tag counting at all; most have
	// no line that could nest too deeply either, and then need no reading line by line.
	const countTags = (body.match(/</g)?.length ?? 0) > MAX_NESTING;
	if (!countTags && !MAYBE_DEEP.test(body)) return undefined;
	let fence: string | undefined;
	let open = 0;
	const lines = body.split('\n');
	for (let at = 0; at < lines.length; at++) {
		const line = lines[at]!;
		const marker = FENCE.exec(line)?.[1];
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			continue;
		}
		if (marker) {
			fence = marker;
			continue;
		}
		if (nestingOf(line) > MAX_NESTING) return { at, what: 'containers' };
		if (!countTags) continue;
		for (const [, end, name, selfClosing] of line.matchAll(TAG)) {
			if (selfClosing || VOID.has(name!.toLowerCase())) continue;
			open = end ? Math.max(0, open - 1) : open + 1;
			if (open > MAX_NESTING) return { at, what: 'html' };
		}
	}
	return undefined;
}
