/**
 * The site's one read of the content collections, shared by every page: module scope runs once
 * per build, so no page calls getCollection itself (per-page reads made large builds quadratic).
 * The collections hold only what this build publishes (see lib/integration/journal-loader.ts): no
 * drafts, and in a public build no internal entries nor what only they name.
 */
import { relative, resolve, sep } from 'node:path';
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { getContentRoot, getShard, getToday } from '../lib/content/env.ts';
import { byNewest } from '../lib/facts/entry.ts';
import { isEmpty } from '../lib/integration/empty-collections.ts';
import { getLastUpdated } from '../lib/site/last-updated.ts';
import { liveSnapshot } from '../lib/integration/live-collections.ts';
import { writesEntry, writesLists } from '../lib/site/shard.ts';
import { readJournalConfig } from '../lib/content/load.ts';
import type { Entry } from '../lib/content/schema.ts';
import { createLink, createUrls } from '../lib/site/urls.ts';
import { displayDecimals } from '../lib/site/format.ts';
import { addTo } from '../lib/utils/multimap.ts';

export const contentRoot = getContentRoot();
export const config = readJournalConfig(contentRoot);
export const today = getToday();
/**
 * The `lang` of what authors wrote, where it is not the site's own English (journal.yml's
 * `language`); undefined for an English journal, whose pages say so once, on <html>.
 */
export const writtenIn = config.language === 'en' ? undefined : config.language;
export const urls = createUrls(import.meta.env.BASE_URL);
/** A site path as feeds and exports link it: absolute when journal.yml sets `site`. */
export const link = createLink(config.site);

/** A published entry: its slug, frontmatter and the collection entry to render. */
export interface EntryView {
	slug: string;
	data: Entry;
	/** Path of the source file relative to the content root. */
	file: string;
	source: CollectionEntry<'entries'>;
}

/** The collections; in dev, as the loaders hold them once they have read every saved change. */
const live = import.meta.env.DEV ? await liveSnapshot() : undefined;
const read = async <C extends CollectionKey>(name: C) =>
	(live?.get(name) as CollectionEntry<C>[] | undefined) ??
	(isEmpty(name) ? [] : await getCollection(name));

const allEntries = await read('entries');

/** Published entries, newest first. */
export const entries: EntryView[] = allEntries
	.map((e) => ({ slug: e.id, data: e.data, file: relativeFile(e.filePath), source: e }))
	.sort(byNewest);

export const entriesBySlug = new Map(entries.map((e) => [e.slug, e]));

/** The part of the site this build writes: all of it, unless JOURNAL_SHARD names a shard. */
const shard = getShard();
/** The entries whose pages this build writes (one year's in a year shard, none in `lists`). */
export const pagedEntries = entries.filter((e) => writesEntry(shard, e.data.date));
/** A list page's `getStaticPaths`: its paths, or none in a shard that writes only entry pages. */
export const listPaths = <T>(paths: () => T[]): T[] => (writesLists(shard) ? paths() : []);

const byName = new Intl.Collator('en');

/** Id → data, in name order, so every list of people, teams, features or metrics reads A to Z. */
const toMap = <T extends { id: string; data: { name: string } }>(items: T[]) =>
	new Map(
		[...items]
			.sort((a, b) => byName.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id))
			.map((i) => [i.id, i.data as T['data']]),
	);

export const people = toMap(await read('people'));
export const teams = toMap(await read('teams'));
const featureCollection = await read('features');
export const features = toMap(featureCollection);
/** Feature id → its collection entry, to render the description. */
export const featureSources = new Map(featureCollection.map((f) => [f.id, f]));
/** Metric id → every number entries report for it. */
const reported = new Map<string, (number | undefined)[]>();
for (const entry of entries)
	for (const r of entry.data.metrics ?? [])
		for (const value of [r.before, r.after, r.target]) addTo(reported, r.metric, value);
/** Each metric with the decimals its values share, so that every page writes its numbers alike. */
export const metrics = new Map(
	[...toMap(await read('metrics'))].map(([id, metric]) => [
		id,
		{ ...metric, decimals: displayDecimals(reported.get(id) ?? []) },
	]),
);

/** Astro's filePath is relative to the project root; ours is relative to the content root. */
function relativeFile(filePath: string | undefined): string {
	return relative(contentRoot, resolve(filePath ?? ''))
		.split(sep)
		.join('/');
}

export const followUpDays = config.follow_up_days;

/** Display name of a person id. */
export const personName = (id: string) => people.get(id)?.name ?? id;

/** `path` as an absolute URL when journal.yml sets `site`; else the base-relative path as is. */
export const absoluteUrl = (path: string) =>
	import.meta.env.SITE ? new URL(path, import.meta.env.SITE).href : path;

/** An entry's permalink as cited and exported: absolute when `site` is set. */
export const permalink = (slug: string) => absoluteUrl(urls.entry(slug));

/** Entry file → date it last changed (git history, else mtime). */
export const lastUpdated = getLastUpdated(
	contentRoot,
	entries.map((e) => e.file),
);
