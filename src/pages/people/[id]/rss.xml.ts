import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { listPaths, config, people, urls } from '../../../data/site';
import { byPerson } from '../../../data/rollups';
import { toFeedItem } from '../../../lib/site/feed';

export function getStaticPaths() {
	return listPaths(() =>
		[...people].map(([id, person]) => ({ params: { id }, props: { name: person.name } })),
	);
}

/** Every published entry the person authored, newest first. */
export const GET: APIRoute<{ name: string }> = ({ params, props, site, url }) =>
	rss({
		title: `${props.name} · ${config.title}`,
		description: `Outcomes ${props.name} shipped and measured, in ${config.title}.`,
		site: site ?? url.origin,
		trailingSlash: true,
		items: (byPerson.get(params.id!) ?? []).map(({ entry }) =>
			toFeedItem(entry, urls.entry(entry.slug)),
		),
	});
