import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { config, link, metrics, personName, today, urls } from '../data/site';
import { digests } from '../data/rollups';
import { toDigestFeedItem } from '../lib/site/digest-feed';
import { FEED_LENGTH } from '../lib/site/feed';

/** One item per month with entries, newest first, for the last FEED_LENGTH.digestMonths of them. Links are absolute when journal.yml sets `site`. */
export const GET: APIRoute = ({ site, url }) =>
	rss({
		title: `${config.title}: monthly digest`,
		description: `Each month of ${config.title}: what shipped, what it did, which loops are still open.`,
		site: site ?? url.origin,
		trailingSlash: true,
		items: [...digests]
			.slice(0, FEED_LENGTH.digestMonths)
			.map(([month, digest]) =>
				toDigestFeedItem(month, digest, { metrics, personName, urls, link, today }),
			),
	});
