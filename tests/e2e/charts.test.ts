/**
 * Charts in Chromium, served with the site's Content-Security-Policy: each entry marker is a
 * link to its entry, the tables carry the same numbers without scripts, colours follow the
 * scheme, and only chart pages load chart code, within budget. Expectations come from the raw
 * content, not from src/lib.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleContent } from '../helpers.ts';
import { CSP, launchChromium, serve, type Served } from './serve.ts';
import { outDir } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

// Each test opens real pages, some twice; give a busy machine time.
vi.setConfig({ testTimeout: 90_000 });

const WITH_CSV = 'checkout-p95-ms';
const WITHOUT_CSV = 'auth-approval-rate';
const CHART_PAGES = [`/metrics/${WITH_CSV}/`, `/metrics/${WITHOUT_CSV}/`, '/teams/payments/', '/'];
const OTHER_PAGES = ['/entries/batch-price-lookups/', '/months/2026-03/', '/follow-ups/', '/tags/'];
const BUDGET = 90 * 1024;

const journal = readJournalFiles(sampleContent);
const published = journal.entries.filter((d) => !d.data!.draft);
/** Slugs of the published entries that report `metric`, oldest first. */
const reporting = (metric: string) =>
	published
		.filter((d) => d.data!.metrics?.some((m) => m.metric === metric))
		.sort((a, b) => a.data!.date.localeCompare(b.data!.date))
		.map((d) => d.id);

let browser: Browser;
let site: Served;
let origin: string;

beforeAll(async () => {
	site = await serve(outDir('sample'), { headers: { 'Content-Security-Policy': CSP } });
	origin = site.origin;
	browser = await launchChromium();
});

afterAll(async () => {
	for (const tab of tabs.values()) await (await tab).page.context().close();
	await browser?.close();
	await site?.close();
});

interface Tab {
	page: Page;
	/** Console and script errors since the tab last opened a URL. */
	errors: string[];
	/** The gzip size of every script loaded since then. */
	scripts: { url: string; gzip: number }[];
	reads: Promise<void>[];
}

/**
 * One tab per set of context options, shared by the tests: a new tab starts a renderer process.
 * Each `open` loads a new document into it.
 */
const tabs = new Map<string, Promise<Tab>>();

async function newTab(options: BrowserContextOptions): Promise<Tab> {
	const context = await browser.newContext(options);
	const tab: Tab = { page: await context.newPage(), errors: [], scripts: [], reads: [] };
	tab.page.on('console', (m) => {
		if (m.type() === 'error') tab.errors.push(m.text());
	});
	tab.page.on('pageerror', (e) => tab.errors.push(e.message));
	tab.page.on('response', (r) => {
		if (r.request().resourceType() !== 'script') return;
		// A later navigation may drop a body before it is read; only this load counts.
		const read = r.body().then((body) => {
			tab.scripts.push({ url: r.url(), gzip: gzipSync(body).length });
		});
		tab.reads.push(read.catch(() => {}));
	});
	return tab;
}

/**
 * What an opened page is waited for: `chart`, its chart drawn (the drawing code it loads has all
 * arrived); `idle`, no request for half a second, for a page that must load no chart code later;
 * `load`, the load event, for a page without scripts.
 */
type Until = 'chart' | 'idle' | 'load';

/** Opens `path`, collecting console errors and the gzip size of every script it loads. */
async function open(path: string, options: BrowserContextOptions = {}, until: Until = 'chart') {
	// The colour scheme is emulated on the page: light and dark share a tab.
	const { colorScheme = 'light', ...contextOptions } = options;
	const key = JSON.stringify(contextOptions);
	if (!tabs.has(key)) tabs.set(key, newTab(contextOptions));
	const tab = await tabs.get(key)!;
	const { page } = tab;
	tab.errors.length = 0;
	tab.scripts.length = 0;
	tab.reads.length = 0;
	await page.emulateMedia({ colorScheme });
	await page.goto(origin + path, { waitUntil: until === 'idle' ? 'networkidle' : 'load' });
	if (until === 'chart')
		await page.waitForFunction(paintedPixels, undefined, { polling: 100, timeout: 20_000 });
	await Promise.all(tab.reads);
	return { page, errors: tab.errors, scripts: tab.scripts };
}

