/** Pages in a real browser (Debian's Chromium): accessibility, phone width, no scripts. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDir } from './pages.ts';
import { launchChromium, serveDir } from './serve.ts';

const PAGES = [
	'/',
	'/entries/batch-price-lookups/',
	'/people/ana/',
	'/teams/payments/',
	'/features/one-click-checkout/',
	'/metrics/checkout-p95-ms/',
	'/months/2026-03/',
	'/tags/',
	'/follow-ups/',
	'/people/ana/history/',
	'/evidence/',
];

let browser: Browser;
let origin: string;
let close: () => void;

beforeAll(async () => {
	({ origin, close } = await serveDir(outDir('sample')));
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
	);

	it('fits a 390 px phone screen without horizontal scrolling, with scripts off and none inline', async () => {
		const page = await browser.newPage({
			viewport: { width: 390, height: 800 },
			javaScriptEnabled: false,
		});
		await page.goto(origin + path);
		const { scrollWidth, scripts } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			scripts: document.querySelectorAll('script:not([src])').length,
		}));
		await page.close();
		expect(scrollWidth).toBeLessThanOrEqual(390);
		expect(scripts).toBe(0);
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
