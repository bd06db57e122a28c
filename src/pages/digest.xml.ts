import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { config, link, metrics, personName, today, urls } from '../data/site';
import { digests } from '../data/rollups';
import { toDigestFeedItem } from '../lib/site/digest-feed';

/** One item per month with entries, newest first. Links are absolute when journal.yml sets `site`. */
export const GET: APIRoute = ({ site, url }) =>
	rss({
		title: `${config.title}: monthly digest`,
		description: `Each month of ${config.title}: what shipped, what it did, which loops are still open.`,
		site: site ?? url.origin,
		trailingSlash: true,
		items: [...digests].map(([month, digest]) =>
			toDigestFeedItem(month, digest, { metrics, personName, urls, link, today }),
		),
	});
