/** Pages in a real browser (Debian's Chromium): accessibility, phone width, the one shared script. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDir, page as builtPage } from './pages.ts';
import { launchChromium, serve, type Served } from './serve.ts';

const PAGES = [
	'/',
	'/entries/batch-price-lookups/',
	// Highlighted code (Prism classes and our theme) must keep its contrast in both schemes.
	'/entries/alert-slo-burn-rate/',
	'/people/ana/',
	'/teams/payments/',
	'/features/one-click-checkout/',
	'/metrics/checkout-p95-ms/',
	'/metrics/auth-approval-rate/',
	'/months/2026-03/',
	'/tags/',
	'/follow-ups/',
	'/people/ana/history/',
	'/evidence/',
];

let site: Served;
let browser: Browser;
let origin: string;

/**
 * The one script any page may carry: the header search box's `/` shortcut, a small external
 * module (the search page adds its own; search.test.ts tests that page).
 */
const sharedScript = builtPage('sample', '')
	.querySelector('header script[src]')
	?.getAttribute('src');

beforeAll(async () => {
	site = await serve(outDir('sample'));
	origin = site.origin;
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

it('the shared script is one small file', () => {
	expect(sharedScript).toMatch(/^\/_astro\/[^/]+\.js$/);
	expect(statSync(join(outDir('sample'), sharedScript!)).size).toBeLessThan(2048);
});

describe.each(PAGES)('%s', (path) => {
	it.each(['light', 'dark'] as const)(
		'has no accessibility violations in %s mode',
		async (colorScheme) => {
			const context = await browser.newContext({ colorScheme });
			const page = await context.newPage();
			await page.goto(origin + path);
			const { violations } = await new AxeBuilder({ page }).analyze();
			await context.close();
			expect(
				violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
			).toEqual([]);
		},
		// axe checks the contrast of every table cell; long tables on a busy machine take a while.
		90_000,
	);

	it.each([true, false])(
		'fits a 390 px phone screen without horizontal scrolling (scripts on: %s)',
		async (javaScriptEnabled) => {
			const page = await browser.newPage({
				viewport: { width: 390, height: 800 },
				javaScriptEnabled,
			});
			await page.goto(origin + path);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			await page.close();
			expect(scrollWidth).toBeLessThanOrEqual(390);
		},
	);

	// Islands load their own script files; chart code stays on chart pages (charts.test.ts).
	it('loads scripts only as files, none inline', () => {
		const scripts = builtPage('sample', path.slice(1))
			.querySelectorAll('script')
			.map((s) => ({ src: s.getAttribute('src'), code: s.textContent.trim() }));
		for (const script of scripts) expect(script).toEqual({ src: expect.any(String), code: '' });
	});
});

it('the skip link is the first focusable element and moves focus to main', async () => {
	const page = await browser.newPage();
	await page.goto(origin + '/');
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
	await page.keyboard.press('Enter');
	expect(await page.evaluate(() => location.hash)).toBe('#main');
	await page.close();
});
