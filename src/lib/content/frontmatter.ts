/**
 * Splits a markdown file into its YAML frontmatter and its body. Strict on purpose: the block
 * opens with a `---` line on line 1 and closes with the next `---` line, so an unclosed block is
 * reported instead of swallowing the body (or being read as no frontmatter at all).
 */

export type Split =
	| { yaml: string; body: string; bodyLine: number }
	| { error: string; line: number; yaml?: undefined };

const DELIMITER = /^---[ \t]*$/;

/** `text` has LF line endings and no byte-order mark (see files.ts). */
export function splitFrontmatter(text: string): Split {
	const lines = text.split('\n');
	if (!DELIMITER.test(lines[0] ?? ''))
		return {
			error:
				'missing frontmatter: the file must start with a "---" line, then YAML fields, then "---".',
			line: 1,
		};
	const close = lines.findIndex((line, i) => i > 0 && DELIMITER.test(line));
	if (close === -1)
		return {
			error:
				'the frontmatter that opens on line 1 is never closed; add a line with only "---" after the last field.',
			line: 1,
		};
	return {
		yaml: lines.slice(1, close).join('\n'),
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2,
	};
}
