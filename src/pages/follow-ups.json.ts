import type { APIRoute } from 'astro';
import { followUpReport } from '../data/rollups';

/** What /follow-ups/ lists, for chat bots and scheduled jobs (shape in docs/site.md). */
export const GET: APIRoute = () =>
	new Response(JSON.stringify(followUpReport, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
