import type { APIRoute } from 'astro';
import { followUpReport } from '../data/rollups';

/** What /follow-ups/ lists, for chat bots and scheduled jobs (shape in the README). */
export const GET: APIRoute = () =>
	new Response(JSON.stringify(followUpReport, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
