/** Pages in a real browser (Debian's Chromium): accessibility, phone width, with and without scripts. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serve } from './browser.ts';
import { outDir } from './pages.ts';

const PAGES = [
	'/',
	'/entries/batch-price-lookups/',
	'/people/ana/',
	'/teams/payments/',
	'/features/one-click-checkout/',
	'/metrics/checkout-p95-ms/',
	'/metrics/auth-approval-rate/',
	'/months/2026-03/',
	'/tags/',
	'/follow-ups/',
];

let browser: Browser;
let origin: string;
let close: () => void;

beforeAll(async () => {
	({ origin, close } = await serve(outDir('sample')));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	close?.();
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
