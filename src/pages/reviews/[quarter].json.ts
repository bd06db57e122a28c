/** A quarterly review's counts as data; shape in docs/site.md. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listPaths } from '../../data/site';
import { quarters, reviewOf } from '../../data/reviews';
import { toReviewRecord } from '../../lib/site/review-json';

export const getStaticPaths = (() =>
	listPaths(() => quarters.map((q) => ({ params: { quarter: q.id } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
	const review = reviewOf(params.quarter!);
	return new Response(JSON.stringify(toReviewRecord(review.journal, review.teams), null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