/** Painted (not transparent) pixels of the page's first canvas; run in the page. */
function paintedPixels() {
	const canvas = document.querySelector('canvas')!;
	const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
	let n = 0;
	for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
	return n;
}

/** The history table: date and the number in the value cell (null for a gap). */
const historyRows = (page: Page) =>
	page.$$eval('.history-table tbody tr', (rows) =>
		rows.map((tr) => {
			const text = tr.querySelector('td')!.textContent!.replace(/,/g, '');
			const match = /−?-?\d+(\.\d+)?/.exec(text);
			return {
				date: tr.querySelector('th time')!.getAttribute('datetime')!,
				value: match ? Number(match[0].replace('−', '-')) : null,
				entries: [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href')),
			};
		}),
	);

describe.each(CHART_PAGES)('chart page %s', (path) => {
	it('draws its chart under the CSP without a console error, in light and dark mode', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page, errors } = await open(path, { colorScheme });
			expect(await page.isVisible('figure.chart canvas')).toBe(true);
			expect(await page.evaluate(paintedPixels)).toBeGreaterThan(2000);
			expect(errors, colorScheme).toEqual([]);
		}
	});

	it('loads less than 90 kB of gzipped JavaScript in all', async () => {
		const { scripts } = await open(path);
		const total = scripts.reduce((n, s) => n + s.gzip, 0);
		expect(scripts.length).toBeGreaterThan(0);
		expect(total).toBeLessThan(BUDGET);
	});

	it('repaints the chart when the colour scheme changes', async () => {
		const { page } = await open(path, { colorScheme: 'light' });
		expect(await page.evaluate(paintedPixels)).toBeGreaterThan(2000);
		const light = await page.evaluate(() => document.querySelector('canvas')!.toDataURL());
		await page.emulateMedia({ colorScheme: 'dark' });
		// Wait for the repaint rather than a fixed pause, which a busy machine outlasts.
		const repainted = await page
			.waitForFunction(
				(before) => document.querySelector('canvas')!.toDataURL() !== before,
				light,
				{ timeout: 10_000 },
			)
			.then(
				() => true,
				() => false,
			);
		expect(repainted).toBe(true);
	});
});

describe.each(OTHER_PAGES)('page without a chart %s', (path) => {
	it('loads no chart code (at most a small shared script)', async () => {
		const { page, scripts, errors } = await open(path, {}, 'idle');
		const canvases = await page.$$eval('canvas', (c) => c.length);
		expect(canvases).toBe(0);
		expect(scripts.reduce((n, s) => n + s.gzip, 0)).toBeLessThan(5 * 1024);
		expect(errors).toEqual([]);
	});
});

