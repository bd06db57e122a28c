import type { APIRoute } from 'astro';
import { listPaths, people } from '../../../data/site';
import { historyRows } from '../../../data/exports';
import { toHistoryCsv } from '../../../lib/site/history-export';

export function getStaticPaths() {
	return listPaths(() => [...people.keys()].map((id) => ({ params: { id } })));
}

/** The person's history rows as CSV (columns in docs/site.md). */
export const GET: APIRoute = ({ params }) =>
	new Response(toHistoryCsv(historyRows.get(params.id!) ?? []), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
