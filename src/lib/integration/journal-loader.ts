/**
 * The content collections' loader: Astro's glob loader, with two changes.
 *
 * - Frontmatter and `.yml` data are what the checker read (the `yaml` package, YAML 1.2), not
 *   js-yaml's: js-yaml turns `0099-01-01` into a Date in 1999 and loses how a date was written.
 *   That is the checker's validated data, handed over (checked-data.ts), so no file is read or
 *   validated twice; in dev, a file is read again once it changes.
 * - Only published files enter the data store. Drafts never do; in a public build neither do
 *   internal entries, nor the people, teams, features and metrics that only they name. What is
 *   not stored cannot reach a page, and its images are never copied into `_astro/`, because
 *   Astro imports only the images of stored entries.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ContentEntryType } from 'astro';
import {
	glob,
	type DataStore,
	type Loader,
	type LoaderContext,
	type ParseDataOptions,
} from 'astro/loaders';
import { getAudience, getShard } from '../content/env.ts';
import { baseName, loadJournal, readFileData, readJournalConfig } from '../content/load.ts';
import { getPublicReferences, type PublicReferences } from '../content/published.ts';
import type { Target } from '../content/links.ts';
import { isPublished } from '../content/audience.ts';
import type { Entry } from '../content/schema.ts';
import {
	checkedConfig,
	checkedDataOf,
	checkedDataReady,
	checkedReferences,
	isCheckedData,
} from './checked-data.ts';
import { setEmpty } from './empty-collections.ts';
import { announceChange, shareStore, watchedChanges } from './live-collections.ts';
import { writesEntry } from '../site/shard.ts';

/**
 * A loader for the files of `kind` under `root` that match `pattern`; ids are file names. Only
 * features keep their markdown source in the store: entry pages render from the rendered HTML (a
 * build) or the file (dev), and 10,000 sources weigh on memory.
 */
export function journalLoader(root: string, kind: Target, pattern: string): Loader {
	return {
		name: 'journal-loader',
		load: async (context) => {
			// The check may still be running on its own thread (check-off-thread.ts).
			await checkedDataReady();
			// Only `astro dev` watches; there the pages read the store as it changes.
			const { watcher } = context;
			const held = heldUntilLoaded(context.store, announceChange);
			if (watcher) shareStore(context.collection, held.store);
			// Every folder is optional: a missing one is an empty collection, not a warning.
			if (!existsSync(join(root, kind))) {
				context.store.clear();
				held.release();
				setEmpty(context.collection, true);
				return;
			}
			await glob({
				base: pathToFileURL(join(root, kind) + '/'),
				pattern,
				generateId: ({ entry }) => baseName(entry),
				retainBody: kind === 'features',
				// In dev a page renders its markdown when first asked for: a start need not render
				// 10,000 bodies, and the store Astro writes to disk holds no HTML. A build renders
				// every page anyway, so it renders at sync.
				deferRender: watcher !== undefined,
			}).load({
				...context,
				...(watcher && { watcher: watchedChanges(watcher) }),
				...(kind === 'entries' && entryTypesFor(context)),
				parseData: parseAsChecked(root, context.parseData),
				store: publishedOnly(held.store, isKept(root, kind)),
			});
			held.release();
			setEmpty(context.collection, context.store.keys().length === 0);
		},
	};
}

type Stored = Parameters<DataStore['set']>[0];

/**
 * The store, holding back what the first load stores until `release()` stores it all at once.
 * Astro writes the whole store to disk whenever half a second passes without a change, so a long
 * load with pauses serialised it again and again (4 writes of about 10 s each at 10,000 entries);
 * held back, the entries are written once.
 *
 * Later changes come only from the dev server. An edit to a file already stored stays here, in
 * front of Astro's store, and `changed` is called: for each edit Astro would write its whole store
 * again (1.2 s at 10,000 entries, while the server answers nothing), then make every page load it
 * back, so the pages read this store instead (live-collections.ts). Astro's copy of the entry
 * stays as it was, which the next start compares with the file as it does every file. A new or
 * moved file does go to Astro's store, which lists the files that pages can render.
 */
export function heldUntilLoaded(
	store: DataStore,
	changed: () => void = () => {},
): { store: DataStore; release: () => void } {
	const held = new Map<string, Stored>();
	/** Ids deleted since the first load, which Astro's store still has. */
	const gone = new Set<string>();
	let loading = true;
	const get = (id: string) => held.get(id) ?? (gone.has(id) ? undefined : store.get(id));
	const keys = () => [
		...store.keys().filter((id) => !held.has(id) && !gone.has(id)),
		...held.keys(),
	];
	const view: DataStore = {
		...store,
		get: get as DataStore['get'],
		has: (id) => get(id) !== undefined,
		keys,
		values: () => keys().map((id) => get(id)!),
		entries: () => keys().map((id) => [id, get(id)!]),
		set: (entry) => {
			gone.delete(entry.id);
			const stored = store.get(entry.id);
			if (loading || (stored && stored.filePath === entry.filePath)) held.set(entry.id, entry);
			else {
				held.delete(entry.id);
				store.set(entry);
			}
			if (!loading) changed();
			return true;
		},
		delete: (id) => {
			held.delete(id);
			if (loading) store.delete(id);
			else {
				gone.add(id);
				changed();
			}
		},
		clear: () => {
			held.clear();
			gone.clear();
			store.clear();
			if (!loading) changed();
		},
	};
	return {
		store: view,
		release: () => {
			loading = false;
			for (const entry of held.values()) store.set(entry);
			held.clear();
		},
	};
}

