/**
 * The index of the entry exports: one file per year (/entries/<year>.json), so that a tool fetches
 * what it needs rather than every entry of a large journal at once, which runs to megabytes.
 */
import type { APIRoute } from 'astro';
import { entries, link, urls } from '../data/site';
import { entriesByYear } from '../data/rollups';

export const GET: APIRoute = () =>
	Response.json({
		entries: entries.length,
		years: [...entriesByYear].map(([year, list]) => ({
			year,
			entries: list.length,
			url: link(urls.file(`entries/${year}.json`)),
		})),
	});
