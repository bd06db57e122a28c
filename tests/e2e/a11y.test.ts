/** Pages in a real browser (Debian's Chromium): accessibility, phone width, no scripts. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDir } from './pages.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.xml': 'application/xml',
	'.json': 'application/json',
};
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
];

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
	const root = outDir('sample');
	server = createServer((req, res) => {
		let path = join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
		if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
		if (!existsSync(path)) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
		createReadStream(path).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
});

afterAll(async () => {
	await browser?.close();
	server?.close();
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

	it('fits a 390 px phone screen without horizontal scrolling, with no scripts', async () => {
		const page = await browser.newPage({
			viewport: { width: 390, height: 800 },
			javaScriptEnabled: false,
		});
		await page.goto(origin + path);
		const { scrollWidth, scripts } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			scripts: document.querySelectorAll('script').length,
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
