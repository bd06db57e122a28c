/**
 * The one way a message quotes user input: a value from a content file can be a megabyte long,
 * or the text of whatever a symlink pointed at, so messages show a short excerpt of it.
 */

/** Characters of a value that a message shows at most. */
export const QUOTE_LIMIT = 50;

/** `value` double-quoted on one line, cut to {@link QUOTE_LIMIT} characters ending in "…". */
export function quote(value: unknown): string {
	return quoted(cut(typeof value === 'string' ? value : String(value), QUOTE_LIMIT));
}

/**
 * A path quoted as {@link quote} quotes a value, but cut at its start: the end of a path (the
 * file's name) is what says which file it is.
 */
export function quotePath(path: string): string {
	return quoted(cut(path, QUOTE_LIMIT, 'start'));
}

/** `excerpt` double-quoted on one line. */
function quoted(excerpt: string): string {
	// JSON escapes quotes, newlines and C0 controls, so the excerpt stays on one line.
	return showControls(JSON.stringify(excerpt));
}

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every control character written as an escape (`\n`, `\u001b`), so that printing
 * it cannot move the cursor, retitle or clear a terminal, or start a new line.
 */
export function showControls(text: string): string {
	return text.replace(CONTROL, (c) => SHORT_ESCAPES[c] ?? `\\u${codePointHex(c).toLowerCase()}`);
}

/** `U+001B`: how a message names a character. */
export function codePoint(char: string): string {
	return `U+${codePointHex(char)}`;
}

function codePointHex(char: string): string {
	return char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/** The first line of a library's message (a parser's), cut to a readable length. */
export function excerpt(message: string, limit = 200): string {
	return cut(message.split('\n')[0] ?? '', limit);
}

/**
 * `text` cut to `limit` characters (not UTF-16 units, so no emoji is split), "…" marking the cut:
 * its end is cut off, or with `from` 'start', its start.
 */
function cut(text: string, limit: number, from: 'start' | 'end' = 'end'): string {
	if (from === 'start') {
		const chars = [...text];
		return chars.length <= limit ? text : `…${chars.slice(1 - limit).join('')}`;
	}
	// Reads no further than the cut: a value may be a megabyte long.
	const chars: string[] = [];
	for (const char of text) {
		if (chars.length === limit) return `${chars.slice(0, -1).join('')}…`;
		chars.push(char);
	}
	return text;
}
