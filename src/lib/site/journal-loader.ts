/**
 * The content collections' loader: Astro's glob loader, with two changes.
 *
 * - Frontmatter and `.yml` data are what the checker read (the `yaml` package, YAML 1.2), not
 *   js-yaml's: js-yaml turns `0099-01-01` into a Date in 1999 and loses how a date was written.
 * - Only published files enter the data store. Drafts never do; in a public build neither do
 *   internal entries, nor the people, teams, features and metrics that only they name. What is
 *   not stored cannot reach a page, and its images are never copied into `_astro/`, because
 *   Astro imports only the images of stored entries.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type DataStore, type Loader, type ParseDataOptions } from 'astro/loaders';
import { getAudience } from '../content/env.ts';
import { baseName, loadJournal, readFileData } from '../content/load.ts';
import { getPublicReferences, type PublicReferences } from '../content/published.ts';
import type { Target } from '../content/links.ts';
import { isPublished } from '../facts/entry.ts';
import type { Entry } from '../content/schema.ts';

/** A loader for the files of `kind` under `root` that match `pattern`; ids are file names. */
export function journalLoader(root: string, kind: Target, pattern: string): Loader {
	const files = glob({
		base: pathToFileURL(join(root, kind) + '/'),
		pattern,
		generateId: ({ entry }) => baseName(entry),
	});
	return {
		name: 'journal-loader',
		load: (context) =>
			files.load({
				...context,
				parseData: <T extends Record<string, unknown>>(props: ParseDataOptions<T>) =>
					context.parseData({
						...props,
						data: (readFileData(root, props.filePath!) as T | undefined) ?? props.data,
					}),
				store: publishedOnly(context.store, isKept(root, kind)),
			}),
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
	const audience = getAudience();
	if (kind === 'entries') return (_, data) => isPublished(data as Entry, audience);
	if (audience === 'internal') return () => true;
	return (id) => publicReferences(root)[kind].has(id);
}

let references: PublicReferences | undefined;

/**
 * Read once per build, when the first reference collection asks; a public `astro dev` server
 * reads it at start, so it sees which people, teams, features and metrics are named on restart.
 */
function publicReferences(root: string): PublicReferences {
	references ??= getPublicReferences(loadJournal(root));
	return references;
}
