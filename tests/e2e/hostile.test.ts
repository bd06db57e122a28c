/**
 * Content cannot inject. tests/fixtures/hostile puts `<script>`, `</script>`, `"><img onerror>`,
 * `<svg onload>`, `{{ }}`, `${ }` and javascript: URLs in every text a user can write; every HTML
 * page of its build (found by walking dist/, so new pages are covered as they arrive) is opened in
 * Chromium with scripts on, and nothing of it may run or become markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site/csp.ts';
import { hostileFixture } from '../helpers.ts';
import { entryRecords, filesOf, outDir, page, textOf } from './pages.ts';
import { launchChromium, serve, type Served } from './serve.ts';
import { tabsOf, type Tabs } from './tabs.ts';
import { readJournalFiles } from '../journal-files.ts';

const journal = readJournalFiles(hostileFixture);
const htmlPages = filesOf('hostile', '.html').map((file) => `/${file.replace(/index\.html$/, '')}`);

let server: Served;
let browser: Browser;
/**
 * The tabs of every visit, in one context: the fixture's remote images must not reach the
 * network, so everything but the served site goes to a proxy where nothing listens (cheaper than
 * routing each request through the test).
 */
let tabs: Tabs;
/** Where the page in each tab reports at its load event (`reportVisit`). */
const reports = new Map<Page, (visit: Report) => void>();

beforeAll(async () => {
	server = await serve(outDir('hostile'));
	browser = await launchChromium();
	const context = await browser.newContext({
		proxy: { server: 'http://127.0.0.1:9', bypass: new URL(server.origin).hostname },
	});
	await context.exposeBinding('reportVisit', ({ page }, visit: Report) =>
		reports.get(page)?.(visit),
	);
	// Checked in the page at its load event. An alias page's refresh would navigate away as soon
	// as the load event ends, racing its own report and the tab's next visit: stop() cancels it.
	await context.addInitScript(
		`addEventListener('load', () => { if (document.querySelector('meta[http-equiv="refresh" i]')) stop(); reportVisit({ href: location.href, injections: (${findInjections.toString()})(), heading: document.querySelector('h1')?.textContent ?? null }); });`,
	);
	// Independent pages: several load at once while others wait on the network.
	tabs = tabsOf(context, 4);
});

afterAll(async () => {
	await tabs?.close();
	await browser?.close();
	await server?.close();
});

interface Visit {
	/** What alert(), confirm() or prompt() asked, if any code ran. */
	dialogs: string[];
	/** What findInjections found at the load event. */
	injections: string[];
	/** The text of the page's first heading at the load event. */
	heading: string | null;
}

/** What a page reports at its load event: its address, and what it found. */
type Report = Omit<Visit, 'dialogs'> & { href: string };

const visits = new Map<string, Promise<Visit>>();

/**
 * Opens the page at `path` once for every test that reads it: a page load is the slow part, and
 * what it finds does not depend on which test asked.
 */
function visit(path: string): Promise<Visit> {
	if (!visits.has(path))
		visits.set(
			path,
			tabs.use((page) => load(page, path)),
		);
	return visits.get(path)!;
}

async function load(page: Page, path: string): Promise<Visit> {
	const url = new URL(server.url(path)).href;
	const dialogs: string[] = [];
	const onDialog = (dialog: Dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	};
	// Only this page's report, should anything else in the tab report.
	const reported = new Promise<Report>((resolve) =>
		reports.set(page, (report) => {
			if (report.href === url) resolve(report);
		}),
	);
	// This load's listener only: the tab is reused.
	page.on('dialog', onDialog);
	try {
		await page.goto(url, { waitUntil: 'load' });
		const { injections, heading } = await reported;
		return { dialogs, injections, heading };
	} finally {
		reports.delete(page);
		page.off('dialog', onDialog);
	}
}

