import type { APIRoute } from 'astro';
import { entries, entriesBySlug, followUpDays, metrics, people, today, urls } from '../data/site';
import { toEntryRecord } from '../lib/site/export';

export const GET: APIRoute = ({ site }) => {
	const published = new Set(entriesBySlug.keys());
	const permalink = (slug: string) =>
		site ? new URL(urls.entry(slug), site).href : urls.entry(slug);
	const records = entries.map((e) =>
		toEntryRecord(e.slug, e.data, { people, metrics, published, today, followUpDays, permalink }),
	);
	return new Response(JSON.stringify(records, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
