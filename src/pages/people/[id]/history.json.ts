import type { APIRoute } from 'astro';
import { listPaths, people } from '../../../data/site';
import { historyRows } from '../../../data/exports';
import { toHistoryJson } from '../../../lib/site/history-export';

export function getStaticPaths() {
	return listPaths(() => [...people.keys()].map((id) => ({ params: { id } })));
}

/** The same rows as history.csv, as a JSON array, unindented like the other bulk exports. */
export const GET: APIRoute = ({ params }) =>
	new Response(toHistoryJson(historyRows.get(params.id!) ?? []), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
