/**
 * The history page and the citation in Chromium: the period picker (URL, back button, summary),
 * the downloads of the chosen period, copying a citation by keyboard, printing to PDF on A4 and
 * Letter, and the printed permalinks with and without `site`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/content/schema.ts';
import { formatDate } from '../../src/lib/site/format.ts';
import { sampleContent } from '../helpers.ts';
import { outDir, type SiteBuild } from './pages.ts';
import { launchChromium, serve, type Served } from './serve.ts';
import { readJournalFiles } from '../journal-files.ts';

interface Source {
	slug: string;
	data: Entry;
}
const sample: Source[] = readJournalFiles(sampleContent)
	.entries.map((d) => ({ slug: d.id, data: d.data as Entry }))
	.filter((e) => !e.data.draft);
const people = readJournalFiles(sampleContent).people.map((p) => p.id);
const authorIds = (e: Source) => e.data.authors.map((a) => (typeof a === 'string' ? a : a.person));

/** The person's entries in the period (months, both ends included), newest first. */
function expected(person: string, from?: string, to?: string): string[] {
	return sample
		.filter((e) => authorIds(e).includes(person))
		.filter((e) => {
			const month = e.data.date.slice(0, 7);
			return (!from || month >= from) && (!to || month <= to);
		})
		.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug))
		.map((e) => e.slug);
}

/** The sample person with the most published entries (the longest printout). */
const busiest = people
	.map((id) => ({ id, count: expected(id).length }))
	.sort((a, b) => b.count - a.count)[0]!.id;

let browser: Browser;
let site: Served;
let origin: string;

beforeAll(async () => {
	site = await serve(outDir('sample'));
	origin = site.origin;
	browser = await launchChromium();
});

afterAll(async () => {
	await (await shared)?.close();
	await browser?.close();
	await site?.close();
});

let shared: Promise<Page> | undefined;

/**
 * The tab that most tests share, printing unemulated: a new tab starts a renderer process. Tests
 * that route requests or need other context options open their own.
 */
async function tab(): Promise<Page> {
	shared ??= browser.newPage();
	const page = await shared;
	await page.emulateMedia({ media: null });
	return page;
}

async function openHistory(person: string, query = ''): Promise<Page> {
	const page = await tab();
	await page.goto(`${origin}/people/${person}/history/${query}`);
	await page.waitForSelector('form[data-period-form]:not([hidden])');
	return page;
}

const shownSlugs = (page: Page) =>
	page.$$eval('article.history-entry:not([hidden]) h4 a', (links) =>
		links.map((a) => a.getAttribute('href')!.split('/').at(-2)!),
	);
const statText = (page: Page, key: string) =>
	page.$eval(`[data-stat="${key}"]`, (el) => el.textContent!.trim());

