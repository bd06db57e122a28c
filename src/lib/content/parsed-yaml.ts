/**
 * What a YAML reading gives back, whichever reader made it: the data, and the line of every key
 * and item so that a problem can name its line.
 */

/** Field path (`metrics.1.method`) → 1-based line in the file. */
export type LineMap = ReadonlyMap<string, number>;

/** Why the YAML could not be read, where. */
export interface YamlError {
	/** 1-based line in the file. */
	line: number;
	/** Field path such as `metrics[0].before`, when the problem is one value. */
	field: string | null;
	message: string;
}

export interface ParsedYaml {
	data: unknown;
	lines: LineMap;
	/** Syntax errors and unusable values; `data` is undefined when there are any. */
	errors: YamlError[];
}

/** The line of `path`, or of its nearest ancestor that has one, or `fallback`. */
export function lineOf(lines: LineMap, path: readonly PropertyKey[], fallback = 1): number {
	for (let end = path.length; end > 0; end--) {
		const line = lines.get(path.slice(0, end).map(String).join('.'));
		if (line !== undefined) return line;
	}
	return fallback;
}

/**
 * A line map made the first time it is read: a map of every key and item of every file, kept for
 * the whole check, was a large share of a big journal's memory.
 */
export class LinesOnDemand implements LineMap {
	#map: Map<string, number> | undefined;
	readonly #make: () => Map<string, number>;

	constructor(make: () => Map<string, number>) {
		this.#make = make;
	}

	get #lines(): Map<string, number> {
		return (this.#map ??= this.#make());
	}

	/** The map, if something has read it yet. */
	get made(): ReadonlyMap<string, number> | undefined {
		return this.#map;
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

/** The lines of `lines` if they are known without reading the file again. */
export function knownLines(lines: LineMap): ReadonlyMap<string, number> | undefined {
	return lines instanceof LinesOnDemand ? lines.made : lines;
}
