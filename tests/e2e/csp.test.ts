/**
 * Every page works under the strict Content-Security-Policy docs/security.md recommends: no inline
 * scripts or styles, no style attributes (Shiki's would be one), nothing from other origins. Every
 * page also carries the site's own policy in a `<meta>` tag, for hosts that send no headers, and
 * works under that alone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site/csp.ts';
import { filesOf, outDir, page as builtPage } from './pages.ts';
import { CSP, launchChromium, serve, type Served } from './serve.ts';

/**
 * One page of each kind in the sample journal; add new kinds here. `ready` is a selector that
 * appears once the page's scripts have done their work (search results, a drawn chart).
 */
const PAGES: { kind: string; path: string; ready?: string }[] = [
	{ kind: 'home', path: '/' },
	{ kind: 'entry', path: '/entries/batch-price-lookups/' },
	{ kind: 'entry with highlighted code', path: '/entries/alert-slo-burn-rate/' },
	{ kind: 'entry written in MDX', path: '/entries/one-click-checkout-launch/' },
	{ kind: 'months', path: '/months/' },
	{ kind: 'month', path: '/months/2026-03/' },
	{ kind: 'people', path: '/people/' },
	{ kind: 'person', path: '/people/ana/' },
	{ kind: 'teams', path: '/teams/' },
	{ kind: 'team', path: '/teams/payments/' },
	{ kind: 'features', path: '/features/' },
	{ kind: 'feature', path: '/features/one-click-checkout/' },
	{ kind: 'metrics', path: '/metrics/' },
	{
		kind: 'metric with a CSV series and its chart',
		path: '/metrics/checkout-p95-ms/',
		ready: 'figure.chart canvas',
	},
	{
		kind: 'metric over the last 6 months',
		path: '/metrics/checkout-p95-ms/6m/',
		ready: 'figure.chart canvas',
	},
	{
		kind: 'metric without a series',
		path: '/metrics/auth-approval-rate/',
		ready: 'figure.chart canvas',
	},
	{ kind: 'tags', path: '/tags/' },
	{ kind: 'tag', path: '/tags/checkout/' },
	{ kind: 'follow-ups', path: '/follow-ups/' },
	{ kind: 'quarterly reviews', path: '/reviews/' },
	{ kind: 'quarterly review', path: '/reviews/2026-q3/' },
	{ kind: 'follow-ups of one team', path: '/follow-ups/teams/payments/' },
	{ kind: 'outcome history for a period', path: '/people/ana/history/?from=2026-01&to=2026-06' },
	{ kind: 'evidence legend', path: '/evidence/' },
	{
		kind: 'search with a query (Pagefind and its WebAssembly)',
		path: '/search/?q=latency',
		ready: '#search[data-searched="q=latency"]',
	},
	{ kind: '404', path: '/no-such-page/' },
];

let server: Served;
/** The same site with no policy header: only the pages' own `<meta>` policy applies. */
let headerless: Served;
let browser: Browser;

beforeAll(async () => {
	server = await serve(outDir('sample'), { headers: { 'Content-Security-Policy': CSP } });
	headerless = await serve(outDir('sample'));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
	await headerless?.close();
});

it.each(filesOf('sample', '.html'))('%s carries the site’s policy in a meta tag', (file) => {
	const policies = builtPage('sample', file)
		.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
		.map((meta) => meta.getAttribute('content'));
	expect(policies).toEqual([CONTENT_SECURITY_POLICY]);
});

describe.each(PAGES)('the $kind page ($path)', ({ path, ready }) => {
	it('reports no Content-Security-Policy violation and is styled', async () => {
		await expectNoViolation(server, path, ready, CSP);
	});

	it('reports no violation under its own meta policy alone', async () => {
		await expectNoViolation(headerless, path, ready);
	});
});

describe('a history and a team split by year (the manyMeasurements journal)', () => {
	let split: Served;
	beforeAll(async () => {
		split = await serve(outDir('manyMeasurements'), {
			headers: { 'Content-Security-Policy': CSP },
		});
	});
	afterAll(async () => {
		await split?.close();
	});
	const files = filesOf('manyMeasurements', '.html').filter(
		(f) => f.startsWith('people/ana/history/') || f.startsWith('teams/payments/'),
	);

	it.each(files)('%s carries the policy and reports no violation', async (file) => {
		expect(
			builtPage('manyMeasurements', file)
				.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
				.map((meta) => meta.getAttribute('content')),
		).toEqual([CONTENT_SECURITY_POLICY]);
		await expectNoViolation(split, `/${file.replace(/index\.html$/, '')}`, undefined, CSP);
	});
});

/** Opens `path` and fails on any CSP violation, console error or missing stylesheet. */
async function expectNoViolation(from: Served, path: string, ready?: string, header?: string) {
	const page = await browser.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	// Registered before any of the page's own code runs, so no violation is missed.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
		);
	});
	const response = await page.goto(from.url(path), { waitUntil: 'load' });
	expect(response?.headers()['content-security-policy']).toBe(header);
	if (ready) await page.locator(ready).first().waitFor({ state: 'attached' });
	const { violations, styled } = await page.evaluate(() => ({
		violations: (window as unknown as { cspViolations: string[] }).cspViolations,
		// journal.css sets the page font; the browser default would be a serif face.
		styled: getComputedStyle(document.body).fontFamily.includes('system-ui'),
	}));
	await page.close();
	expect(violations).toEqual([]);
	// The 404 page's own status is logged as an error; anything else is a failure.
	expect(errors.filter((e) => !/status of 404 \(Not Found\)$/.test(e))).toEqual([]);
	expect(styled).toBe(true);
}

it('highlights code with the site stylesheet under the policy', async () => {
	const page = await browser.newPage();
	await page.goto(server.url('/entries/alert-slo-burn-rate/'));
	const colours = await page.evaluate(() => {
		const code = document.querySelector('pre code')!;
		return {
			code: getComputedStyle(code).color,
			token: getComputedStyle(code.querySelector('.token.key')!).color,
		};
	});
	await page.close();
	expect(colours.token).not.toBe(colours.code);
});
