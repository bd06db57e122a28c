/** One year of entry exports, newest first; /entries.json lists the years. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listPaths, type EntryView } from '../../data/site';
import { entriesByYear } from '../../data/rollups';
import { entryRecords } from '../../data/exports';

export const getStaticPaths = (() =>
	listPaths(() =>
		[...entriesByYear].map(([year, list]) => ({
			params: { year },
			props: { list },
		})),
	)) satisfies GetStaticPaths;

/** Unindented, like the other bulk exports: a year holds thousands of records, read by programs. */
export const GET: APIRoute<{ list: EntryView[] }> = ({ props }) =>
	new Response(JSON.stringify(props.list.map((e) => entryRecords.get(e.slug))), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
