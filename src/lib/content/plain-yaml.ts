/**
 * The plainest YAML, read line by line: the shape that nearly every frontmatter and `.yml` file
 * has, in about half the time of js-yaml (quick-yaml.ts). It reads block mappings of simple keys,
 * block sequences, one-line plain and quoted scalars and one-line flow sequences of plain
 * scalars. Anything else (comments, block scalars, multi-line values, flow mappings, escapes,
 * tabs, control characters, duplicate keys, inexact numbers, a mapping that is not the root...)
 * is left to the next parser, which reads it, or explains it, the same way as before.
 *
 * Plain scalars resolve by the `yaml` package's core rules (core-scalars.ts), and tests hold this
 * reading equal to the careful parser's, data and lines, on every file it accepts.
 */
import { resolvePlain } from './core-scalars.ts';
import { numberProblem } from './numbers.ts';
import type { LineMap, ParsedYaml } from './yaml-lines.ts';

/**
 * Text this reader never accepts: tabs, carriage returns and control or special characters,
 * comments (`#` at a line's start or after a space) and document markers (`---`, `...`).
 */
const UNREAD =
	/[\t\r\0-\x08\v\f\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|(?:^|[ ])#|^(?:---|\.\.\.)/m;

/** `key: value` or `key:`, the key made of ASCII letters, digits, `_` and `-`. */
const KEY_LINE = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;

/** A plain scalar in a block: no indicator first, no `: ` (a nested key) or trailing `:`. */
const BLOCK_PLAIN = /^(?!.*(?:: |:$))(?:[^-?:,[\]{}#&*!|>'"%@` ]|-[^ ])/;

/** An item of a one-line flow sequence: no indicator, quote, `:` or `#` anywhere. */
const FLOW_PLAIN = /^[^-?:,[\]{}#&*!|>'"%@` ][^:,[\]{}#'"]*$/;

interface Line {
	/** 0-based line in the text. */
	index: number;
	indent: number;
	/** The line after its indent, without trailing spaces; never empty. */
	text: string;
}

/** Thrown where the text leaves what this reader reads; parsePlainYaml then returns undefined. */
class Unread extends Error {}

/**
 * Parses a plain YAML mapping with the line of each key and item (as yaml-lines.ts does), or
 * returns undefined when another parser should read `text`. `firstLine` is the line of the file
 * that `text` starts on.
 */
export function parsePlainYaml(text: string, firstLine = 1): ParsedYaml | undefined {
	if (UNREAD.test(text)) return undefined;
	const data = read(text, firstLine, undefined);
	if (data === undefined) return undefined;
	// Most files have no problem to place on a line, so their lines are found when first asked for.
	const lines = new LinesOnDemand(() => {
		const map = new Map<string, number>();
		read(text, firstLine, map);
		return map;
	});
	return { data, lines, errors: [] };
}

/**
 * A line map made the first time it is read, by reading the text again. A map of every key and
 * item of every file was a third of what a large journal's check kept in memory.
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

/** The mapping that `text` holds, adding the line of each key and item to `map` if given. */
function read(text: string, firstLine: number, map: Map<string, number> | undefined): unknown {
	try {
		return new Reader(text, firstLine, map).read();
	} catch (err) {
		if (err instanceof Unread) return undefined;
		throw err;
	}
}

class Reader {
	private readonly lines: Line[] = [];
	private pos = 0;
	private readonly map: Map<string, number> | undefined;
	private readonly firstLine: number;

	constructor(text: string, firstLine: number, map: Map<string, number> | undefined) {
		this.firstLine = firstLine;
		this.map = map;
		// Lines found by searching rather than split, so that only their text is sliced out.
		for (let start = 0, index = 0; start <= text.length; index++) {
			const next = text.indexOf('\n', start);
			let end = next === -1 ? text.length : next;
			while (end > start && text.charCodeAt(end - 1) === 32) end--;
			let first = start;
			while (first < end && text.charCodeAt(first) === 32) first++;
			if (first < end) this.lines.push({ index, indent: first - start, text: text.slice(first, end) });
			start = next === -1 ? text.length + 1 : next + 1;
		}
	}

	read(): Record<string, unknown> {
		const first = this.lines[0];
		if (!first || first.indent !== 0) throw new Unread();
		const data = this.mapping(0, '');
		if (this.pos !== this.lines.length) throw new Unread();
		return data;
	}

	/** The path of `key` under `parent`, with its line recorded; only built when lines are kept. */
	private mark(parent: string, key: string | number, line: Line): string {
		if (!this.map) return '';
		const path = parent ? `${parent}.${key}` : String(key);
		this.map.set(path, line.index + this.firstLine);
		return path;
	}

	private mapping(indent: number, path: string): Record<string, unknown> {
		const result: Record<string, unknown> = {};
		for (let line = this.lines[this.pos]; line && line.indent >= indent; line = this.lines[this.pos]) {
			const match = line.indent === indent ? KEY_LINE.exec(line.text) : null;
			if (!match) throw new Unread();
			const key = match[1]!;
			if (Object.hasOwn(result, key) || !isStringKey(key)) throw new Unread();
			const at = this.mark(path, key, line);
			this.pos++;
			result[key] = match[2] ? this.inline(match[2], indent, at, line) : this.nested(indent, at);
		}
		return result;
	}

	private sequence(indent: number, path: string): unknown[] {
		const result: unknown[] = [];
		for (let line = this.lines[this.pos]; line && line.indent >= indent; line = this.lines[this.pos]) {
			if (line.indent > indent) throw new Unread();
			if (!line.text.startsWith('- ')) break; // the next key of the mapping that holds it
			const at = this.mark(path, result.length, line);
			let offset = 2;
			while (line.text[offset] === ' ') offset++;
			const rest = line.text.slice(offset);
			if (rest === '-' || rest.startsWith('- ')) throw new Unread();
			if (KEY_LINE.test(rest)) {
				// `- key: value` opens a mapping whose keys line up with this first one.
				this.lines[this.pos] = { index: line.index, indent: indent + offset, text: rest };
				result.push(this.mapping(indent + offset, at));
			} else {
				this.pos++;
				result.push(this.inline(rest, indent, at, line));
			}
		}
		return result;
	}

	/** The value of a `key:` with nothing after it: a block below it, or null. */
	private nested(indent: number, path: string): unknown {
		const next = this.lines[this.pos];
		if (!next || next.indent < indent) return null;
		const isItem = next.text.startsWith('- ');
		if (next.indent === indent) return isItem ? this.sequence(indent, path) : null;
		return isItem ? this.sequence(next.indent, path) : this.mapping(next.indent, path);
	}

	/** A one-line value; the line after it must not be indented deeper (it would continue it). */
	private inline(text: string, indent: number, path: string, line: Line): unknown {
		const next = this.lines[this.pos];
		if (next && next.indent > indent) throw new Unread();
		if (text[0] === '[') {
			if (!text.endsWith(']')) throw new Unread();
			const inner = trimSpaces(text.slice(1, -1));
			if (inner === '') return [];
			return inner.split(',').map((item, i) => {
				this.mark(path, i, line);
				return plain(trimSpaces(item), FLOW_PLAIN);
			});
		}
		if (text[0] === '"') {
			const inner = text.slice(1, -1);
			if (text.length < 2 || !text.endsWith('"') || /["\\]/.test(inner)) throw new Unread();
			return inner;
		}
		if (text[0] === "'") {
			const inner = text.slice(1, -1);
			if (text.length < 2 || !text.endsWith("'") || inner.replaceAll("''", '').includes("'"))
				throw new Unread();
			return inner.replaceAll("''", "'");
		}
		return plain(text, BLOCK_PLAIN);
	}
}

/** Keys already found to read as strings: a journal repeats a few dozen keys in every file. */
const stringKeys = new Set<string>();

/** Whether a plain key reads as a string (`null` or `true` would not), and is not `__proto__`. */
function isStringKey(key: string): boolean {
	if (stringKeys.has(key)) return true;
	if (key === '__proto__' || typeof resolvePlain(key) !== 'string') return false;
	stringKeys.add(key);
	return true;
}

/** Without leading and trailing spaces (YAML's own; `trim` would take no-break spaces too). */
function trimSpaces(text: string): string {
	return text.replace(/^ +| +$/g, '');
}

/** The value of a plain scalar that `form` allows, unless it is a number it cannot keep. */
function plain(text: string, form: RegExp): unknown {
	if (!form.test(text)) throw new Unread();
	const value = resolvePlain(text);
	if (typeof value === 'number' && numberProblem(text, value)) throw new Unread();
	return value;
}
