/**
 * YAML parsing that remembers where each key is, so that a problem can name its line.
 * Used for .yml files and for frontmatter; the `yaml` package keeps dates as strings (YAML 1.2),
 * so an impossible date stays visible instead of rolling over to the next month.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseYamlQuickly } from './quick-yaml.ts';

/** Field path (`metrics.1.method`) → 1-based line in the file. */
export type LineMap = Map<string, number>;

export interface ParsedYaml {
	data: unknown;
	lines: LineMap;
	/** Syntax errors with their 1-based line. */
	errors: { line: number; message: string }[];
}

/**
 * Parses `text`, whose first line is line `firstLine` of the file it came from. The common plain
 * file takes the quick path (quick-yaml.ts); the rest, and every error, are read here.
 */
export function parseYamlWithLines(text: string, firstLine = 1): ParsedYaml {
	return parseYamlQuickly(text, firstLine) ?? parseYamlCarefully(text, firstLine);
}

/** The `yaml` package's reading: every corner of YAML, and well-worded errors. */
export function parseYamlCarefully(text: string, firstLine = 1): ParsedYaml {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
	const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
	const errors = doc.errors.map((e) => ({
		line: lineAt(e.pos[0]),
		message: e.message.split('\n')[0] ?? e.message,
	}));
	const lines: LineMap = new Map();
	if (errors.length === 0) collectLines(doc.contents, [], lines, lineAt);
	return { data: errors.length ? undefined : doc.toJS(), lines, errors };
}

function collectLines(
	node: Node | null,
	path: string[],
	lines: LineMap,
	lineAt: (offset: number) => number,
): void {
	if (!node) return;
	if (isMap(node)) {
		for (const pair of node.items) {
			if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
			const keyPath = [...path, String(pair.key.value)];
			lines.set(keyPath.join('.'), lineAt(pair.key.range[0]));
			collectLines(pair.value as Node | null, keyPath, lines, lineAt);
		}
	} else if (isSeq(node)) {
		node.items.forEach((item, index) => {
			const itemPath = [...path, String(index)];
			const range = (item as Node | null)?.range;
			if (range) lines.set(itemPath.join('.'), lineAt(range[0]));
			collectLines(item as Node | null, itemPath, lines, lineAt);
		});
	}
}

/** The line of `path`, or of its nearest ancestor that has one, or `fallback`. */
export function lineOf(lines: LineMap, path: readonly PropertyKey[], fallback = 1): number {
	for (let end = path.length; end > 0; end--) {
		const line = lines.get(path.slice(0, end).map(String).join('.'));
		if (line !== undefined) return line;
	}
	return fallback;
}
