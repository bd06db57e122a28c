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
