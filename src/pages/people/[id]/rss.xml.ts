import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { listPaths, config, people, urls } from '../../../data/site';
import { byPerson } from '../../../data/rollups';
import { FEED_LENGTH, toFeedItem } from '../../../lib/site/feed';

export function getStaticPaths() {
	return listPaths(() =>
		[...people].map(([id, person]) => ({ params: { id }, props: { name: person.name } })),
	);
}

/** The newest published entries the person authored (FEED_LENGTH.entries), newest first. */
export const GET: APIRoute<{ name: string }> = ({ params, props, site, url }) =>
	rss({
		title: `${props.name} · ${config.title}`,
		description: `Outcomes ${props.name} shipped and measured, in ${config.title}.`,
		site: site ?? url.origin,
		trailingSlash: true,
		items: (byPerson.get(params.id!) ?? [])
			.slice(0, FEED_LENGTH.entries)
			.map(({ entry }) => toFeedItem(entry, urls.entry(entry.slug))),
	});
