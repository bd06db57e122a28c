/**
 * The structured records of entries and people's histories, for the JSON and CSV exports: a
 * module of its own so that no other page computes them (see rollups.ts).
 */
import { toEntryRecord, toHistoryRows } from '../lib/site/export.ts';
import type { HistoryRow } from '../lib/site/history-export.ts';
import { byPerson } from './rollups.ts';
import { entries, entriesBySlug, followUpDays, metrics, people, permalink, today } from './site.ts';

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
