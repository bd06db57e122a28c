import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { config, entries, urls } from '../data/site';
import { FEED_LENGTH, toFeedItem } from '../lib/site/feed';

/** The newest published entries (FEED_LENGTH.entries). Links are absolute when journal.yml sets `site`. */
export const GET: APIRoute = ({ site, url }) =>
	rss({
		title: config.title,
		description: config.description ?? `${config.title}: what we shipped and what it did.`,
		site: site ?? url.origin,
		trailingSlash: true,
		items: entries.slice(0, FEED_LENGTH.entries).map((e) => toFeedItem(e, urls.entry(e.slug))),
	});
