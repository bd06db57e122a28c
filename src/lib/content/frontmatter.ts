/**
 * Splits a markdown file into its YAML frontmatter and its body. Strict on purpose: the block
 * opens with a `---` line on line 1 and closes with the next `---` line, so an unclosed block is
 * reported instead of swallowing the body (or being read as no frontmatter at all).
 */

export type Split =
	| { yaml: string; body: string; bodyLine: number }
	| { error: string; line: number; yaml?: undefined };

const DELIMITER = /^---[ \t]*$/;

/**
 * `text` has LF line endings and no byte-order mark (see files.ts). Found by searching rather than
 * by splitting into lines, as the body (most of the text) is kept whole.
 */
export function splitFrontmatter(text: string): Split {
	const firstEnd = text.indexOf('\n');
	const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
	if (!DELIMITER.test(firstLine)) return { error: missingFrontmatter(text, firstLine), line: 1 };
	for (let at = text.indexOf('\n---', firstEnd); firstEnd !== -1 && at !== -1;) {
		const start = at + 1;
		const end = text.indexOf('\n', start);
		if (DELIMITER.test(end === -1 ? text.slice(start) : text.slice(start, end))) {
			let newlines = 0;
			for (let i = firstEnd; i !== -1 && i < start; i = text.indexOf('\n', i + 1)) newlines++;
			return {
				yaml: text.slice(firstEnd + 1, Math.max(firstEnd + 1, at)),
				body: end === -1 ? '' : text.slice(end + 1),
				bodyLine: newlines + 2,
			};
		}
		at = text.indexOf('\n---', start);
	}
	return {
		error:
			'the frontmatter that opens on line 1 is never closed; add a line with only "---" after the last field.',
		line: 1,
	};
}

/** Why the file has no frontmatter, with what most likely went wrong when it can be seen. */
function missingFrontmatter(text: string, firstLine: string): string {
	const rule = 'the file must start with a "---" line, then YAML fields, then "---"';
	if (/^\+\+\+\s*$/.test(firstLine))
		return `missing frontmatter: TOML frontmatter (+++) is not read; ${rule}.`;
	if (!firstLine.trim() && /^---[ \t]*$/m.test(text))
		return `missing frontmatter: ${rule}, and line 1 is empty; remove the empty lines above "---".`;
	return `missing frontmatter: ${rule}.`;
}
