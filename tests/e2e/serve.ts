/** A static server for a built site, and Chromium, for the browser tests. */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { serveFolder } from '../../src/lib/integration/static-files.ts';

export interface Served {
	/** `http://127.0.0.1:<port>`, without a trailing slash. */
	origin: string;
	/** Absolute URL of a site path such as `/entries/x/` (the base is prepended). */
	url: (path: string) => string;
	close: () => Promise<void>;
}

/** The Content-Security-Policy every page must work under: docs/security.md's, word for word. */
export const CSP =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

/**
 * Serves `root` on a free port of 127.0.0.1, with the site at `base` (default `/`) and every
 * response carrying `headers`. Unknown paths get `404.html` with status 404, as static hosts do.
 */
export async function serve(
	root: string,
	{ base = '/', headers = {} }: { base?: string; headers?: Record<string, string> } = {},
): Promise<Served> {
	const handle = serveFolder(root, base);
	const notFound = join(root, '404.html');
	const server = createServer((req, res) => {
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		handle(req, res, () => {
			if (!existsSync(notFound)) return res.writeHead(404).end();
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
			createReadStream(notFound).pipe(res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (path) => `${origin}${base}${path.replace(/^\//, '')}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** The Chromium that global-setup.ts found, headless, with nothing that calls home. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: inject('chromium'),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Waits until the page shows the search `query` (as the URL writes it) and returns every result. */
export async function resultsOf(page: Page, query: string): Promise<string[]> {
	await page.locator(`#search[data-searched="${query}"]`).waitFor();
	const more = page.locator('.search-more');
	while (await more.isVisible()) {
		const before = await page.locator('.search-results > li').count();
		await more.click();
		await page.waitForFunction(
			(n) => document.querySelectorAll('.search-results > li').length > n,
			before,
		);
	}
	const hrefs = await page
		.locator('.search-results h2 a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
	return hrefs.map((href) => href.match(/\/entries\/([^/]+)\/$/)![1]!);
}
