/**
 * The build validates each file once. The checker (integration.ts) has read and validated the
 * whole journal before Astro starts, so `astro build` hands its result to the loaders
 * (journal-loader.ts): they store the checker's data instead of reading and validating every file
 * again, and a public build decides what to publish from the same reading.
 *
 * The hand-over crosses module graphs (astro.config loads this file natively, content.config
 * through Vite), hence globalThis. `astro dev` hands nothing over: its files change after the
 * check, and the loaders then read them themselves.
 */
import { resolve } from 'node:path';
import type { LoadedJournal } from '../content/load.ts';

const KEY = Symbol.for('outcome-journal.checked-data');

interface CheckedJournal {
	journal: LoadedJournal;
	/** Absolute file path → the data the checker validated. */
	data: Map<string, unknown>;
}
const store = globalThis as { [KEY]?: CheckedJournal };

/** Keeps the journal the checker read, and the data of every file that passed the schema. */
export function handOverCheckedJournal(journal: LoadedJournal): void {
	const { people, teams, features, metrics, entries } = journal;
	const data = new Map(
		[people, teams, features, metrics, entries]
			.flat()
			.filter((doc) => doc.data !== undefined)
			.map((doc) => [resolve(journal.root, doc.file), doc.data]),
	);
	store[KEY] = { journal, data };
}

/** The journal this build's checker read, if it handed one over. */
export function checkedJournal(): LoadedJournal | undefined {
	return store[KEY]?.journal;
}

/** The checker's validated data for the file at `path`, if it validated it. */
export function checkedDataOf(path: string): unknown {
	return store[KEY]?.data.get(resolve(path));
}

/** Forgets the hand-over (for tests). */
export function dropCheckedJournal(): void {
	delete store[KEY];
}
