/**
 * Lighthouse (desktop preset) on four pages of the sample journal, served under docs/security.md's
 * Content-Security-Policy, in Chromium: accessibility, best practices and SEO 100,
 * performance at least 95. The scores are printed as a table.
 *
 * Performance is timed, and a busy machine slows every page: it is the best of up to three runs
 * (the first at 95 or more ends the page). The other categories do not depend on timing and come
 * from the first run.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outDir } from './pages.ts';
import { CSP, serve, type Served } from './serve.ts';

const PAGES = {
	home: '/',
	entry: '/entries/batch-price-lookups/',
	person: '/people/ana/',
	metric: '/metrics/checkout-p95-ms/',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PERFORMANCE_RUNS = 3;

let site: Served;
let chrome: chromeLauncher.LaunchedChrome;
const scores: Record<string, Record<string, number>> = {};

beforeAll(async () => {
	site = await serve(outDir('sample'), { headers: { 'Content-Security-Policy': CSP } });
	chrome = await chromeLauncher.launch({
		chromePath: inject('chromium'),
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
});

afterAll(async () => {
	chrome?.kill();
	await site?.close();
	console.log('Lighthouse, desktop preset (performance: best of the runs)');
	console.table(scores);
});

async function audit(path: string): Promise<Result> {
	const result = await lighthouse(
		site.url(path),
		{
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: [...CATEGORIES],
			// An image of the whole page for the report, which no score reads.
			disableFullPageScreenshot: true,
		},
		desktopConfig,
	);
	if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
	return result.lhr;
}

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

/** The weighted audits of a category that lost points, to say why a score is short. */
function losses(lhr: Result, id: string): string[] {
	return lhr.categories[id]!.auditRefs.filter(
		(ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1,
	).map((ref) => `${ref.id}: ${lhr.audits[ref.id]!.displayValue ?? lhr.audits[ref.id]!.score}`);
}

describe.each(Object.entries(PAGES))('the %s page', (name, path) => {
	it(
		'scores 100 for accessibility, best practices and SEO, and at least 95 for performance',
		async () => {
			const first = await audit(path);
			let best = first;
			let runs = 1;
			for (; runs < PERFORMANCE_RUNS && score(best, 'performance') < 95; runs++) {
				const next = await audit(path);
				if (score(next, 'performance') > score(best, 'performance')) best = next;
			}
			scores[`${name} ${path}`] = {
				...Object.fromEntries(
					CATEGORIES.map((id) => [id, score(id === 'performance' ? best : first, id)]),
				),
				'performance runs': runs,
			};
			for (const id of CATEGORIES.slice(1))
				expect({ [id]: score(first, id), lost: losses(first, id) }).toEqual({
					[id]: 100,
					lost: [],
				});
			expect(
				score(best, 'performance'),
				losses(best, 'performance').join(', '),
			).toBeGreaterThanOrEqual(95);
		},
		// Each run loads the page several times in a fresh tab; a busy 2-core machine is slow.
		PERFORMANCE_RUNS * 90_000,
	);
});
