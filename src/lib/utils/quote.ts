/**
 * The one way a message quotes user input: a value from a content file can be a megabyte long,
 * or the text of whatever a symlink pointed at, so messages show a short excerpt of it.
 */

/** Characters of a value that a message shows at most. */
export const QUOTE_LIMIT = 50;

/** `value` double-quoted on one line, cut to {@link QUOTE_LIMIT} characters ending in "…". */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : String(value);
	// JSON escapes quotes, newlines and control characters, so the excerpt stays on one line.
	return JSON.stringify(cut(text, QUOTE_LIMIT));
}

/** The first line of a library's message (a parser's), cut to a readable length. */
export function excerpt(message: string, limit = 200): string {
	return cut(message.split('\n')[0] ?? '', limit);
}

/** `text` cut to `limit` characters (not UTF-16 units, so no emoji is split), "…" marking the cut. */
function cut(text: string, limit: number): string {
	const chars: string[] = [];
	for (const char of text) {
		if (chars.length === limit) return `${chars.slice(0, -1).join('')}…`;
		chars.push(char);
	}
	return text;
}
