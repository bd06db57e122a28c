/**
 * What each content file's YAML read as, kept between runs of the checker. Reading and validating
 * the YAML is most of a large journal's check; between two runs almost every file is unchanged,
 * so a file whose YAML text is the same as last time takes last time's reading instead.
 *
 * A reading is keyed by the file's kind and the exact text of its YAML, and the whole cache by the
 * code that reads (this folder's modules, the YAML packages, Astro's zod): a change to any of them
 * makes a new cache. Only readings without a problem are kept, so every message is worded afresh.
 * The cache lives in the project's `node_modules/.cache/`, beside Astro's; a project without
 * `node_modules` checks without one. A cache that cannot be read or written is ignored.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { installedVersion, ownVersion } from '../utils/package-version.ts';
import { knownLines, type LineMap } from './parsed-yaml.ts';

/** A file's YAML as last read: its data before and after the schema, and its lines if known. */
export interface Reading {
	raw: unknown;
	data: unknown;
	lines?: ReadonlyMap<string, number>;
}

/** A doc as the loader keeps it (load.ts). */
interface Kept {
	raw: unknown;
	data?: unknown;
	lines: LineMap;
}

interface Stored {
	code: string;
	readings: Map<string, Reading>;
}

export class ParseCache {
	readonly #file: string;
	readonly #code: string;
	readonly #before: Map<string, Reading>;
	/** This run's readings by key, as the docs that hold them (their lines may be made later). */
	readonly #now = new Map<string, Kept>();
	/** Keys whose reading a file of this run has taken. */
	readonly #given = new Set<string>();

	constructor(file: string, code = codeKey()) {
		this.#file = file;
		this.#code = code;
		this.#before = readStored(file, code);
	}

	/** The key of a file of `kind` whose YAML is `text`. */
	key(kind: string, text: string): string {
		return createHash('sha256').update(kind).update('\0').update(text).digest('base64');
	}

	/**
	 * Last run's reading under `key`, if there was one. Two files with the same YAML get a copy
	 * each, so that no two docs share data that one of them might change.
	 */
	get(key: string): Reading | undefined {
		const reading = this.#before.get(key);
		if (!reading || !this.#given.has(key)) {
			this.#given.add(key);
			return reading;
		}
		return structuredClone(reading);
	}

	/** Keeps this run's reading of a file (a doc without problems); its lines are taken at `save`. */
	keep(key: string, doc: Kept): void {
		this.#now.set(key, doc);
	}

	/**
	 * Writes this run's readings, replacing the last run's, unless they add nothing to them: no file
	 * read afresh, and no lines found that the cache lacked.
	 */
	save(): void {
		const readings = new Map<string, Reading>();
		let added = false;
		for (const [key, { raw, data, lines }] of this.#now) {
			const known = knownLines(lines);
			const before = this.#before.get(key);
			if (!before || (known && !before.lines)) added = true;
			readings.set(key, { raw, data, ...(known && { lines: known }) });
		}
		if (!added) return;
		try {
			mkdirSync(dirname(this.#file), { recursive: true });
			// Written aside and renamed, so that a check running at the same time never reads half.
			const temporary = `${this.#file}.${randomBytes(6).toString('hex')}`;
			writeFileSync(temporary, serialize({ code: this.#code, readings } satisfies Stored));
			renameSync(temporary, this.#file);
		} catch {
			// Without a cache the next check reads every file again, which is all a cache saves.
		}
	}
}

function readStored(file: string, code: string): Map<string, Reading> {
	try {
		const stored = deserialize(readFileSync(file)) as Stored;
		if (stored.code === code && stored.readings instanceof Map) return stored.readings;
	} catch {
		// Missing, or written by another version of Node or of this package: start afresh.
	}
	return new Map();
}

/**
 * The cache file of the project at `cwd`, in its `node_modules/.cache/`; undefined when it has no
 * `node_modules`. One file serves every journal the project checks: a reading depends on the
 * text alone, not on the journal it came from.
 */
export function parseCacheFile(cwd = process.cwd()): string | undefined {
	const modules = join(cwd, 'node_modules');
	return existsSync(modules)
		? join(modules, '.cache', 'outcome-journal', 'readings.bin')
		: undefined;
}

/**
 * The project's cache, or undefined where there is nowhere to keep one, or where the reading code
 * cannot be told apart (a package whose version cannot be found): a check never fails for want of
 * a cache.
 */
export function openParseCache(cwd?: string, code: () => string = codeKey): ParseCache | undefined {
	const file = parseCacheFile(cwd);
	if (file === undefined) return undefined;
	try {
		return new ParseCache(file, code());
	} catch {
		return undefined;
	}
}

const READING_FOLDERS = ['.', '../utils'].map((folder) =>
	fileURLToPath(new URL(`${folder}/`, import.meta.url)),
);

/**
 * The code that turns a file's text into a reading: the text of every module in this folder and
 * in utils/, this package's version, and the versions of the YAML packages and of Astro (whose
 * zod validates), and of V8, which writes the cache.
 */
export function codeKey(folders: readonly string[] = READING_FOLDERS): string {
	const hash = createHash('sha256');
	hash.update(`outcome-journal@${ownVersion()}\0v8@${process.versions.v8}`);
	for (const name of ['astro', 'js-yaml', 'yaml'])
		hash.update(`\0${name}@${installedVersion(name)}`);
	for (const folder of folders)
		for (const name of readdirSync(folder)
			.filter((n) => /\.[jt]s$/.test(n))
			.sort())
			hash.update(`\0${name}\0`).update(readFileSync(join(folder, name)));
	return hash.digest('hex');
}
