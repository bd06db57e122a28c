/**
 * The site's one read of the content collections, shared by every page: module scope runs once
 * per build, so no page calls getCollection itself (per-page reads made large builds quadratic).
 * The collections hold only what this build publishes (see lib/site/journal-loader.ts): no
 * drafts, and in a public build no internal entries nor what only they name.
 */
import { relative, resolve, sep } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { getContentRoot, getShard, getToday } from '../lib/content/env.ts';
import { byNewest } from '../lib/facts/entry.ts';
import { getLastUpdated } from '../lib/site/last-updated.ts';
import { writesEntry, writesLists } from '../lib/site/shard.ts';
import { readJournalConfig, readSeries } from '../lib/content/load.ts';
import { groupFollowUpsByOwner } from '../lib/facts/follow-up-groups.ts';
import { getLoopHealthSummary } from '../lib/facts/loop-health.ts';
import { getMetricTimeline } from '../lib/facts/metric-timeline.ts';
import { getMonthlyRollup } from '../lib/facts/monthly-rollup.ts';
import { getTeamRollup } from '../lib/facts/team-rollup.ts';
import { toFollowUpReport } from '../lib/site/follow-up-report.ts';
import {
	getDigest,
	getFollowUps,
	groupByFeature,
	groupByMetric,
	groupByMonth,
	groupByPerson,
	groupByTag,
	groupByTeam,
	groupByVerifier,
	groupMembersByTeam,
	groupOpenStepsByNamedOwner,
} from '../lib/facts/rollups.ts';
import type { Entry } from '../lib/content/schema.ts';
import { createLink, createUrls } from '../lib/site/urls.ts';
import { FACETS, getFacetLabels, getSearchFacets, type Facet } from '../lib/site/search-facets.ts';
import { toEntryRecord, toHistoryRows, type HistoryRow } from '../lib/site/export.ts';

export const contentRoot = getContentRoot();
export const config = readJournalConfig(contentRoot);
export const today = getToday();
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

const allEntries = await getCollection('entries');

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

export const people = toMap(await getCollection('people'));
export const teams = toMap(await getCollection('teams'));
const featureCollection = await getCollection('features');
export const features = toMap(featureCollection);
/** Feature id → its collection entry, to render the description. */
export const featureSources = new Map(featureCollection.map((f) => [f.id, f]));
export const metrics = toMap(await getCollection('metrics'));

/** Astro's filePath is relative to the project root; ours is relative to the content root. */
function relativeFile(filePath: string | undefined): string {
	return relative(contentRoot, resolve(filePath ?? ''))
		.split(sep)
		.join('/');
}

// Roll-ups, computed once per build from the published entries.
export const followUpDays = config.follow_up_days;
export const byMonth = groupByMonth(entries);
/** Year → its entries, newest year first: one export file each. */
export const entriesByYear = Map.groupBy(entries, (e) => e.data.date.slice(0, 4));
export const byPerson = groupByPerson(entries);
export const byTeam = groupByTeam(entries);
export const byFeature = groupByFeature(entries);
export const byMetric = groupByMetric(entries, metrics);
export const byTag = groupByTag(entries);
export const byVerifier = groupByVerifier(entries);
/** Person id → open next steps that name them as owner. */
export const openStepsByPerson = groupOpenStepsByNamedOwner(entries);
export const membersByTeam = groupMembersByTeam(people, teams);
export const followUps = getFollowUps(entries, today, followUpDays);
/** Follow-ups by who should act: what /follow-ups/ shows. */
export const followUpGroups = groupFollowUpsByOwner(followUps);

/** Display name of a person id. */
export const personName = (id: string) => people.get(id)?.name ?? id;

/** /follow-ups.json, and the same list the page shows. */
export const followUpReport = toFollowUpReport(followUpGroups, { personName, urls, link, today });

/** Month → its digest, newest month first. */
export const digests = new Map(
	[...byMonth].map(([month, list]) => [month, getDigest(list, metrics, today, followUpDays)]),
);

/** Loop health of the whole journal, all time and over the last 12 months. */
export const loopHealth = getLoopHealthSummary(entries, today, followUpDays);
/** The whole journal's last 12 months by status, for the home page chart. */
export const monthlyRollup = getMonthlyRollup(entries, today, followUpDays);
/** Team id → its roll-up (every team, with or without entries). */
export const teamRollups = new Map(
	[...teams.keys()].map((id) => [id, getTeamRollup(byTeam.get(id) ?? [], today, followUpDays)]),
);

/** Metric id → its CSV series (only for metrics the journal defines). */
const series = readSeries(contentRoot);
/** Metric id → its history: CSV series or measurements, with a marker per published entry. */
export const timelines = new Map(
	[...metrics.keys()].map((id) => [id, getMetricTimeline(byMetric.get(id) ?? [], series.get(id))]),
);

/** Entry file → date it last changed (git history, else mtime). */
export const lastUpdated = getLastUpdated(
	contentRoot,
	entries.map((e) => e.file),
);

/** Display names of the facet values that published entries use, for the search page. */
export const searchLabels = (() => {
	const used = new Map<Facet, Set<string>>(FACETS.map((f) => [f, new Set()]));
	for (const e of entries) {
		const values = getSearchFacets(e.data);
		for (const facet of FACETS) for (const v of values[facet]) used.get(facet)!.add(v);
	}
	const named = (facet: Facet, nameOf: (id: string) => string | undefined) =>
		[...used.get(facet)!].map((id): [string, string] => [id, nameOf(id) ?? id]);
	return getFacetLabels({
		person: named('person', personName),
		team: named('team', (id) => teams.get(id)?.name),
		feature: named('feature', (id) => features.get(id)?.name),
		metric: named('metric', (id) => metrics.get(id)?.name),
		tag: named('tag', (slug) => byTag.get(slug)?.name),
	});
})();

/** `path` as an absolute URL when journal.yml sets `site`; else the base-relative path as is. */
export const absoluteUrl = (path: string) =>
	import.meta.env.SITE ? new URL(path, import.meta.env.SITE).href : path;

/** An entry's permalink as cited and exported: absolute when `site` is set. */
export const permalink = (slug: string) => absoluteUrl(urls.entry(slug));

const exportContext = {
	people,
	metrics,
	published: new Set(entriesBySlug.keys()),
	today,
	followUpDays,
	permalink,
};

/** Slug → the entry's structured record, shared by the entry exports and the history exports. */
export const entryRecords = new Map(
	entries.map((e) => [e.slug, toEntryRecord(e.slug, e.data, exportContext)]),
);

/** Person id → the rows of their history export, newest entry first. */
export const historyRows = new Map<string, HistoryRow[]>(
	[...people.keys()].map((id) => [
		id,
		(byPerson.get(id) ?? []).flatMap((c) =>
			toHistoryRows(entryRecords.get(c.entry.slug)!, id, c.roles),
		),
	]),
);