describe('the period picker', () => {
	it.each([
		[busiest, '2026-01', '2026-06'],
		['ana', '2025-10', '2025-12'],
		['mei', '2026-09', ''],
		['kwame', '', '2025-12'],
	])(
		'shows %s’s entries from “%s” to “%s” (empty: open) and sums up only those',
		async (person, from, to) => {
			const query = `?${new URLSearchParams({ ...(from && { from }), ...(to && { to }) })}`;
			const page = await openHistory(person, query);
			const slugs = expected(person, from || undefined, to || undefined);
			expect(await shownSlugs(page)).toEqual(slugs);
			expect(await statText(page, 'entries')).toBe(String(slugs.length));
			const list = sample.filter((e) => slugs.includes(e.slug));
			for (const status of ['shipped', 'measuring', 'measured', 'inconclusive', 'reverted'])
				expect(await statText(page, `status-${status}`)).toBe(
					String(list.filter((e) => e.data.status === status).length),
				);
			const verified = list.filter((e) => e.data.verified_by).length;
			expect(await statText(page, 'verified')).toMatch(
				slugs.length
					? new RegExp(
							`^${verified} of ${slugs.length} ${slugs.length === 1 ? 'entry' : 'entries'} `,
						)
					: /^no entries/,
			);
			const years = await page.$$eval('section[data-year]:not([hidden])', (sections) =>
				sections.map((s) => s.getAttribute('data-year')),
			);
			expect(years).toEqual(
				[...new Set(list.map((e) => e.data.date.slice(0, 4)))].sort().reverse(),
			);
		},
	);

	it('keeps the period in the URL, and the back button returns to the previous one', async () => {
		const page = await openHistory(busiest, '?from=2026-01&to=2026-06');
		await page.selectOption('select[name="preset"]', 'last-12-months');
		// Relative to the build's today (2026-11-24), not the real date.
		expect(new URL(page.url()).search).toBe('?from=2025-12&to=2026-11');
		expect(await shownSlugs(page)).toEqual(expected(busiest, '2025-12', '2026-11'));

		await page.selectOption('select[name="preset"]', 'custom');
		await page.fill('input[name="from"]', '2025-01');
		await page.fill('input[name="to"]', '2025-09');
		await page.click('[data-period-form] button[type="submit"]');
		expect(new URL(page.url()).search).toBe('?from=2025-01&to=2025-09');
		expect(await shownSlugs(page)).toEqual(expected(busiest, '2025-01', '2025-09'));

		await page.goBack();
		expect(new URL(page.url()).search).toBe('?from=2025-12&to=2026-11');
		expect(await shownSlugs(page)).toEqual(expected(busiest, '2025-12', '2026-11'));
		expect(await page.inputValue('select[name="preset"]')).toBe('last-12-months');
		await page.goBack();
		expect(await shownSlugs(page)).toEqual(expected(busiest, '2026-01', '2026-06'));
		expect(await page.textContent('[data-period-label]')).toBe('January 2026 to June 2026');

		await page.selectOption('select[name="preset"]', 'all');
		expect(new URL(page.url()).search).toBe('');
		expect(await shownSlugs(page)).toEqual(expected(busiest));
	});

	it('says so when the period holds no entries', async () => {
		const page = await openHistory('ana', '?from=2020-01&to=2020-12');
		expect(await shownSlugs(page)).toEqual([]);
		expect(await page.isVisible('[data-empty]')).toBe(true);
		expect(await statText(page, 'strong')).toBe('no results');
	});
});

describe('the chosen period', () => {
	it('is compared with the period before it, counted from the entries', async () => {
		const page = await openHistory(busiest, '?from=2026-04&to=2026-06');
		const rows = await page.$$eval('[data-comparison]:not([hidden]) tbody tr', (trs) =>
			trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())),
		);
		const entries = rows.find((r) => r[0] === 'Entries')!;
		const now = expected(busiest, '2026-04', '2026-06').length;
		const before = expected(busiest, '2026-01', '2026-03').length;
		expect(entries.slice(1, 3)).toEqual([String(now), String(before)]);
		const diff = now - before;
		expect(entries[3]).toBe(diff === 0 ? 'no change' : `${diff > 0 ? '+' : '−'}${Math.abs(diff)}`);
		expect(rows.map((r) => r[0])).toContain('Loop-closure rate');
		expect(rows.map((r) => r[0])).toContain('Results with strong evidence');
		// All time has no period before it.
		await page.selectOption('select[name="preset"]', 'all');
		expect(await page.isHidden('[data-comparison]')).toBe(true);
	});
});

