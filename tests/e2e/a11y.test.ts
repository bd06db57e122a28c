/**
 * Every page type in a real browser (Debian's Chromium), served under docs/security.md's
 * Content-Security-Policy: no console error and no failed request, the keyboard reaches the skip
 * link and then the navigation, axe finds nothing in light mode and no colour problem in dark mode
 * (which changes colours only), nothing scrolls sideways on a phone, and the one shared script.
 * Each page is loaded once at desktop width for all of its desktop checks, and once per phone
 * setting (loads.ts), in tabs kept open (tabs.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadsAhead } from './loads.ts';
import { filesOf, outDir, page as builtPage, type SiteBuild } from './pages.ts';
import { CSP, launchChromium, serve, type Served } from './serve.ts';
import { tabsOf, type Tabs } from './tabs.ts';
import { axeViolations, COLOR_SCHEMES, type ColorScheme } from './axe.ts';

/** An address the journal does not have: the host answers with 404.html. */
const NOT_FOUND = '/no-such-page/';

/** One page of every type (more than one where a type has parts of its own to check). */
const PAGES = [
	'/',
	'/entries/batch-price-lookups/',
	// Highlighted code (Prism classes and our theme) must keep its contrast in both schemes.
	'/entries/alert-slo-burn-rate/',
	'/months/2026-03/',
	'/people/ana/',
	'/people/ana/history/',
	// With a period: the comparison with the previous period is shown.
	'/people/ana/history/?from=2026-01&to=2026-06',
	'/teams/payments/',
	'/features/one-click-checkout/',
	'/metrics/checkout-p95-ms/',
	'/metrics/auth-approval-rate/',
	'/metrics/checkout-p95-ms/6m/',
	'/metrics/',
	'/tags/',
	'/tags/latency/',
	'/follow-ups/',
	'/reviews/',
	'/reviews/2026-q3/',
	'/reviews/2026-q3/payments/',
	'/follow-ups/teams/payments/',
	'/evidence/',
	// With a query, the page loads Pagefind and its index and shows results.
	'/search/?q=checkout',
	NOT_FOUND,
];

/** A history split by year (lib/site/history-pages.ts): its summary, and its shortest year. */
const SPLIT_HISTORY = ['/people/ana/history/', '/people/ana/history/2026/'];
/** A team split by year (its page lists years, not entries), and its shortest year. */
const SPLIT_TEAM = ['/teams/payments/', '/teams/payments/2026/'];

/** Each page with the build it is served from. */
const TARGETS: [SiteBuild, string][] = [
	...PAGES.map((path): [SiteBuild, string] => ['sample', path]),
	...[...SPLIT_HISTORY, ...SPLIT_TEAM].map((path): [SiteBuild, string] => [
		'manyMeasurements',
		path,
	]),
];

/**
 * How long a test may wait for its target's loads: axe checks the contrast of every table cell,
 * and long tables on a busy machine take a while.
 */
const VISIT_TIMEOUT = 120_000;

let site: Served;
let split: Served;
let browser: Browser;
/** Tabs at desktop width, and on a phone with scripts on and off (tabs.ts). */
let desktopTabs: Tabs;
let phoneTabs: Record<'true' | 'false', Tabs>;

let origin: string;
const originOf = (build: SiteBuild) => (build === 'sample' ? site : split).origin;

/**
 * The one script any page may carry: the header search box's `/` shortcut, a small external
 * module (the search page adds its own; search.test.ts tests that page).
 */
const sharedScript = builtPage('sample', '')
	.querySelector('header script[src]')
	?.getAttribute('src');

beforeAll(async () => {
	site = await serve(outDir('sample'), { headers: { 'Content-Security-Policy': CSP } });
	origin = site.origin;
	split = await serve(outDir('manyMeasurements'), {
		headers: { 'Content-Security-Policy': CSP },
	});
	browser = await launchChromium();
	// Two of each: a target's loads run beside the next target's (visit, below).
	desktopTabs = tabsOf(await browser.newContext({ colorScheme: 'light' }), 2);
	const phone = async (javaScriptEnabled: boolean) =>
		tabsOf(
			await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled }),
			2,
		);
	phoneTabs = { true: await phone(true), false: await phone(false) };
});

afterAll(async () => {
	for (const tabs of [desktopTabs, phoneTabs?.true, phoneTabs?.false]) await tabs?.close();
	await browser?.close();
	await site?.close();
	await split?.close();
});

