import type { APIRoute } from 'astro';
import { entries, entryRecords } from '../data/site';

export const GET: APIRoute = () =>
	new Response(
		JSON.stringify(
			entries.map((e) => entryRecords.get(e.slug)),
			null,
			'\t',
		),
		{
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
		},
	);