/** Every message a page logs as an error, and every script error, from now on. */
function errorsOf(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/** The rows of a CSV file with its header, as text. */
const csvRows = (text: string) => parseCsv(text, { columns: true }) as Record<string, string>[];
const builtFile = (build: SiteBuild, path: string) =>
	readFileSync(join(outDir(build), path), 'utf8');

/** The rows an export has for an entry: one per metric, one when it reports none. */
const rowsOfEntry = (slug: string) =>
	Math.max(1, sample.find((e) => e.slug === slug)!.data.metrics?.length ?? 0);

/** Clicks a download link and returns the file's suggested name and text. */
async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
	return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const CSV_LINK = '[data-downloads] a[data-period-download="csv"]';
const JSON_LINK = '[data-downloads] a[data-period-download="json"]';

describe('the downloads', () => {
	it.each([
		[busiest, '2026-01', '2026-06', `${busiest}-history-2026-01-to-2026-06`],
		['mei', '2026-09', '', 'mei-history-from-2026-09'],
		['kwame', '', '2025-12', 'kwame-history-to-2025-12'],
		['ana', '2020-01', '2020-12', 'ana-history-2020-01-to-2020-12'],
	])(
		'of %s from “%s” to “%s” hold exactly that period’s entries, in %s.csv and .json',
		async (person, from, to, name) => {
			const query = `?${new URLSearchParams({ ...(from && { from }), ...(to && { to }) })}`;
			const page = await openHistory(person, query);
			const errors = errorsOf(page);
			await page.waitForSelector(`${CSV_LINK}[href^="blob:"]`);
			const slugs = expected(person, from || undefined, to || undefined);
			const rowCount = slugs.reduce((n, slug) => n + rowsOfEntry(slug), 0);
			const label = await page.textContent('[data-period-label]');
			expect(await page.textContent('[data-download-scope]')).toBe(
				`Download the ${slugs.length} ${slugs.length === 1 ? 'entry' : 'entries'} of ${label}`,
			);
			expect(await page.isVisible('[data-download-whole]')).toBe(false);

			const csv = await download(page, CSV_LINK);
			expect(csv.name).toBe(`${name}.csv`);
			const csvFile = csvRows(csv.text);
			expect(csvFile).toHaveLength(rowCount);
			expect([...new Set(csvFile.map((r) => r.slug))]).toEqual(slugs);
			// The same rows, in the same columns, as the full file has for those entries.
			const full = builtFile('sample', `people/${person}/history.csv`);
			expect(csv.text.split('\n')[0]).toBe(full.split('\n')[0]);
			expect(csvFile).toEqual(csvRows(full).filter((r) => slugs.includes(r.slug!)));

			const json = await download(page, JSON_LINK);
			expect(json.name).toBe(`${name}.json`);
			const jsonFile = JSON.parse(json.text) as { slug: string; date: string }[];
			expect(jsonFile).toHaveLength(rowCount);
			expect([...new Set(jsonFile.map((r) => r.slug))]).toEqual(slugs);
			const fullJson = JSON.parse(builtFile('sample', `people/${person}/history.json`)) as {
				slug: string;
			}[];
			expect(jsonFile).toEqual(fullJson.filter((r) => slugs.includes(r.slug)));
			expect(errors).toEqual([]);
		},
	);

	it('follow the period when it changes, and are the full files for all time', async () => {
		const page = await openHistory(busiest, '?from=2026-01&to=2026-06');
		await page.waitForSelector(`${CSV_LINK}[href^="blob:"]`);
		await page.selectOption('select[name="preset"]', 'last-12-months');
		await page.waitForSelector(`${CSV_LINK}[download="${busiest}-history-2025-12-to-2026-11.csv"]`);
		const csv = csvRows((await download(page, CSV_LINK)).text);
		expect([...new Set(csv.map((r) => r.slug))]).toEqual(expected(busiest, '2025-12', '2026-11'));

		await page.selectOption('select[name="preset"]', 'all');
		expect(await page.getAttribute(CSV_LINK, 'href')).toBe(`/people/${busiest}/history.csv`);
		expect(await page.getAttribute(JSON_LINK, 'href')).toBe(`/people/${busiest}/history.json`);
		expect(await page.getAttribute(JSON_LINK, 'download')).toBeNull();
		expect(await page.textContent('[data-download-scope]')).toMatch(/^Download every published/);
	});

	it('are the full files, and say so, when the rows cannot be read', async () => {
		const page = await browser.newPage();
		await page.route('**/history.json', (route) => route.abort());
		await page.goto(`${origin}/people/${busiest}/history/?from=2026-01&to=2026-06`);
		await page.waitForSelector('[data-download-whole]:not([hidden])');
		expect(await page.getAttribute(CSV_LINK, 'href')).toBe(`/people/${busiest}/history.csv`);
		expect(await page.getAttribute(JSON_LINK, 'href')).toBe(`/people/${busiest}/history.json`);
		expect(await page.textContent('[data-download-scope]')).toMatch(/^Download every published/);
		// A request still routed when the page closes would have nowhere to go.
		await page.unrouteAll({ behavior: 'ignoreErrors' });
		await page.close();
	});

	it('without JavaScript, are the full files and say so', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${origin}/people/${busiest}/history/?from=2026-01&to=2026-06`);
		expect((await page.textContent('[data-downloads]'))!.replace(/\s+/g, ' ')).toContain(
			'every published entry of',
		);
		expect(await page.isVisible('[data-download-whole]')).toBe(true);
		expect(await page.textContent('[data-download-whole]')).toBe(', whatever the period');
		const all = expected(busiest);
		for (const [link, rows] of [
			[CSV_LINK, (text: string) => csvRows(text)],
			[JSON_LINK, (text: string) => JSON.parse(text) as { slug: string }[]],
		] as const) {
			const href = (await page.getAttribute(link, 'href'))!;
			expect(href).toMatch(/^\/people\/[a-z-]+\/history\.(csv|json)$/);
			const text = await (await context.request.get(origin + href)).text();
			expect([...new Set(rows(text).map((r) => r.slug))]).toEqual(all);
		}
		await context.close();
	});
});

describe('a history split by year', () => {
	it('offers each year page’s rows as that year’s CSV and JSON', async () => {
		const split = await serve(outDir('manyMeasurements'));
		const full = JSON.parse(builtFile('manyMeasurements', 'people/ana/history.json')) as {
			slug: string;
			date: string;
		}[];
		const year = full.at(-1)!.date.slice(0, 4);
		const page = await tab();
		const errors = errorsOf(page);
		await page.goto(`${split.origin}/people/ana/history/${year}/`);
		await page.waitForSelector(`${CSV_LINK}[href^="blob:"]`);
		const kept = full.filter((r) => r.date.startsWith(year));
		expect(kept.length).toBeGreaterThan(0);
		expect(kept.length).toBeLessThan(full.length);
		const csv = await download(page, CSV_LINK);
		expect(csv.name).toBe(`ana-history-${year}-01-to-${year}-12.csv`);
		expect(csvRows(csv.text).map((r) => r.slug)).toEqual(kept.map((r) => r.slug));
		const json = await download(page, JSON_LINK);
		expect(JSON.parse(json.text)).toEqual(kept);
		expect(errors).toEqual([]);
		await split.close();
	});
});

describe('the citation', () => {
	it('copies by keyboard and announces it', async () => {
		const context = await browser.newContext({
			permissions: ['clipboard-read', 'clipboard-write'],
		});
		const page = await context.newPage();
		await page.goto(`${origin}/entries/batch-price-lookups/`);
		await page.focus('[data-copy-citation]');
		await page.keyboard.press('Enter');
		await page.waitForFunction(
			() => document.querySelector('[data-copy-status]')?.textContent === 'Copied',
		);
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(await page.textContent('.citation-text'));
		expect(copied).toContain('/entries/batch-price-lookups/');
		expect(await page.getAttribute('[data-copy-status]', 'role')).toBe('status');
		await context.close();
	});
});

/**
 * Prints the page to PDF and returns each page's text lines (whitespace collapsed, empty lines
 * dropped), read back with pdf.js: the text as a reader of the paper sees it.
 */
async function printedPages(path: string, format: 'A4' | 'Letter'): Promise<string[][]> {
	const page = await tab();
	await page.goto(origin + path);
	await page.waitForSelector('form[data-period-form]:not([hidden])', { state: 'attached' });
	const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format })));
	const { text } = await extractText(pdf, { mergePages: false });
	return text
		.map((p) =>
			p
				.split('\n')
				.map((line) => line.replace(/\s+/g, ' ').trim())
				.filter(Boolean),
		)
		.filter((lines) => lines.length > 0);
}

describe('printing the history of the person with the most entries', () => {
	it.each(['A4', 'Letter'] as const)(
		'on %s, never splits an entry’s header (or the entry) across pages',
		async (format) => {
			const pages = await printedPages(`/people/${busiest}/history/`, format);
			const entries = sample.filter((e) => expected(busiest).includes(e.slug));
			expect(pages.length).toBeGreaterThan(2);
			// The header: the period and the print date; no navigation or picker.
			expect(pages[0]!.join(' ')).toMatch(/Period: all time .*printed \d{1,2} \w{3,4} \d{4}/);
			const all = pages.flat().join('\n');
			expect(all).not.toContain('Review period');
			expect(all).not.toContain('Follow-ups');

			// An entry's header is its title (one or more lines) and the line under it, which starts
			// with its date. Find the title on a page; the date line must follow on that same page,
			// and so must the entry's permalink, its last line. A page that began in the middle of a
			// header would break the first rule; an entry split across pages, the second.
			for (const entry of entries) {
				const found = pages.flatMap((lines, p) =>
					lines.flatMap((_, i) =>
						[1, 2, 3]
							.filter((k) => lines.slice(i, i + k).join(' ') === entry.data.title)
							.map((k) => ({ p, next: lines[i + k] })),
					),
				);
				expect(found, `${format}: title of ${entry.slug} whole on one page`).toHaveLength(1);
				const [{ p, next }] = found as [{ p: number; next: string | undefined }];
				expect(next?.startsWith(formatDate(entry.data.date)), `${format}: ${entry.slug}`).toBe(
					true,
				);
				expect(
					pages[p]!.some((line) => line.includes(`/entries/${entry.slug}/`)),
					`${format}: ${entry.slug} ends on the page where it starts`,
				).toBe(true);
			}
		},
	);

	it('prints only the chosen period, with links shown as their URL', async () => {
		const pages = await printedPages(`/people/${busiest}/history/?from=2026-01&to=2026-06`, 'A4');
		const text = pages.flat().join(' ');
		expect(text).toContain('Period: January 2026 to June 2026');
		const inPeriod = new Set(expected(busiest, '2026-01', '2026-06'));
		for (const entry of sample.filter((e) => expected(busiest).includes(e.slug))) {
			expect(text.includes(`/entries/${entry.slug}/`), entry.slug).toBe(inPeriod.has(entry.slug));
			if (inPeriod.has(entry.slug))
				for (const link of entry.data.links ?? []) expect(text).toContain(link.url);
		}
	});
});

/** Each history entry on the page as printed: its slug (from its title link) and its permalink. */
async function printedPermalinks(page: Page): Promise<{ slug: string; permalink: string }[]> {
	await page.emulateMedia({ media: 'print' });
	return page.$$eval('article.history-entry', (articles) =>
		articles.map((article) => ({
			slug: article.querySelector('h4 a')!.getAttribute('href')!.split('/').at(-2)!,
			permalink: (article.querySelector('.permalink a') as HTMLElement).innerText.trim(),
		})),
	);
}

describe('printed permalinks', () => {
	it('are absolute when the journal sets `site`, and the header says nothing of them', async () => {
		const based = await serve(outDir('based'), { base: '/journal/' });
		const page = await tab();
		await page.goto(based.url('/people/bo/history/'));
		const printed = await printedPermalinks(page);
		expect(printed.length).toBeGreaterThanOrEqual(3);
		for (const { slug, permalink } of printed)
			expect(permalink).toBe(`https://journal.example.com/journal/entries/${slug}/`);
		expect(await page.isVisible('.permalink a')).toBe(true);
		expect(await page.$('.relative-note')).toBeNull();
		await based.close();
	});

	it('are relative without `site`, and the print header says so plainly', async () => {
		const page = await tab();
		await page.goto(`${origin}/people/${busiest}/history/`);
		expect(await page.isVisible('.relative-note')).toBe(false);
		const printed = await printedPermalinks(page);
		expect(printed.map((p) => p.permalink)).toEqual(expected(busiest).map((s) => `/entries/${s}/`));
		expect(await page.isVisible('.history-header .relative-note')).toBe(true);
		expect((await page.innerText('.relative-note')).replace(/\s+/g, ' ')).toBe(
			'Permalinks are relative (“/entries/…/”): this journal does not set its address (site in journal.yml), so prefix them with the address you read it at.',
		);
	});
});
