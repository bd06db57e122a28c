/**
 * The quick reading of YAML, for the common file. The `yaml` package (yaml-lines.ts) reads every
 * corner of YAML and words its errors well, but is several times slower than js-yaml on a typical
 * frontmatter, and a large journal's check reads thousands. js-yaml, which Astro's own loader uses
 * for the same frontmatter, reports where each key and item starts through its listener, so
 * problems still name their line.
 *
 * Plain scalars resolve by the `yaml` package's YAML 1.2 core rules (CORE_SCALARS below), so the
 * two read a document alike. Anything js-yaml rejects, what the two treat differently by design
 * (anchors and aliases, tags, explicit keys, directives, merge keys, keys that are not strings),
 * and any number that cannot be kept exactly, is left to the careful parser, so that errors and
 * odd files are always explained the same way. Tests hold this reading equal to the careful one.
 */
import type * as JsYaml from 'js-yaml';
import { loadOnUse } from '../utils/load-on-use.ts';
import { numberProblem } from './numbers.ts';
import type { LineMap, ParsedYaml } from './parsed-yaml.ts';

interface CoreScalar {
	tag: 'null' | 'bool' | 'int' | 'float';
	test: RegExp;
	construct: (text: string) => unknown;
}

const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/**
 * How a plain (unquoted) scalar resolves: the `yaml` package's YAML 1.2 core schema
 * (yaml/dist/schema/core), tried in this order; a plain scalar that matches none is a string.
 * js-yaml's own core schema is YAML 1.1's (dates become Date objects, `0099` an octal).
 */
const CORE_SCALARS: readonly CoreScalar[] = [
	{ tag: 'null', test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null },
	{
		tag: 'bool',
		test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
		construct: (s) => s[0] === 't' || s[0] === 'T',
	},
	{
		tag: 'int',
		test: /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
		construct: (s) =>
			s.startsWith('0o')
				? parseInt(s.slice(2), 8)
				: s.startsWith('0x')
					? parseInt(s.slice(2), 16)
					: parseInt(s, 10),
	},
	{
		tag: 'float',
		test: new RegExp(`${FLOAT.source}|${INFINITY.source}|${NAN.source}`),
		construct: (s) =>
			NAN.test(s) ? NaN : INFINITY.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
	},
];

/** Set when a number cannot be kept as written: the careful parser then reports it. */
let inexact = false;

/** js-yaml, loaded the first time a file is read. */
const jsYaml = loadOnUse<typeof JsYaml>('js-yaml');

let coreSchema: JsYaml.Schema | undefined;

/** The core schema's scalars, as js-yaml types. */
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

/** js-yaml's reading of `text` with the tree of nodes its listener saw, or undefined to decline. */
function readWithNodes(text: string): { data: unknown; root: SeenNode | undefined } | undefined {
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
	return { data, root: top.children[0] };
}

/**
 * Parses YAML with the line of each key and item (as yaml-lines.ts does), or returns undefined
 * when the careful parser should read `text` instead. `firstLine` is the line of the file that
 * `text` starts on.
 */
export function parseYamlQuickly(text: string, firstLine = 1): ParsedYaml | undefined {
	if (UNUSUAL.test(text)) return undefined;
	const read = readWithNodes(text);
	if (!read || (read.root && !collectLines(read.root, '', undefined, firstLine))) return undefined;
	// Most files have no problem to place on a line, so their lines are found when first asked for.
	const lines = new LinesOnDemand(() => {
		const map = new Map<string, number>();
		const root = readWithNodes(text)?.root;
		if (root) collectLines(root, '', map, firstLine);
		return map;
	});
	// An empty document: js-yaml says undefined where the `yaml` package says null.
	return { data: read.data ?? null, lines, errors: [] };
}

/**
 * A line map made the first time it is read, by reading the text again: a map of every key and
 * item of every file, kept for the whole check, was a large share of a big journal's memory.
 */
class LinesOnDemand implements LineMap {
	#map: Map<string, number> | undefined;
	readonly #make: () => Map<string, number>;

	constructor(make: () => Map<string, number>) {
		this.#make = make;
	}

	get #lines(): Map<string, number> {
		return (this.#map ??= this.#make());
	}

	get size() {
		return this.#lines.size;
	}
	get(path: string) {
		return this.#lines.get(path);
	}
	has(path: string) {
		return this.#lines.has(path);
	}
	forEach(fn: (line: number, path: string, map: LineMap) => void): void {
		this.#lines.forEach((line, path) => fn(line, path, this));
	}
	entries() {
		return this.#lines.entries();
	}
	keys() {
		return this.#lines.keys();
	}
	values() {
		return this.#lines.values();
	}
	[Symbol.iterator]() {
		return this.#lines[Symbol.iterator]();
	}
}

/** Space and comments before a node's first character. */
const LEADING = /(?:\s|#.*)*/y;

/**
 * A quoted scalar or a flow collection over several lines: js-yaml accepts continuation lines
 * that YAML (and the careful parser) requires to be indented more.
 */
function isMultiLineFlow(text: string, offset: number, end: number): boolean {
	// Most nodes sit on one line: the cheap test first.
	if (text.lastIndexOf('\n', end - 1) < offset) return false;
	LEADING.lastIndex = offset;
	LEADING.test(text);
	const start = LEADING.lastIndex;
	return '"\'[{'.includes(text[start] ?? ' ') && text.lastIndexOf('\n', end - 1) >= start;
}

/**
 * Records each key's and item's line under its dotted path in `lines`, if given; false when the
 * nodes seen do not account for the result one to one (an empty sequence item has no node of its
 * own), or a key is not a plain string.
 */
function collectLines(
	node: SeenNode,
	path: string,
	lines: Map<string, number> | undefined,
	firstLine: number,
): boolean {
	// js-yaml opens a flow collection that is a block sequence's item twice, one node in the other.
	while (node.children.length === 1 && isSameCollection(node, node.children[0]))
		node = node.children[0]!;
	const at = (key: string) => (lines ? (path ? `${path}.${key}` : key) : '');
	const { children, result } = node;
	if (node.kind === 'mapping') {
		if (children.length !== 2 * Object.keys(result as object).length) return false;
		for (let i = 0; i < children.length; i += 2) {
			const key = children[i]!.result;
			if (typeof key !== 'string' || key === '__proto__') return false;
			lines?.set(at(key), children[i]!.line + firstLine);
			if (!collectLines(children[i + 1]!, at(key), lines, firstLine)) return false;
		}
	} else if (node.kind === 'sequence') {
		if (children.length !== (result as unknown[]).length) return false;
		for (const [index, item] of children.entries()) {
			lines?.set(at(String(index)), item.line + firstLine);
			if (!collectLines(item, at(String(index)), lines, firstLine)) return false;
		}
	}
	return true;
}

function isSameCollection(node: SeenNode, child: SeenNode | undefined): boolean {
	return typeof node.result === 'object' && node.result !== null && child?.result === node.result;
}