it('the dark colour scheme sets colours only: no layout, no visibility, no other property', () => {
	const declarations = (['sample', 'manyMeasurements'] as const).flatMap((build) =>
		filesOf(build, '.css').flatMap((file) =>
			darkDeclarations(readFileSync(join(outDir(build), file), 'utf8')),
		),
	);
	// The sample's stylesheets have dark rules of both kinds.
	expect(declarations.some((d) => d.startsWith('--'))).toBe(true);
	expect(declarations.some((d) => d.startsWith('color:'))).toBe(true);
	const colour =
		/^(?:--[\w-]+|color|background(?:-color)?|border(?:-\w+)?-color|outline-color|fill|stroke):(?:#[0-9a-f]{3,8}|(?:rgb|hsl)a?\([^)]*\))$/i;
	expect(declarations.filter((d) => !colour.test(d))).toEqual([]);
});

it('the shared script is one small file', () => {
	expect(sharedScript).toMatch(/^\/_astro\/[^/]+\.js$/);
	expect(statSync(join(outDir('sample'), sharedScript!)).size).toBeLessThan(2048);
});

describe.each(TARGETS)('%s %s', (build, path) => {
	it(
		'loads with no console error and no failed request (favicon included); Tab reaches the skip link, then the navigation',
		async () => {
			const { problems, status, iconStatus, stops } = (await visit([build, path])).desktop;
			expect(problems).toEqual([]);
			expect(status).toBe(path === NOT_FOUND ? 404 : 200);
			expect(iconStatus).toBe(200);
			// The journal's title links home between the skip link and the navigation.
			expect(stops).toEqual([
				'skip: Skip to content',
				expect.stringMatching(/^header: /),
				'nav: Months',
				'nav: People',
			]);
		},
		VISIT_TIMEOUT,
	);

	it.each(COLOR_SCHEMES)(
		'has no accessibility violations in %s mode',
		async (colorScheme) => {
			expect((await visit([build, path])).desktop.violations[colorScheme]).toEqual([]);
		},
		VISIT_TIMEOUT,
	);

	it.each([true, false])(
		'fits a 390 px phone screen without horizontal scrolling (scripts on: %s)',
		async (javaScriptEnabled) => {
			const { scrollWidth, clientWidth } = (await visit([build, path])).phone[
				`${javaScriptEnabled}`
			];
			expect(clientWidth).toBe(390);
			expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		},
		VISIT_TIMEOUT,
	);

	// Islands load their own script files; chart code stays on chart pages (charts.test.ts).
	it('loads scripts only as files, none inline', () => {
		const file = path === NOT_FOUND ? '404.html' : path.slice(1).split('?')[0]!;
		const scripts = builtPage(build, file)
			.querySelectorAll('script')
			.map((s) => ({ src: s.getAttribute('src'), code: s.textContent.trim() }));
		for (const script of scripts) expect(script).toEqual({ src: expect.any(String), code: '' });
	});
});

describe('on a phone', () => {
	const phone = { viewport: { width: 390, height: 800 } };

	it.each([true, false])(
		'the header is at most about 100 px tall, and its Menu button opens the navigation (scripts on: %s)',
		async (javaScriptEnabled) => {
			const page = await browser.newPage({ ...phone, javaScriptEnabled });
			await page.goto(origin + '/teams/payments/');
			const header = await page.locator('header.site-header').boundingBox();
			expect(header!.height).toBeLessThanOrEqual(104);
			expect(await page.locator('#site-search-q').isVisible()).toBe(true);
			const months = page.locator('nav.site-nav a', { hasText: 'Months' });
			expect(await months.isVisible()).toBe(false);
			// The keyboard reaches the button; Enter opens it, and the links are next.
			const menu = page.locator('.site-menu > summary');
			await menu.focus();
			await page.keyboard.press('Enter');
			expect(await months.isVisible()).toBe(true);
			await page.keyboard.press('Tab');
			expect(await focused(page)).toBe('nav: Months');
			// Open, it lies over the page: the header keeps its height.
			expect((await page.locator('header.site-header').boundingBox())!.height).toBe(header!.height);
			await page.close();
		},
	);

	it('on a wide screen there is no Menu button: the links show in a row', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(origin + '/teams/payments/');
		expect(await page.locator('.site-menu > summary').isVisible()).toBe(false);
		expect(await page.locator('nav.site-nav a', { hasText: 'Follow-ups' }).isVisible()).toBe(true);
		await page.close();
	});

	it.each(TARGETS)(
		'%s %s has no scroll box inside the page that scrolls down',
		async (build, path) => {
			expect((await visit([build, path])).phone.true.boxes).toEqual([]);
		},
		VISIT_TIMEOUT,
	);

	// A word cut in two ("INCONCLUSI / VE") is a box too narrow for the words it holds.
	it.each(TARGETS)(
		'%s %s breaks no word of the journal across two lines',
		async (build, path) => {
			expect((await visit([build, path])).phone.true.brokenWords).toEqual([]);
		},
		VISIT_TIMEOUT,
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

/** What the tests read of one target: its page at desktop width, and on a phone. */
interface Visit {
	desktop: Awaited<ReturnType<typeof onDesktop>>;
	phone: Record<'true' | 'false', Awaited<ReturnType<typeof onPhone>>>;
}

/** A target's three loads (desktop, then phone with and without scripts), made for its first test. */
const visit = loadsAhead(
	TARGETS,
	async ([build, path]): Promise<Visit> => {
		const url = originOf(build) + path;
		const desktop = await onDesktop(url, path === NOT_FOUND);
		const on = await onPhone(url, true);
		const off = await onPhone(url, false);
		return { desktop, phone: { true: on, false: off } };
	},
	1,
);

/**
 * One load of the page at `url` at desktop width, for every check that reads it: what went wrong
 * while it loaded and settled, the favicon's status, what axe finds in light mode and then in
 * dark mode (the page's media queries follow the switch, as a reader's would), and then where
 * four presses of Tab put the focus.
 */
async function onDesktop(url: string, notFound: boolean) {
	return desktopTabs.use(async (page) => {
		const problems: string[] = [];
		const onConsole = (m: ConsoleMessage) => {
			// Chromium logs a page's own 404 status as an error: that one is the point here.
			if (m.type() !== 'error' || (notFound && m.location().url === url)) return;
			problems.push(`console: ${m.text()} (${m.location().url})`);
		};
		const onError = (e: Error) => problems.push(`uncaught: ${e.message}`);
		const onFailed = (r: Request) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
		const onResponse = (r: Response) => {
			const expected = notFound && r.url() === url ? 404 : 200;
			if (r.status() !== expected && r.status() !== 304) problems.push(`${r.status()}: ${r.url()}`);
		};
		// Listeners of this load only: the tab is reused (tabs.ts).
		page.on('console', onConsole).on('pageerror', onError);
		page.on('requestfailed', onFailed).on('response', onResponse);
		try {
			await page.emulateMedia({ colorScheme: 'light' });
			// Settled: what a page fetches after its load event (search's index) is checked too.
			const response = await page.goto(url, { waitUntil: 'networkidle' });
			// Headless Chromium fetches no favicon itself: ask for the one the page names.
			const icon = await page.locator('link[rel="icon"]').getAttribute('href');
			const iconStatus = await page.evaluate(async (href) => (await fetch(href)).status, icon!);
			const violations = {} as Record<ColorScheme, string[]>;
			for (const colorScheme of COLOR_SCHEMES) {
				await page.emulateMedia({ colorScheme });
				violations[colorScheme] = await axeViolations(page, colorScheme);
			}
			const stops = [];
			for (let i = 0; i < 4; i++) {
				await page.keyboard.press('Tab');
				stops.push(await focused(page));
			}
			return { problems, status: response?.status(), iconStatus, violations, stops };
		} finally {
			page.off('console', onConsole).off('pageerror', onError);
			page.off('requestfailed', onFailed).off('response', onResponse);
		}
	});
}

/** What the page at `url` measures on a 390 px phone screen, with scripts on or off. */
function onPhone(url: string, javaScriptEnabled: boolean) {
	return phoneTabs[`${javaScriptEnabled}`].use(async (page) => {
		await page.goto(url);
		return page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
			// Words of letters alone laid out on two lines; not a URL, nor an identifier in code, which may break.
			brokenWords: [...document.querySelectorAll('main *')].flatMap((el) =>
				[...el.childNodes].flatMap((node) => {
					const word = node.textContent?.trim() ?? '';
					if (node.nodeType !== Node.TEXT_NODE || !/^\p{L}{4,}$/u.test(word)) return [];
					// Text for screen readers only sits in a 1 px box, where any word wraps.
					for (let box: Element | null = el; box; box = box.parentElement)
						if (box.getBoundingClientRect().width <= 1) return [];
					if (!el.checkVisibility() || el.closest('code, pre')) return [];
					const range = document.createRange();
					range.selectNodeContents(node);
					const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
					return lines.size > 1 ? [`${el.tagName.toLowerCase()}: ${word}`] : [];
				}),
			),
			// Boxes inside main that scroll down rather than letting the page grow.
			boxes: [...document.querySelectorAll('main *')]
				.filter((el) => {
					const { overflowY } = getComputedStyle(el);
					return /auto|scroll/.test(overflowY) && el.scrollHeight > el.clientHeight + 1;
				})
				.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
		}));
	});
}

/** The declarations (`color:#fff`) inside every `@media (prefers-color-scheme: dark)` of a stylesheet. */
function darkDeclarations(css: string): string[] {
	const found: string[] = [];
	for (const match of css.matchAll(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/g)) {
		// The block ends where its braces balance.
		let depth = 1;
		let end = match.index + match[0].length;
		for (; depth > 0 && end < css.length; end++)
			depth += css[end] === '{' ? 1 : css[end] === '}' ? -1 : 0;
		const block = css.slice(match.index + match[0].length, end - 1);
		for (const [, body] of block.matchAll(/\{([^{}]*)\}/g))
			for (const declaration of body!.split(';'))
				if (declaration.trim()) found.push(declaration.trim().replace(/\s*:\s*/, ':'));
	}
	return found;
}

/** Where the keyboard focus is: the skip link, the header or navigation, or main, and its text. */
function focused(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement!;
		const place = el.matches('.skip-link')
			? 'skip'
			: el.closest('nav.site-nav')
				? 'nav'
				: el.closest('header')
					? 'header'
					: el.closest('main')
						? 'main'
						: el.tagName;
		return `${place}: ${el.textContent?.trim()}`;
	});
}
