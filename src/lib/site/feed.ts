/** RSS items for the site's feeds, so every feed escapes and dates entries the same way. */
import type { RSSFeedItem } from '@astrojs/rss';
import type { EntryLike } from '../facts/entry.ts';

/**
 * How far back a feed reaches: a reader polls for what is new, and the pages hold the rest. The
 * whole record is on the site and in the exports; a feed of every entry grows with the journal.
 */
export const FEED_LENGTH = {
	/** Entries in /rss.xml and in a person's feed. */
	entries: 50,
	/** Months in /digest.xml. */
	digestMonths: 12,
} as const;

/**
 * `<`, `>`, `&` and quotes as HTML entities. Feed readers render `<description>` as HTML, and
 * the XML writer escapes only once (undone by the XML parser), so text meant as text is
 * escaped here too.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One entry as a feed item: title as text, summary as escaped HTML, status and tags as categories. */
export function toFeedItem(entry: EntryLike, link: string): RSSFeedItem {
	const { data } = entry;
	return {
		title: data.title,
		link,
		pubDate: new Date(`${data.date}T00:00:00Z`),
		description: data.summary === undefined ? undefined : escapeHtml(data.summary),
		categories: [data.status, ...(data.tags ?? [])],
	};
}