/** The glob loader's renderers by file extension: a context field that Astro does not declare. */
export type EntryTypes = Map<string, ContentEntryType>;

/** What the build says when Astro no longer hands loaders the field (docs/decisions/0003). */
export const NO_ENTRY_TYPES =
	'This Astro version gives loaders no entryTypes: every entry is parsed again after the check, ' +
	'and a shard renders every entry. The site is right, but slower to build.';

/**
 * The glob loader's markdown types for entries, with two changes:
 *
 * - A file the checker read is not parsed again: its frontmatter would go through js-yaml only
 *   for `parseAsChecked` to drop the result (10,000 parses a build). The body is cut as Astro cuts
 *   it (`astroBody`).
 * - In a shard, the entries whose pages another shard writes are stored without rendering their
 *   markdown: rendering every body is most of what content sync costs, and only an entry's own
 *   page shows its body. Each shard has its own cache (cache-dir.ts), so an unrendered entry
 *   never reaches a whole build.
 */
export function entryTypesFor(
	context: Pick<LoaderContext, 'logger'>,
	shard = getShard(),
): { entryTypes?: EntryTypes } {
	const { entryTypes } = context as { entryTypes?: EntryTypes };
	if (!entryTypes) {
		context.logger.warn(NO_ENTRY_TYPES);
		return {};
	}
	const rendered = (filePath: string | undefined) => {
		const data = filePath && (checkedDataOf(filePath) as Entry | undefined);
		return !data || writesEntry(shard, data.date);
	};
	const adapt = (type: ContentEntryType): ContentEntryType => {
		const { getEntryInfo, getRenderFunction } = type;
		return {
			...type,
			getEntryInfo: (params) => {
				const data = checkedDataOf(fileURLToPath(params.fileUrl)) as Record<string, unknown>;
				if (!data) return getEntryInfo.call(type, params);
				const { slug } = data as { slug?: string };
				// As Astro's own: the frontmatter's `slug` (the glob loader reads only data and body).
				return Promise.resolve({
					data,
					body: astroBody(params.contents),
					rawData: '',
					slug: slug!,
				});
			},
			...(shard &&
				getRenderFunction && {
					getRenderFunction: async (config) => {
						const render = await getRenderFunction.call(type, config);
						return (entry) => (rendered(entry.filePath) ? render(entry) : NOT_RENDERED);
					},
				}),
		};
	};
	return { entryTypes: new Map([...entryTypes].map(([ext, type]) => [ext, adapt(type)])) };
}

// Astro's own frontmatter pattern (@astrojs/internal-helpers/frontmatter), which is not the
// checker's stricter one (content/frontmatter.ts): the body must be the one Astro would render.
// tests/unit/journal-loader.test.ts holds it to the installed Astro's own `.md` entry type.
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** A markdown file's body as Astro's markdown types give it: what follows the frontmatter, trimmed. */
export function astroBody(contents: string): string {
	const match = ASTRO_FRONTMATTER.exec(contents);
	return (match ? contents.slice(match.index + match[0].length) : contents).trim();
}

/** What an unrendered entry stores: no HTML, and so no images to copy. */
const NOT_RENDERED = Promise.resolve({ html: '' });

type ParseData = LoaderContext['parseData'];

/**
 * The checker's validated data when it was handed over and the file has not changed since;
 * otherwise the file as the checker reads it, validated by the collection's schema.
 */
export function parseAsChecked(root: string, parseData: ParseData): ParseData {
	return <T extends Record<string, unknown>>(props: ParseDataOptions<T>) => {
		if (props.filePath && isCheckedData(props.filePath, props.data))
			return Promise.resolve(props.data);
		const checked = props.filePath && checkedDataOf(props.filePath);
		if (checked) return Promise.resolve(checked as T);
		const data = props.filePath && (readFileData(root, props.filePath) as T | undefined);
		return parseData({ ...props, data: data || props.data });
	};
}

/**
 * The store as the glob loader sees it: it never stores an unpublished file, and an earlier
 * build's copy of one (cached under the same id) is dropped instead of reused.
 */
function publishedOnly(store: DataStore, keep: (id: string, data: unknown) => boolean): DataStore {
	return {
		...store,
		get: <T extends Record<string, unknown>>(id: string) => {
			const stored = store.get<T>(id);
			return stored && keep(id, stored.data) ? stored : undefined;
		},
		set: (entry) => {
			if (keep(entry.id, entry.data)) return store.set(entry);
			store.delete(entry.id);
			return false;
		},
	};
}

/** Whether a file of `kind` is published; entries decide by their own frontmatter. */
function isKept(root: string, kind: Target): (id: string, data: unknown) => boolean {
	const audience = getAudience(process.env, checkedConfig() ?? readJournalConfig(root));
	if (kind === 'entries') return (_, data) => isPublished(data as Entry, audience);
	if (audience === 'internal') return () => true;
	return (id) => publicReferences(root)[kind].has(id);
}

let references: PublicReferences | undefined;

/**
 * Worked out once per build, from the checker's reading when it handed one over; a public
 * `astro dev` server works it out at start, so it sees a change to what is named on restart.
 */
function publicReferences(root: string): PublicReferences {
	references ??= checkedReferences() ?? getPublicReferences(loadJournal(root));
	return references;
}
