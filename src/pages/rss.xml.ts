import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { config, entries, urls } from '../data/site';

/** The newest 50 published entries. Links are absolute when journal.yml sets `site`. */
export const GET: APIRoute = ({ site, url }) =>
	rss({
		title: config.title,
		description: config.description ?? `${config.title}: what we shipped and what it did.`,
		site: site ?? url.origin,
		trailingSlash: true,
		items: entries.slice(0, 50).map((e) => ({
			title: e.data.title,
			link: urls.entry(e.slug),
			pubDate: new Date(`${e.data.date}T00:00:00Z`),
			description: e.data.summary,
			categories: [e.data.status, ...(e.data.tags ?? [])],
		})),
	});