/** Everything on the open page that content could have injected, as readable findings. */
function findInjections(): string[] {
	const found: string[] = [];
	const sameOrigin = (url: string) => new URL(url, location.href).origin === location.origin;
	const protocolOf = (url: string) => new URL(url, location.href).protocol;
	for (const el of document.querySelectorAll('*')) {
		for (const { name } of el.attributes) {
			if (/^on/i.test(name)) found.push(`<${el.localName}> has ${name}`);
		}
	}
	for (const el of document.querySelectorAll('iframe, frame, object, embed, base, style')) {
		found.push(`<${el.localName}> element`);
	}
	// The site's own forms ask its search page (the search box) or the page itself (the period picker).
	for (const el of document.querySelectorAll<HTMLFormElement>('form')) {
		const action = new URL(el.action, location.href);
		const ownTarget = action.pathname.endsWith('/search/') || action.pathname === location.pathname;
		if (!sameOrigin(action.href) || !ownTarget) {
			found.push(`<form> to ${el.getAttribute('action')}`);
		}
	}
	if (document.querySelector('img[src="x"]')) found.push('<img src="x">');
	for (const el of document.querySelectorAll<HTMLAnchorElement>('a[href], area[href]')) {
		const href = el.getAttribute('href')!;
		if (!['http:', 'https:', 'mailto:'].includes(protocolOf(href))) found.push(`link to ${href}`);
	}
	for (const el of document.querySelectorAll('[src]')) {
		const src = el.getAttribute('src')!;
		if (!['http:', 'https:'].includes(protocolOf(src))) found.push(`<${el.localName}> src ${src}`);
	}
	for (const el of document.querySelectorAll('script')) {
		// Data islands are allowed; code only from the site's own files.
		if (/json/.test(el.type)) continue;
		if (!el.src || !sameOrigin(el.src) || el.textContent?.trim()) {
			found.push(`script ${el.src || el.textContent?.slice(0, 60)}`);
		}
	}
	for (const el of document.querySelectorAll<HTMLLinkElement>('link[href]')) {
		if (el.rel === 'stylesheet' && !sameOrigin(el.href)) found.push(`stylesheet ${el.href}`);
	}
	for (const el of document.querySelectorAll('meta[http-equiv]')) {
		// The site's own policy, checked word for word by csp.test.ts.
		if (el.getAttribute('http-equiv') === 'Content-Security-Policy') continue;
		const target = /url=(.*)$/i.exec(el.getAttribute('content') ?? '')?.[1];
		if (!target || !sameOrigin(target)) found.push(`meta ${el.getAttribute('content')}`);
	}
	return found;
}

describe('every page of the hostile journal', () => {
	// In the HTML as published: the site's scripts may set styles through the CSSOM later (chart.js
	// sizes its canvas), which the CSP allows; markup may carry none.
	it.each(htmlPages)('%s has no style or event-handler attribute in its HTML', (path) => {
		const html = parse(
			readFileSync(join(outDir('hostile'), path, path.endsWith('/') ? 'index.html' : ''), 'utf8'),
		);
		const found = html.querySelectorAll('*').flatMap((el) =>
			Object.keys(el.attributes)
				.filter((name) => name === 'style' || /^on/i.test(name))
				.map((name) => `<${el.rawTagName}> has ${name}`),
		);
		expect(found).toEqual([]);
	});

	it.each(htmlPages)('%s carries the site’s Content-Security-Policy', (path) => {
		const html = parse(
			readFileSync(join(outDir('hostile'), path, path.endsWith('/') ? 'index.html' : ''), 'utf8'),
		);
		const policies = html
			.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
			.map((meta) => meta.getAttribute('content'));
		expect(policies).toEqual([CONTENT_SECURITY_POLICY]);
	});

	it('has pages of every kind to visit', () => {
		for (const kind of ['entries', 'people', 'teams', 'features', 'metrics', 'tags', 'months']) {
			expect(htmlPages.some((p) => p.startsWith(`/${kind}/`) && p !== `/${kind}/`)).toBe(true);
		}
	});

	// Independent pages of one context: several load at once while others wait on the network.
	it.concurrent.each(htmlPages)(
		'%s runs no injected code and has no injected element',
		async (path) => {
			const { dialogs, injections } = await visit(path);
			expect(dialogs).toEqual([]);
			expect(injections).toEqual([]);
		},
		// The timeout covers the pages loading beside this one.
		60_000,
	);
});

