/**
 * The build validates each file once. The checker (integration.ts) has read and validated the
 * whole journal before Astro starts, so `astro build` hands its result to the loaders
 * (journal-loader.ts): they store the checker's data instead of reading and validating every file
 * again, and a public build decides what to publish from the same reading.
 *
 * `astro dev` hands it over too, for its start, but files change after the check: the loaders
 * read a file themselves once it was modified after the check began.
 *
 * The hand-over crosses module graphs (astro.config loads this file natively, content.config
 * through Vite), hence globalThis.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedJournal } from '../content/load.ts';

const KEY = Symbol.for('outcome-journal.checked-data');

interface CheckedJournal {
	journal: LoadedJournal;
	/** Absolute file path → the data the checker validated. */
	data: Map<string, unknown>;
	/** When the checker began reading (ms since the epoch), if files may change after it. */
	readAt?: number;
}

/**
 * How much older than the check a file's mtime must be to count as unchanged since: some file
 * systems keep modification times to the second or two.
 */
const MTIME_SLACK_MS = 2000;
const store = globalThis as { [KEY]?: CheckedJournal };

/**
 * Keeps the journal the checker read, and the data of every file that passed the schema. `readAt`
 * (when the check began) makes the data of a file modified since then count as out of date.
 */
export function handOverCheckedJournal(journal: LoadedJournal, readAt?: number): void {
	const { people, teams, features, metrics, entries } = journal;
	const data = new Map(
		[people, teams, features, metrics, entries]
			.flat()
			.filter((doc) => doc.data !== undefined)
			.map((doc) => [resolve(journal.root, doc.file), doc.data]),
	);
	store[KEY] = { journal, data, readAt };
}

/** The journal this build's checker read, if it handed one over. */
export function checkedJournal(): LoadedJournal | undefined {
	return store[KEY]?.journal;
}

/** The checker's validated data for the file at `path`, if it validated it as it is now. */
export function checkedDataOf(path: string): unknown {
	const checked = store[KEY];
	const data = checked?.data.get(resolve(path));
	if (data === undefined || checked?.readAt === undefined) return data;
	const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
	return modified < checked.readAt - MTIME_SLACK_MS ? data : undefined;
}

/**
 * Whether `data` is the very object the checker validated for the file at `path`: the entry type
 * (journal-loader.ts) hands on what checkedDataOf just gave it, which needs no second look at the
 * file's modification time.
 */
export function isCheckedData(path: string, data: unknown): boolean {
	return data !== undefined && store[KEY]?.data.get(resolve(path)) === data;
}

/** Forgets the hand-over (for tests). */
export function dropCheckedJournal(): void {
	delete store[KEY];
}