describe('a metric timeline', () => {
	it('has one marker per entry, each a link to it that opens the entry', async () => {
		const { page } = await open(`/metrics/${WITH_CSV}/`);
		const hrefs = await page.$$eval('.chart-marker-link', (links) =>
			links.map((a) => a.getAttribute('href')),
		);
		expect(hrefs).toEqual(reporting(WITH_CSV).map((slug) => `/entries/${slug}/`));
		// Each marker sits inside the plotted area.
		const frame = (await page.locator('.chart-frame').boundingBox())!;
		for (const box of await page
			.locator('.chart-marker-link')
			.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
			expect(box.x + box.width / 2).toBeGreaterThan(frame.x);
			expect(box.x + box.width / 2).toBeLessThan(frame.x + frame.width);
			expect(box.y + box.height / 2).toBeLessThan(frame.y + frame.height);
		}
		await page.locator('.chart-marker-link').nth(1).click();
		await page.waitForURL(`**${hrefs[1]}`);
		expect(await page.locator('h1').textContent()).toBe(
			published.find((d) => d.id === reporting(WITH_CSV)[1])!.data!.title,
		);
	});

	it.each([1350, 390])(
		'at %i px gives each marker a 24 px link at least 24 px from the next (WCAG 2.5.8)',
		async (width) => {
			const { page } = await open(`/metrics/${WITH_CSV}/`, { viewport: { width, height: 940 } });
			const centres = await page
				.locator('.chart-marker-link')
				.evaluateAll((links) =>
					links.map((a) => a.getBoundingClientRect()).map((b) => [b.width, b.x, b.y] as const),
				);
			expect(centres.length).toBeGreaterThan(2);
			for (const [i, [size, x, y]] of centres.entries()) {
				expect(size).toBe(24);
				for (const [, x2, y2] of centres.slice(i + 1))
					expect(Math.hypot(x2 - x, y2 - y)).toBeGreaterThanOrEqual(24);
			}
		},
	);

	it('lets keyboard users reach every entry link, on the chart and in the table', async () => {
		const { page } = await open(`/metrics/${WITH_CSV}/`);
		// The page notes where focus goes: one round trip per key press, none per look.
		type Focused = [href: string | null, isMarker: boolean];
		await page.evaluate(() => {
			const focused: Focused[] = [];
			(window as unknown as { focused: Focused[] }).focused = focused;
			document.addEventListener('focusin', ({ target }) => {
				const element = target as Element;
				focused.push([
					element.getAttribute('href'),
					element.classList.contains('chart-marker-link'),
				]);
			});
		});
		for (let i = 0; i < 120; i++) await page.keyboard.press('Tab');
		const focused = await page.evaluate(
			() => (window as unknown as { focused: Focused[] }).focused,
		);
		const onChart = new Set<string>();
		const elsewhere = new Set<string>();
		for (const [href, isMarker] of focused)
			if (href?.startsWith('/entries/')) (isMarker ? onChart : elsewhere).add(href);
		const expected = reporting(WITH_CSV).map((slug) => `/entries/${slug}/`);
		expect([...onChart].sort()).toEqual([...expected].sort());
		for (const href of expected) expect(elsewhere.has(href), href).toBe(true);
	});

	it('without scripts shows no empty chart, and a table with the CSV’s numbers and every entry', async () => {
		const { page } = await open(`/metrics/${WITH_CSV}/`, { javaScriptEnabled: false }, 'load');
		expect(await page.isVisible('figure.chart')).toBe(false);
		expect(await page.isVisible('.history-table')).toBe(true);
		const rows = await historyRows(page);
		const chart = JSON.parse((await page.getAttribute('figure.chart', 'data-chart'))!);
		const csv = readFileSync(join(sampleContent, 'metrics', `${WITH_CSV}.csv`), 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => {
				const [date, value] = line.split(',');
				return { date: date!, value: value ? Number(value) : null };
			});
		expect(rows.map(({ date, value }) => ({ date, value }))).toEqual(csv);
		// The chart draws the same numbers.
		expect(chart.points).toEqual(csv.map((p) => [Date.parse(p.date), p.value]));
		expect(rows.flatMap((r) => r.entries)).toEqual(
			reporting(WITH_CSV).map((slug) => `/entries/${slug}/`),
		);
	});

	it('without a CSV tabulates each before at its entry’s date and each after at its measured-on date', async () => {
		const expected = published
			.flatMap((d) =>
				(d.data!.metrics ?? [])
					.filter((m) => m.metric === WITHOUT_CSV)
					.flatMap((m) => [
						...(m.before === undefined ? [] : [{ date: d.data!.date, value: m.before }]),
						...(m.after === undefined || !m.measured_on
							? []
							: [{ date: m.measured_on, value: m.after }]),
					]),
			)
			.sort((a, b) => a.date.localeCompare(b.date));
		const { page } = await open(`/metrics/${WITHOUT_CSV}/`, { javaScriptEnabled: false }, 'load');
		const rows = await historyRows(page);
		expect(expected.length).toBeGreaterThan(2);
		expect(rows.map(({ date, value }) => ({ date, value }))).toEqual(expected);
		expect(rows.flatMap((r) => r.entries)).toEqual(
			reporting(WITHOUT_CSV).map((slug) => `/entries/${slug}/`),
		);
	});
});
