/**
 * The build validates each file once. The checker (integration.ts) reads and validates the whole
 * journal while Vite starts, on a thread of its own (check-off-thread.ts), and hands its result to
 * the loaders (journal-loader.ts), which wait for it: they store the checker's data instead of
 * reading and validating every file again, and a public build decides what to publish from the
 * same reading. What crosses threads is the data, not the journal it came from; a sharded build,
 * which checks on Astro's thread, keeps the journal too.
 *
 * `astro dev` hands it over too, for its start, but files change after the check: the loaders
 * read a file themselves once it was modified after the check began.
 *
 * The hand-over crosses module graphs (astro.config loads this file natively, content.config
 * through Vite), hence globalThis.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { getAudience } from '../content/env.ts';
import type { LoadedJournal } from '../content/load.ts';
import { getPublicReferences, type PublicReferences } from '../content/published.ts';
import type { Journal } from '../content/schema.ts';

const KEY = Symbol.for('outcome-journal.checked-data');

/** What the loaders need of the checker's reading; plain data, so that it can cross threads. */
export interface CheckedData {
	config: Journal;
	/** Absolute file path → the data the checker validated. */
	data: Map<string, unknown>;
	/** What a public site publishes besides its entries; only when the audience is public. */
	references?: PublicReferences;
	/** When the checker began reading (ms since the epoch), if files may change after it. */
	readAt?: number;
}

interface HandOver {
	/** The journal itself, when the check ran on this thread (a sharded build). */
	journal?: LoadedJournal;
	checked?: CheckedData;
	/** Settles once `checked` is there, or is known never to come. */
	ready: Promise<void>;
}

/**
 * How much older than the check a file's mtime must be to count as unchanged since: some file
 * systems keep modification times to the second or two.
 */
const MTIME_SLACK_MS = 2000;
const store = globalThis as { [KEY]?: HandOver };

/**
 * What the loaders need of `journal`: the data of every file that passed the schema. `readAt`
 * (when the check began) makes the data of a file modified since then count as out of date.
 */
export function checkedDataOfJournal(journal: LoadedJournal, readAt?: number): CheckedData {
	const { people, teams, features, metrics, entries } = journal;
	const data = new Map(
		[people, teams, features, metrics, entries]
			.flat()
			.filter((doc) => doc.data !== undefined)
			.map((doc) => [resolve(journal.root, doc.file), doc.data]),
	);
	const audience = getAudience(process.env, journal.config);
	const references = audience === 'public' ? getPublicReferences(journal) : undefined;
	return { config: journal.config, data, references, readAt };
}

/** Keeps the journal the checker read on this thread, for the loaders and a shard's sitemap. */
export function handOverCheckedJournal(journal: LoadedJournal, readAt?: number): void {
	store[KEY] = {
		journal,
		checked: checkedDataOfJournal(journal, readAt),
		ready: Promise.resolve(),
	};
}

/**
 * Keeps what a check on another thread will hand over. Until it settles, `checkedDataReady()`
 * waits; if the check failed, it fails with the check's error.
 */
export function handOverLater(pending: Promise<CheckedData>): void {
	const handOver: HandOver = {
		ready: pending.then((checked) => {
			handOver.checked = checked;
		}),
	};
	// Marked as seen: a loader that awaits it still gets a failure, and none goes unhandled.
	handOver.ready.catch(() => {});
	store[KEY] = handOver;
}

/** Settles when the hand-over, if one is coming, is there. */
export function checkedDataReady(): Promise<void> {
	return store[KEY]?.ready ?? Promise.resolve();
}

/** The journal this build's checker read, if it read it on this thread. */
export function checkedJournal(): LoadedJournal | undefined {
	return store[KEY]?.journal;
}

/** journal.yml as the checker read it, if it handed it over. */
export function checkedConfig(): Journal | undefined {
	return store[KEY]?.checked?.config;
}

/** What a public site publishes besides its entries, if the checker worked it out. */
export function checkedReferences(): PublicReferences | undefined {
	return store[KEY]?.checked?.references;
}

/** The checker's validated data for the file at `path`, if it validated it as it is now. */
export function checkedDataOf(path: string): unknown {
	const checked = store[KEY]?.checked;
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
	return data !== undefined && store[KEY]?.checked?.data.get(resolve(path)) === data;
}

/** Forgets the hand-over (for tests). */
export function dropCheckedJournal(): void {
	delete store[KEY];
}
