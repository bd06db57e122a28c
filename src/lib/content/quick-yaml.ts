/**
 * The quick reading of plain YAML, for the common file. The `yaml` package (yaml-lines.ts) reads
 * every corner of YAML and words its errors well, but spends about a millisecond on a typical
 * frontmatter: most of `npm run check` on a large journal. js-yaml, which Astro's own loader uses
 * for the same frontmatter, is about ten times quicker, and its listener reports where each key
 * and item starts, so that problems still name their line.
 *
 * Plain scalars resolve by the `yaml` package's own YAML 1.2 core rules (core-scalars.ts), so the two
 * read a document alike. Anything js-yaml rejects, and what the two treat differently by design
 * (anchors and aliases, tags, explicit keys, directives, merge keys, keys that are not strings),
 * and any number that cannot be kept exactly, is left to the careful parser, so that errors and odd files are always explained the same way.
 */
import type * as JsYaml from 'js-yaml';
import { loadOnUse } from '../utils/load-on-use.ts';
import { CORE_SCALARS } from './core-scalars.ts';
import { numberProblem } from './numbers.ts';
import type { ParsedYaml } from './yaml-lines.ts';

/** Set when a number cannot be kept as written: the careful parser then reports it. */
let inexact = false;

/** js-yaml, loaded only for a file that the plain reader (plain-yaml.ts) leaves. */
const jsYaml = loadOnUse<typeof JsYaml>('js-yaml');

let coreSchema: JsYaml.Schema | undefined;

/** The core schema's scalars (core-scalars.ts), as js-yaml types. */
function getCoreSchema(): JsYaml.Schema {
	const { FAILSAFE_SCHEMA, Type } = jsYaml();
	return (coreSchema ??= FAILSAFE_SCHEMA.extend({
		implicit: CORE_SCALARS.map(
			({ tag, test, construct }) =>
				new Type(`tag:yaml.org,2002:${tag}`, {
					kind: 'scalar',
					resolve: (text: unknown) => typeof text === 'string' && test.test(text),
					construct: (text: string) => {
						const value = construct(text);
						if (typeof value === 'number' && numberProblem(text, value)) inexact = true;
						return value;
					},
				}),
		),
	}));
}

/**
 * `&anchor`, `*alias`, `!tag`, `? key` and `%directive` where a token may start, and `<<`.
 * Over-matching (an "R & D" in a title) only costs time.
 */
const UNUSUAL = /(?:^|[\s[{,])[&*!?%]|<</m;

/** What the listener saw of one node: where it opened, then what it turned out to be. */
interface SeenNode {
	line: number;
	/** Offset in the text where the node opened (before the space that leads to it). */
	offset: number;
	kind: string | null;
	result: unknown;
	children: SeenNode[];
}

/**
 * Parses plain YAML with the line of each key and item (as yaml-lines.ts does), or returns
 * undefined when the careful parser should read `text` instead. `firstLine` is the line of the
 * file that `text` starts on.
 */
export function parseYamlQuickly(text: string, firstLine = 1): ParsedYaml | undefined {
	if (UNUSUAL.test(text)) return undefined;
	const top: SeenNode = { line: 0, offset: 0, kind: null, result: null, children: [] };
	let lenient = false;
	inexact = false;
	const open: SeenNode[] = [top];
	let data: unknown;
	try {
		data = jsYaml().load(text, {
			schema: getCoreSchema(),
			listener(event: 'open' | 'close', state: JsYaml.State) {
				if (event === 'open') {
					const { line, position: offset } = state;
					const node: SeenNode = { line, offset, kind: null, result: null, children: [] };
					open.at(-1)!.children.push(node);
					open.push(node);
				} else {
					const node = open.pop()!;
					node.kind = state.kind;
					node.result = state.result;
					lenient ||= isMultiLineFlow(text, node.offset, state.position);
				}
			},
		});
	} catch {
		return undefined;
	}
	if (lenient || inexact) return undefined;
	const lines = new Map<string, number>();
	const root = top.children[0];
	if (root && !collectLines(root, '', lines, firstLine)) return undefined;
	// An empty document: js-yaml says undefined where the `yaml` package says null.
	return { data: data ?? null, lines, errors: [] };
}

/** Space and comments before a node's first character. */
const LEADING = /(?:\s|#.*)*/y;

/**
 * A quoted scalar or a flow collection over several lines: js-yaml accepts continuation lines
 * that YAML (and the careful parser) requires to be indented more.
 */
function isMultiLineFlow(text: string, offset: number, end: number): boolean {
	LEADING.lastIndex = offset;
	LEADING.test(text);
	const start = LEADING.lastIndex;
	return '"\'[{'.includes(text[start] ?? ' ') && text.lastIndexOf('\n', end - 1) >= start;
}

/**
 * Records each key's and item's line under its dotted path; false when the nodes seen do not
 * account for the result one to one (an empty sequence item has no node of its own), or a key is
 * not a plain string.
 */
function collectLines(
	node: SeenNode,
	path: string,
	lines: Map<string, number>,
	firstLine: number,
): boolean {
	const at = (key: string) => (path ? `${path}.${key}` : key);
	const { children, result } = node;
	if (node.kind === 'mapping') {
		if (children.length !== 2 * Object.keys(result as object).length) return false;
		for (let i = 0; i < children.length; i += 2) {
			const key = children[i]!.result;
			if (typeof key !== 'string' || key === '__proto__') return false;
			lines.set(at(key), children[i]!.line + firstLine);
			if (!collectLines(children[i + 1]!, at(key), lines, firstLine)) return false;
		}
	} else if (node.kind === 'sequence') {
		if (children.length !== (result as unknown[]).length) return false;
		for (const [index, item] of children.entries()) {
			lines.set(at(String(index)), item.line + firstLine);
			if (!collectLines(item, at(String(index)), lines, firstLine)) return false;
		}
	}
	return true;
}