describe('hostile text is shown as written', () => {
	const titleOf = async (path: string) => (await visit(path)).heading;

	it.each([
		['entries', journal.entries],
		['people', journal.people],
		['teams', journal.teams],
		['features', journal.features],
		['metrics', journal.metrics],
	] as const)('in the heading of each page under /%s/', async (kind, docs) => {
		for (const doc of docs) {
			const data = doc.data as { title?: string; name?: string };
			expect(await titleOf(`/${kind}/${doc.id}/`)).toBe(
				kind === 'entries' ? data.title : data.name,
			);
		}
	});
});

describe('hostile text on a 390 px phone', () => {
	const pages = [
		['entries', journal.entries],
		['people', journal.people],
		['teams', journal.teams],
		['features', journal.features],
		['metrics', journal.metrics],
	].flatMap(([kind, docs]) => (docs as { id: string }[]).map((doc) => `/${kind}/${doc.id}/`));

	// A name with no space to break at (`onload=alert("team")>Payments</svg>`) ran off the screen.
	it('wraps each page heading inside its box', async () => {
		const context = await browser.newContext({
			viewport: { width: 390, height: 800 },
			proxy: { server: 'http://127.0.0.1:9', bypass: new URL(server.origin).hostname },
		});
		try {
			const phone = await context.newPage();
			const overflowing: string[] = [];
			for (const path of pages) {
				await phone.goto(server.url(path));
				const [scrollWidth, clientWidth] = await phone.$eval('h1', (h1) => [
					h1.scrollWidth,
					h1.clientWidth,
				]);
				if (scrollWidth > clientWidth) overflowing.push(`${path}: ${scrollWidth} > ${clientWidth}`);
			}
			expect(pages.length).toBeGreaterThan(5);
			expect(overflowing).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describe('feeds and data files of the hostile journal', () => {
	const read = (file: string) => readFileSync(join(outDir('hostile'), file), 'utf8');

	// Chromium's XML parser, as strict as a feed reader's, in one blank page for every file.
	let parser: Page;
	beforeAll(async () => {
		parser = await browser.newPage();
	});
	afterAll(async () => {
		await parser?.close();
	});

	it.each(filesOf('hostile', '.xml'))('%s is well-formed XML', async (file) => {
		const error = await parser.evaluate(
			(text) =>
				new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')
					?.textContent ?? null,
			read(file),
		);
		expect(error).toBeNull();
	});

	it.each(filesOf('hostile', '.json'))('%s parses as JSON', (file) => {
		expect(() => JSON.parse(read(file))).not.toThrow();
	});

	it('RSS descriptions hold escaped HTML that a reader shows as text', () => {
		const rss = new XMLParser().parse(read('rss.xml'));
		const items = [rss.rss.channel.item].flat();
		const summaries = journal.entries.map((e) => e.data?.summary).filter(Boolean);
		expect(summaries.length).toBeGreaterThan(0);
		const descriptions = items.map((item) => String(item.description ?? ''));
		for (const description of descriptions) expect(description).not.toMatch(/</);
		expect(descriptions.some((d) => d.includes('&#60;svg onload'))).toBe(true);
	});

	it('the entry exports carry titles and summaries as the authors wrote them', () => {
		const records = entryRecords<{ slug: string; title: string }>('hostile');
		for (const doc of journal.entries) {
			expect(records.find((r) => r.slug === doc.id)?.title).toBe(doc.data?.title);
		}
	});
});

describe('values at the ends of their range', () => {
	const text = (path: string) => textOf(page('hostile', path).querySelector('main'));

	it('dates from 0000-01-01 to 9999-12-31 are shown with their year as written', () => {
		expect(text('entries/year-zero')).toContain('1 Jan 0000');
		expect(text('entries/year-zero')).toContain('30 Jun 0099');
		expect(text('entries/far-future')).toContain('31 Dec 9999');
		expect(text('months/0000-01')).toContain('January 0000');
		expect(text('months/9999-12')).toContain('December 9999');
		for (const path of ['entries/year-zero', 'months/0000-01'])
			expect(text(path)).not.toMatch(/\b(19|20)(00|99)\b/);
	});

	it('the largest and the smallest number a metric can hold are shown', () => {
		const json = entryRecords<{ slug: string; metrics: object[] }>('hostile');
		expect(json.find((r) => r.slug === 'far-future')?.metrics).toEqual([
			expect.objectContaining({ before: 1.7e308, after: 5e-324 }),
		]);
	});
});
