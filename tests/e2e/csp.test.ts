/**
 * Every page works under the strict Content-Security-Policy the README recommends: no inline
 * scripts or styles, no style attributes (Shiki's would be one), nothing from other origins.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { outDir } from './pages.ts';
import { serve, type StaticServer } from './serve.ts';

/** The header from the README's "Security" section, word for word. */
export const CSP =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

/** One page of each kind in the sample journal; add new kinds (search, charts, …) here. */
const PAGES = [
	['home', '/'],
	['entry', '/entries/batch-price-lookups/'],
	['entry with highlighted code', '/entries/alert-slo-burn-rate/'],
	['entry written in MDX', '/entries/one-click-checkout-launch/'],
	['months', '/months/'],
	['month', '/months/2026-03/'],
	['people', '/people/'],
	['person', '/people/ana/'],
	['teams', '/teams/'],
	['team', '/teams/payments/'],
	['features', '/features/'],
	['feature', '/features/one-click-checkout/'],
	['metrics', '/metrics/'],
	['metric', '/metrics/checkout-p95-ms/'],
	['tags', '/tags/'],
	['tag', '/tags/checkout/'],
	['follow-ups', '/follow-ups/'],
	['404', '/no-such-page/'],
] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	server = await serve(outDir('sample'), { headers: { 'Content-Security-Policy': CSP } });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe.each(PAGES)('the %s page (%s)', (_kind, path) => {
	it('reports no Content-Security-Policy violation and is styled', async () => {
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
		const response = await page.goto(server.url(path), { waitUntil: 'load' });
		expect(response?.headers()['content-security-policy']).toBe(CSP);
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
	});
});

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
