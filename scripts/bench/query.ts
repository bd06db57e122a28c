/**
 * The bytes one search downloads in Chromium: serve a built site, then count every response
 * (headers and body as transferred) that follows typing one query. Two ways in:
 * - `page`: the site's own search page (type into its input, as a reader would);
 * - `api`: Pagefind's JS API from a blank page, for a site without a search page (the baseline).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { findChromium } from './chromium.ts';

export type QueryTarget =
	/** A search page: where it is, the input to type into, and what marks one result. */
	| { kind: 'page'; path: string; input: string; result: string }
	/** Pagefind's bundle folder, e.g. `/pagefind/`. */
	| { kind: 'api'; bundle: string };

export interface QueryBytes {
	query: string;
	/** Response bytes (headers and body) of every request after the query was typed. */
	bytes: number;
	requests: number;
	/** Results the query found (api), or result elements shown (page). */
	results: number;
}

/** The blank page that `api` measurements start from; it is not part of the site. */
const BLANK = '/__bench-blank.html';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
};

/** Serves `dir` on a free loopback port, uncompressed (Pagefind's index files are gzip already). */
export async function serveStatic(
	dir: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		if (path === BLANK) {
			response
				.writeHead(200, { 'content-type': TYPES['.html']! })
				.end('<!doctype html><title>blank</title>');
			return;
		}
		let file = join(dir, normalize(path));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(dir) || !existsSync(file)) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
		});
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** What the query measurement says when it finds no browser. */
export const NO_BROWSER =
	'Measuring a query needs Chromium: set CHROMIUM_PATH or put chromium on PATH, or leave the query out with --skip query.';

/** Types `query` against the site served at `origin` and counts what the browser downloads. */
export async function measureQueryBytes(
	origin: string,
	target: QueryTarget,
	query: string,
	executablePath = findChromium(),
): Promise<QueryBytes> {
	if (!executablePath) throw new Error(NO_BROWSER);
	// Loaded here, not at the top: the CLI's other commands should not pay for a browser driver.
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		const sizes: Promise<number>[] = [];
		let counting = false;
		page.on('requestfinished', (request) => {
			if (counting)
				sizes.push(request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize));
		});
		let results: number;
		if (target.kind === 'api') {
			await page.goto(origin + BLANK);
			counting = true;
			// A string, not a function: a bundler (vitest's, in tests) would rewrite import().
			results = await page.evaluate<number>(searchScript(origin + target.bundle, query));
		} else {
			await page.goto(origin + target.path, { waitUntil: 'networkidle' });
			counting = true;
			await page.locator(target.input).pressSequentially(query, { delay: 50 });
			await page.waitForLoadState('networkidle');
			// Results are listed once their fragments arrive; a query that finds nothing lists none.
			await page
				.locator(target.result)
				.first()
				.waitFor({ timeout: 10_000 })
				.catch(() => undefined);
			results = await page.locator(target.result).count();
		}
		await waitForQuiet(() => sizes.length);
		const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
		return { query, bytes, requests: sizes.length, results };
	} finally {
		await browser.close();
	}
}

/** Loads Pagefind, runs `query` and loads the first five results, as a results list shows them. */
function searchScript(bundle: string, query: string): string {
	return `(async () => {
		const pagefind = await import(${JSON.stringify(`${bundle}pagefind.js`)});
		const search = await pagefind.search(${JSON.stringify(query)});
		await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
		return search.results.length;
	})()`;
}

/** Waits until no new request has finished for half a second (lazy result loading settles). */
async function waitForQuiet(count: () => number): Promise<void> {
	let last = -1;
	while (count() !== last) {
		last = count();
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
