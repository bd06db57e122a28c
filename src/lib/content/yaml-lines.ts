/**
 * YAML parsing that remembers where each key is, so that a problem can name its line.
 * Used for .yml files and for frontmatter; the `yaml` package keeps dates as strings (YAML 1.2),
 * so an impossible date stays visible instead of rolling over to the next month, and a year such
 * as 0099 stays 0099.
 */
import type * as Yaml from 'yaml';
import { loadOnUse } from '../utils/load-on-use.ts';
import { excerpt } from '../utils/quote.ts';
import { numberProblem } from './numbers.ts';
import { toFieldPath } from './problems.ts';
import type { ParsedYaml, YamlError } from './parsed-yaml.ts';
import { parseYamlQuickly } from './quick-yaml.ts';

/**
 * Aliases (`*name`) a document may expand. The `yaml` package's default; more than that is how a
 * "billion laughs" file makes a few hundred bytes take gigabytes.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses `text`, whose first line is line `firstLine` of the file it came from. Never throws:
 * whatever the parser rejects comes back as an error with its line.
 * Most files take the quick path (quick-yaml.ts); the rest, and every error, are read here.
 */
export function parseYamlWithLines(text: string, firstLine = 1): ParsedYaml {
	return parseYamlQuickly(text, firstLine) ?? parseYamlCarefully(text, firstLine);
}

/** The `yaml` package, loaded only for a file that the quick path leaves. */
const yaml = loadOnUse<typeof Yaml>('yaml');

/** The `yaml` package's reading: every corner of YAML, and well-worded errors. */
export function parseYamlCarefully(text: string, firstLine = 1): ParsedYaml {
	const { LineCounter, parseDocument, visit } = yaml();
	const counter = new LineCounter();
	const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
	const lines = new Map<string, number>();
	const failed = (errors: YamlError[]): ParsedYaml => ({ data: undefined, lines, errors });
	let doc;
	try {
		doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
	} catch (err) {
		return failed([{ line: firstLine, field: null, message: unreadable(err) }]);
	}
	// Warnings (an unknown tag such as `!foo`) would otherwise drop part of a value silently.
	const syntax = [...doc.errors, ...doc.warnings].map((e) => ({
		line: lineAt(e.pos[0]),
		field: null,
		message: `YAML syntax error: ${excerpt(e.message)}`,
	}));
	if (syntax.length) return failed(syntax);
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (err) {
		let line = firstLine;
		visit(doc, {
			Alias(_, node) {
				if (node.range) line = lineAt(node.range[0]);
				return visit.BREAK;
			},
		});
		const aliases = err instanceof ReferenceError && /alias/i.test(err.message);
		return failed([
			{
				line,
				field: null,
				message: aliases
					? `YAML aliases (*name) expand to too much data (more than ${MAX_ALIAS_COUNT} uses); write the values out.`
					: unreadable(err),
			},
		]);
	}
	const errors: YamlError[] = [];
	collect(doc.contents, [], lines, lineAt, errors);
	return errors.length ? failed(errors) : { data, lines, errors };
}

function unreadable(err: unknown): string {
	return `the YAML cannot be read: ${excerpt(err instanceof Error ? err.message : String(err))}`;
}

/** Records the line of every key and item, and checks every number on the way. */
function collect(
	node: Yaml.Node | null,
	path: (string | number)[],
	lines: Map<string, number>,
	lineAt: (offset: number) => number,
	errors: YamlError[],
): void {
	const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
	if (!node || isAlias(node)) return;
	if (isMap(node)) {
		for (const pair of node.items) {
			if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
			const keyPath = [...path, String(pair.key.value)];
			lines.set(keyPath.join('.'), lineAt(pair.key.range[0]));
			collect(pair.value as Yaml.Node | null, keyPath, lines, lineAt, errors);
		}
	} else if (isSeq(node)) {
		node.items.forEach((item, index) => {
			const itemPath = [...path, index];
			const range = (item as Yaml.Node | null)?.range;
			if (range) lines.set(itemPath.join('.'), lineAt(range[0]));
			collect(item as Yaml.Node | null, itemPath, lines, lineAt, errors);
		});
	} else if (isScalar(node) && typeof node.value === 'number') {
		const problem = numberProblem(node.source ?? String(node.value), node.value);
		if (problem)
			errors.push({
				line: node.range ? lineAt(node.range[0]) : 1,
				field: toFieldPath(path),
				message: problem,
			});
	}
}
