/**
 * Every page works under the strict Content-Security-Policy docs/security.md recommends: no inline
 * scripts or styles, no style attributes (Shiki's would be one), nothing from other origins. Every
 * page also carries the site's own policy in a `<meta>` tag, for hosts that send no headers, and
 * works under that alone.
 */
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site/csp.ts';
import { loadsAhead } from './loads.ts';
import { filesOf, outDir, page as builtPage } from './pages.ts';
import { CSP, launchChromium, serve, type Served } from './serve.ts';
import { tabsOf, type Tabs } from './tabs.ts';

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

/**
 * The sample journal served with the policy header, and with none (only the pages' own `<meta>`
 * policy applies); and the manyMeasurements journal, with the header.
 */
let servers: Record<Site, Served>;
let browser: Browser;
/** Two tabs, kept open (tabs.ts): a page loads beside the one a test reads. */
let tabs: Tabs;

/** The pages of a history and of a team split by year. */
const SPLIT_FILES = filesOf('manyMeasurements', '.html').filter(
	(f) => f.startsWith('people/ana/history/') || f.startsWith('teams/payments/'),
);
const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

/** How long a test may wait for its page: the next one loads beside it, on a busy machine. */
const LOAD_TIMEOUT = 60_000;

beforeAll(async () => {
	const policy = { headers: { 'Content-Security-Policy': CSP } };
	servers = {
		header: await serve(outDir('sample'), policy),
		meta: await serve(outDir('sample')),
		split: await serve(outDir('manyMeasurements'), policy),
	};
	browser = await launchChromium();
	const context = await browser.newContext();
	// Registered before any of a page's own code runs, so no violation is missed.
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
		);
	});
	tabs = tabsOf(context, 2);
});

afterAll(async () => {
	await tabs?.close();
	await browser?.close();
	for (const server of Object.values(servers ?? {})) await server.close();
});

it.each(filesOf('sample', '.html'))('%s carries the site’s policy in a meta tag', (file) => {
	const policies = builtPage('sample', file)
		.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
		.map((meta) => meta.getAttribute('content'));
	expect(policies).toEqual([CONTENT_SECURITY_POLICY]);
});

describe.each(PAGES)('the $kind page ($path)', ({ path, ready }) => {
	it(
		'reports no Content-Security-Policy violation and is styled',
		async () => {
			expectNoViolation(await load({ site: 'header', path, ready }), CSP);
		},
		LOAD_TIMEOUT,
	);

	it(
		'reports no violation under its own meta policy alone',
		async () => {
			expectNoViolation(await load({ site: 'meta', path, ready }));
		},
		LOAD_TIMEOUT,
	);
});

describe('a history and a team split by year (the manyMeasurements journal)', () => {
	it.each(SPLIT_FILES)(
		'%s carries the policy and reports no violation',
		async (file) => {
			expect(
				builtPage('manyMeasurements', file)
					.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
					.map((meta) => meta.getAttribute('content')),
			).toEqual([CONTENT_SECURITY_POLICY]);
			expectNoViolation(await load({ site: 'split', path: pathOf(file) }), CSP);
		},
		LOAD_TIMEOUT,
	);
});

/** The server of each site a page is loaded from. */
type Site = 'header' | 'meta' | 'split';

/** One page load: the site it is served from, its path, and what shows its scripts are done. */
interface Load {
	site: Site;
	path: string;
	ready?: string;
}

/** What a load found. */
interface Found {
	/** The Content-Security-Policy header the page came with. */
	header?: string;
	violations: string[];
	/** Console errors and uncaught exceptions. */
	errors: string[];
	/** Whether journal.css applied. */
	styled: boolean;
}

/** Every load, in the order the tests read them, each made once, the next one while a test waits. */
const load = loadsAhead<Load, Found>(
	[
		...PAGES.flatMap(({ path, ready }) =>
			(['header', 'meta'] as const).map((site) => ({ site, path, ready })),
		),
		...SPLIT_FILES.map((file) => ({ site: 'split' as const, path: pathOf(file) })),
	],
	loadPage,
	1,
);

/** Opens a page and records every CSP violation, console error, and whether it is styled. */
function loadPage({ site, path, ready }: Load): Promise<Found> {
	return tabs.use(async (page) => {
		const errors: string[] = [];
		const onConsole = (message: ConsoleMessage) => {
			if (message.type() === 'error') errors.push(message.text());
		};
		const onError = (error: Error) => errors.push(error.message);
		// Listeners of this load only: the tab is reused.
		page.on('console', onConsole).on('pageerror', onError);
		try {
			const response = await page.goto(servers[site].url(path), { waitUntil: 'load' });
			if (ready) await page.locator(ready).first().waitFor({ state: 'attached' });
			const { violations, styled } = await page.evaluate(() => ({
				violations: (window as unknown as { cspViolations: string[] }).cspViolations,
				// journal.css sets the page font; the browser default would be a serif face.
				styled: getComputedStyle(document.body).fontFamily.includes('system-ui'),
			}));
			return { header: response?.headers()['content-security-policy'], violations, errors, styled };
		} finally {
			page.off('console', onConsole).off('pageerror', onError);
		}
	});
}

/** Fails on any CSP violation, console error or missing stylesheet, or a header other than `header`. */
function expectNoViolation(found: Found, header?: string) {
	expect(found.header).toBe(header);
	expect(found.violations).toEqual([]);
	// The 404 page's own status is logged as an error; anything else is a failure.
	expect(found.errors.filter((e) => !/status of 404 \(Not Found\)$/.test(e))).toEqual([]);
	expect(found.styled).toBe(true);
}

it('highlights code with the site stylesheet under the policy', async () => {
	const page = await browser.newPage();
	await page.goto(servers.header.url('/entries/alert-slo-burn-rate/'));
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
