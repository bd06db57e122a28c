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
import { LinesOnDemand, type ParsedYaml } from './parsed-yaml.ts';

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

/**
 * The nodes js-yaml's listener saw, in the order they opened: for node `i`, `[2i]` is its line
 * (0-based; `-line - 1` when it is a wrapper, below) and `[2i + 1]` is the index just past its
 * last descendant. Two numbers a node, where a tree of objects was most of a large check's
 * garbage.
 */
type NodeTable = Int32Array;

/** A node the listener has opened and not yet closed. */
interface OpenNode {
	index: number;
	/** Offset in the text where the node opened (before the space that leads to it). */
	offset: number;
	children: number;
	/** The result of its last child; what matters is that of an only child. */
	lastChild: unknown;
	/** A child in a key's place (even position) is not a plain string key. */
	oddKey: boolean;
}

/**
 * Keys that are not strings, `__proto__`, and keys such as "2" that a JavaScript object lists
 * first whatever their place in the file (the line map walks keys in the object's order).
 */
const isUsableKey = (key: unknown): key is string =>
	typeof key === 'string' && key !== '__proto__' && !/^(?:0|[1-9][0-9]*)$/.test(key);

let table: Int32Array = new Int32Array(1024);
const open: OpenNode[] = [];

/**
 * js-yaml's reading of `text` with the table of nodes its listener saw, or undefined to decline:
 * when the nodes do not account for the result one to one (an empty sequence item has no node of
 * its own), a key is not usable, or a flow node spans lines.
 */
function readWithNodes(text: string): { data: unknown; nodes: NodeTable } | undefined {
	let count = 0;
	let depth = 0;
	let usable = true;
	inexact = false;
	const push = (index: number, offset: number) => {
		const node = (open[depth] ??= { index, offset, children: 0, lastChild: null, oddKey: false });
		node.index = index;
		node.offset = offset;
		node.children = 0;
		node.lastChild = null;
		node.oddKey = false;
		depth++;
	};
	push(-1, 0);
	let data: unknown;
	try {
		data = jsYaml().load(text, {
			schema: getCoreSchema(),
			listener(event: 'open' | 'close', state: JsYaml.State) {
				if (event === 'open') {
					if (2 * count + 2 > table.length) table = grow(table);
					table[2 * count] = state.line;
					push(count++, state.position);
					return;
				}
				const node = open[--depth]!;
				const { kind, result } = state;
				table[2 * node.index + 1] = count;
				usable &&= !isMultiLineFlow(text, node.offset, state.position);
				if (node.children === 1 && isObject(result) && node.lastChild === result) {
					// js-yaml opens a flow collection that is a block sequence's item twice, one
					// node in the other: the outer one is a wrapper, its line the item's.
					table[2 * node.index] = -table[2 * node.index]! - 1;
				} else if (kind === 'mapping') {
					usable &&= !node.oddKey && node.children === 2 * Object.keys(result as object).length;
				} else if (kind === 'sequence') {
					usable &&= node.children === (result as unknown[]).length;
				}
				const parent = open[depth - 1]!;
				if (parent.children++ % 2 === 0 && !isUsableKey(result)) parent.oddKey = true;
				parent.lastChild = result;
			},
		});
	} catch {
		return undefined;
	}
	if (!usable || inexact) return undefined;
	return { data, nodes: table.slice(0, 2 * count) };
}

function grow(array: Int32Array): Int32Array {
	const larger = new Int32Array(array.length * 2);
	larger.set(array);
	return larger;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Parses YAML with the line of each key and item (as yaml-lines.ts does), or returns undefined
 * when the careful parser should read `text` instead. `firstLine` is the line of the file that
 * `text` starts on.
 */
export function parseYamlQuickly(text: string, firstLine = 1): ParsedYaml | undefined {
	if (UNUSUAL.test(text)) return undefined;
	const read = readWithNodes(text);
	if (!read) return undefined;
	const { data, nodes } = read;
	// Most files have no problem to place on a line, so their lines are found when first asked
	// for, from the data and the node table. Should the data have changed since, the table no
	// longer fits it, and the text is read again.
	const lines = new LinesOnDemand(() => {
		const map = new Map<string, number>();
		if (mapLines(data, nodes, map, firstLine)) return map;
		const again = readWithNodes(text)!;
		map.clear();
		mapLines(again.data, again.nodes, map, firstLine);
		return map;
	});
	// An empty document: js-yaml says undefined where the `yaml` package says null.
	return { data: data ?? null, lines, errors: [] };
}

/**
 * Records the line of each key and item of `data` under its dotted path, walking the data in the
 * order its nodes opened; false if `data` and `nodes` do not fit each other.
 */
function mapLines(
	data: unknown,
	nodes: NodeTable,
	lines: Map<string, number>,
	firstLine: number,
): boolean {
	let next = 0;
	const lineAt = (index: number) => {
		const line = nodes[2 * index]!;
		return (line < 0 ? -line - 1 : line) + firstLine;
	};
	/** Visits the node at `next` (a value at `path`); false if it does not fit. */
	const visit = (value: unknown, path: string): boolean => {
		if (2 * next >= nodes.length) return false;
		let index = next++;
		while (nodes[2 * index]! < 0) index = next++;
		const at = (key: string) => (path ? `${path}.${key}` : key);
		if (Array.isArray(value)) {
			for (const [i, item] of value.entries()) {
				lines.set(at(String(i)), lineAt(next));
				if (!visit(item, at(String(i)))) return false;
			}
		} else if (isObject(value)) {
			for (const [key, item] of Object.entries(value)) {
				lines.set(at(key), lineAt(next));
				next = nodes[2 * next + 1] ?? Infinity; // past the key
				if (!visit(item, at(key))) return false;
			}
		}
		const end = nodes[2 * index + 1]!;
		if (isObject(value) && next !== end) return false;
		next = end;
		return true;
	};
	return nodes.length === 0 ? data === undefined : visit(data, '') && 2 * next === nodes.length;
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
