/**
 * Search in a real browser (Debian's Chromium) under the site's Content-Security-Policy: the
 * index holds what the build published, facets narrow to entries that really have the value,
 * the URL restores a search, nothing of the index loads before typing, and content is text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import type { Entry } from '../../src/lib/content/schema.ts';
import { FACETS, getSearchFacets, type Facet } from '../../src/lib/site/search-facets.ts';
import { BARE_ENTRY, hostileEntry, minimalFixture, sampleContent } from '../helpers.ts';
import { JAPANESE_ENTRY } from './journals.ts';
import { outDir, type SiteBuild } from './pages.ts';
import { CSP, launchChromium, resultsOf, serve, type Served } from './serve.ts';
import { axeViolations, COLOR_SCHEMES } from './axe.ts';

interface Source {
	slug: string;
	/** Everything in the file, frontmatter included. */
	text: string;
	/** The title and write-up: text that is certainly indexed. */
	prose: string;
	data: Entry;
}

/** A journal's entries, and the names that appear on every entry page, from its files. */
function read(root: string, extra: Source[] = []) {
	const journal = loadJournal(root);
	const entries: Source[] = journal.entries.map((e) => {
		const data = e.data as Entry;
		return {
			slug: e.id,
			text: `${JSON.stringify(e.raw)} ${e.body}`,
			prose: `${data.title} ${e.body}`,
			data,
		};
	});
	const names = [journal.people, journal.teams, journal.features, journal.metrics]
		.flat()
		.map((d) => JSON.stringify(d.raw))
		.join(' ');
	return { entries: [...entries, ...extra], names };
}

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/**
 * A word of the entry's title or write-up that no other entry (nor a name) shares even its first
 * five letters with: Pagefind stems words and matches a query as a prefix, so nothing else can.
 */
function uniqueWord({ entries, names }: ReturnType<typeof read>, slug: string) {
	const prefixes = new Set(
		[names, ...entries.filter((e) => e.slug !== slug).map((e) => e.text)]
			.flatMap(wordsOf)
			.map((w) => w.slice(0, 5)),
	);
	return wordsOf(entries.find((e) => e.slug === slug)!.prose)
		.filter((w) => w.length >= 7 && !prefixes.has(w.slice(0, 5)))
		.sort()[0];
}

const sample = read(sampleContent);
const published = sample.entries.filter((e) => !e.data.draft);
// The `based` build: the minimal fixture plus the entry with markup in its title.
const based = read(minimalFixture, [
	{
		slug: hostileEntry.slug,
		text: hostileEntry.file,
		prose: hostileEntry.file,
		data: { title: hostileEntry.title } as Entry,
	},
	{
		slug: BARE_ENTRY.slug,
		text: BARE_ENTRY.file,
		prose: BARE_ENTRY.title,
		data: { title: BARE_ENTRY.title } as Entry,
	},
]);

const facetsOf = new Map(published.map((e) => [e.slug, getSearchFacets(e.data)]));
const having = (facet: Facet, value: string) =>
	published.filter((e) => facetsOf.get(e.slug)![facet].includes(value)).map((e) => e.slug);

/** The value of a facet that most entries have without all of them having it. */
function commonValue(facet: Facet): string {
	const counts = new Map<string, number>();
	for (const f of facetsOf.values())
		for (const v of f[facet]) counts.set(v, (counts.get(v) ?? 0) + 1);
	const [value] = [...counts]
		.filter(([, n]) => n < published.length)
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
	return value;
}

let browser: Browser;
const servers = new Map<SiteBuild, Served>();

beforeAll(async () => {
	browser = await launchChromium();
	for (const build of ['sample', 'samplePublic', 'based', 'japanese'] as const)
		servers.set(
			build,
			await serve(outDir(build), {
				base: build === 'based' ? '/journal/' : '/',
				headers: { 'Content-Security-Policy': CSP },
			}),
		);
});

afterAll(async () => {
	// Each context closes before the browser: nothing is left to reject once it has gone.
	for (const tab of tabs.values()) await (await tab).page.context().close();
	await browser?.close();
	for (const server of servers.values()) await server.close();
});

interface Watched {
	page: Page;
	/** Script errors, CSP violations and dialogs since the page last opened a URL. */
	problems: string[];
}

/**
 * One tab per set of context options, shared by the tests: a new tab starts a renderer process,
 * which costs more than the search itself. Each `open` loads a new document into it.
 */
const tabs = new Map<string, Promise<Watched>>();

/** A page of one build at `path`, noting any script error, CSP violation or dialog. */
async function open(build: SiteBuild, path: string, options: BrowserContextOptions = {}) {
	const key = JSON.stringify(options);
	if (!tabs.has(key)) tabs.set(key, watchedPage(options));
	const tab = await tabs.get(key)!;
	// What the previous test's document reported is not this one's.
	tab.problems.length = 0;
	await tab.page.goto(servers.get(build)!.origin + path);
	return tab;
}

/** A page in a context of its own; closing the context (not the page) ends both. */
async function watchedPage(options: BrowserContextOptions = {}): Promise<Watched> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(error.message));
	page.on('console', (message) => {
		if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
	});
	page.on('dialog', (dialog) => {
		problems.push(`dialog: ${dialog.message()}`);
		// A dialog left open when the page closes is dismissed by the close.
		dialog.dismiss().catch(() => {});
	});
	return { page, problems };
}

/** Opens the filter panel and the given facets, and waits for their values. */
async function openFacets(page: Page, facets: Facet[]) {
	// Open already on a wide screen; behind its button on a phone.
	if ((await page.locator('.search-filters').getAttribute('open')) === null)
		await page.locator('.search-filters > summary').click();
	for (const facet of facets) {
		await page.locator(`details[data-facet="${facet}"] > summary`).click();
		await page.locator(`details[data-facet="${facet}"] input`).first().waitFor();
	}
}

describe('finding entries', () => {
	it('a word only one entry contains, typed in the header of any page, finds exactly that entry', async () => {
		const target = published.find((e) => uniqueWord(sample, e.slug))!;
		const word = uniqueWord(sample, target.slug)!;
		const { page, problems } = await open('sample', '/teams/');
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		// In a field, `/` is just a character.
		await page.keyboard.press('/');
		expect(await page.inputValue('#site-search-q')).toBe('/');
		await page.keyboard.press('Backspace');
		await page.keyboard.type(word);
		await page.keyboard.press('Enter');
		await page.waitForURL(`**/search/?q=${word}`);
		expect(await resultsOf(page, `q=${word}`)).toEqual([target.slug]);
		expect(await page.inputValue('#search-q')).toBe(word);
		expect(problems).toEqual([]);
	});

	it.each(FACETS)('the %s facet narrows results to entries that have the value', async (facet) => {
		const value = commonValue(facet);
		const query = new URLSearchParams({ [facet]: value }).toString();
		const { page, problems } = await open('sample', `/search/?${query}`);
		expect((await resultsOf(page, query)).sort()).toEqual(having(facet, value).sort());
		expect(problems).toEqual([]);
	});

	it('the filter panel counts what remains, and two facets combine', async () => {
		const team = commonValue('team');
		const inTeam = having('team', team);
		const { page, problems } = await open('sample', `/search/?team=${team}`);
		await page.locator(`#search[data-searched="team=${team}"]`).waitFor();
		await openFacets(page, ['status']);
		// Each status offered is one the team's entries have, with how many of them have it.
		const offered = await page
			.locator('details[data-facet="status"] label')
			.evaluateAll((labels) =>
				labels.map((l) => [
					l.querySelector('input')!.value,
					Number(l.querySelector('.count')!.textContent),
				]),
			);
		const statuses = [...new Set(inTeam.map((s) => facetsOf.get(s)!.status[0]!))];
		expect(Object.fromEntries(offered)).toEqual(
			Object.fromEntries(
				statuses.map((st) => [st, inTeam.filter((s) => having('status', st).includes(s)).length]),
			),
		);
		const status = commonValue('status');
		const expected = inTeam.filter((s) => having('status', status).includes(s));
		expect(expected.length).toBeGreaterThan(0);
		await page.locator(`input[name="status"][value="${status}"]`).check();
		const query = `team=${team}&status=${status}`;
		expect((await resultsOf(page, query)).sort()).toEqual(expected.sort());
		expect(new URL(page.url()).search).toBe(`?${query}`);
		expect(problems).toEqual([]);
	});
});

describe('the URL holds the search', () => {
	it('a shared URL with words, filters and sort restores all three, and back steps through', async () => {
		const word = 'checkout';
		const team = commonValue('team');
		const query = `q=${word}&team=${team}&sort=oldest`;
		const { page, problems } = await open('sample', `/search/?${query}`);
		const slugs = await resultsOf(page, query);
		expect(slugs.length).toBeGreaterThan(1);
		expect(await page.inputValue('#search-q')).toBe(word);
		expect(await page.inputValue('#search-sort')).toBe('oldest');
		expect(await page.locator('.search-chips button').allTextContents()).toEqual([
			expect.stringContaining('Team: '),
		]);
		const bySlug = new Map(published.map((e) => [e.slug, e.data]));
		const dates = slugs.map((s) => bySlug.get(s)!.date);
		expect(dates).toEqual([...dates].sort());
		expect(slugs.every((s) => bySlug.get(s)!.team === team)).toBe(true);

		await page.selectOption('#search-sort', 'newest');
		await page.locator('#search[data-searched$="sort=newest"]').waitFor();
		await page.locator('.search-chips button').click();
		await page.locator(`#search[data-searched="q=${word}&sort=newest"]`).waitFor();
		await page.goBack();
		await page.locator(`#search[data-searched="q=${word}&team=${team}&sort=newest"]`).waitFor();
		expect(await page.inputValue('#search-sort')).toBe('newest');
		await page.goBack();
		await page.locator(`#search[data-searched="${query}"]`).waitFor();
		expect(await page.inputValue('#search-sort')).toBe('oldest');
		expect(problems).toEqual([]);
	});
});

describe('cost', () => {
	it('the search page fetches nothing of the index until there is something to search for', async () => {
		const { page, problems } = await watchedPage();
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
		await page.goto(`${servers.get('sample')!.origin}/search/`, { waitUntil: 'networkidle' });
		expect(fetched).toContain('/search/');
		await page.locator('#search-q').focus();
		await page.waitForTimeout(300);
		expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);
		// Stop words alone wait for a real word: their index chunks are the largest. Filled at once:
		// typed key by key on a busy machine, the pause inside "th" could search for that prefix.
		await page.fill('#search-q', 'we the ');
		await page.waitForTimeout(800);
		expect(fetched.filter((path) => path.includes('/pagefind/index/'))).toEqual([]);
		await page.keyboard.type('latency');
		await page.locator('#search[data-searched="q=we+the+latency"]').waitFor();
		expect(fetched).toContain('/pagefind/pagefind.js');
		// A facet's filter index waits until that facet is opened.
		const filterIndexes = () => fetched.filter((path) => path.includes('/pagefind/filter/'));
		// The filter panel is open beside the results on a wide screen: no facet is loaded yet.
		expect(await page.locator('.search-filters').getAttribute('open')).not.toBeNull();
		await page.waitForTimeout(300);
		expect(filterIndexes()).toEqual([]);
		await page.locator('details[data-facet="team"] > summary').click();
		await page.locator('details[data-facet="team"] input').first().waitFor();
		expect(filterIndexes()).toHaveLength(1);
		await page.context().close();
		expect(problems).toEqual([]);
	});
});

describe('an entry with no write-up and no summary', () => {
	// Its title, person, team, feature, metric and tag: each finds it, and each filter lists it.
	it.each([
		['its exact title', BARE_ENTRY.title],
		['a word of its title', 'zanderfield'],
		['its author', 'Bo Chen'],
		['its team', 'Growth'],
		['its metric', 'Checkout conversion'],
		['its tag', 'wolverbrook'],
	])('is found by %s', async (_, words) => {
		const query = new URLSearchParams({ q: words }).toString();
		const { page, problems } = await open('based', `/journal/search/?${query}`);
		expect(await resultsOf(page, query)).toContain(BARE_ENTRY.slug);
		const result = page.locator(`.search-results li:has(a[href$="/${BARE_ENTRY.slug}/"])`);
		expect(await result.locator('h2').textContent()).toBe(BARE_ENTRY.title);
		// The title is the heading: the excerpt does not repeat it.
		expect(await result.locator('.excerpt').textContent()).toBe('No write-up.');
		expect(problems).toEqual([]);
	});

	it.each([
		['person', 'bo'],
		['team', 'growth'],
		['feature', 'one-click'],
		['metric', 'conversion'],
		['tag', 'wolverbrook'],
	])('is listed by the %s filter', async (facet, value) => {
		const query = new URLSearchParams({ [facet]: value }).toString();
		const { page, problems } = await open('based', `/journal/search/?${query}`);
		expect(await resultsOf(page, query)).toContain(BARE_ENTRY.slug);
		expect(problems).toEqual([]);
	});
});

describe('excerpts', () => {
	it('come from the write-up, never from the metrics table or the tag list', async () => {
		// Sample entries tagged `latency` have it in their tags and metric tables too.
		const query = 'q=latency';
		const { page, problems } = await open('sample', `/search/?${query}`);
		await resultsOf(page, query);
		const excerpts = await page.locator('.search-results .excerpt').allTextContents();
		expect(excerpts.length).toBeGreaterThan(0);
		for (const text of excerpts) {
			expect(text).not.toMatch(/#\p{L}/u);
			expect(text).not.toMatch(/window: \d|Open: |Done: /);
		}
		expect(problems).toEqual([]);
	});
});

describe('content is text', () => {
	it('a title and text with markup show literally and run nothing', async () => {
		const { page, problems } = await open('based', `/journal/search/?q=${hostileEntry.word}`);
		await page.locator(`#search[data-searched="q=${hostileEntry.word}"]`).waitFor();
		const link = page.locator('.search-results h2 a');
		expect(await link.textContent()).toBe(hostileEntry.title);
		expect(await link.getAttribute('href')).toBe(`/journal/entries/${hostileEntry.slug}/`);
		expect(await page.locator('.search-results .excerpt').textContent()).toContain(
			'<img src=x onerror=alert(2)>',
		);
		expect(await page.locator('.search-results img, .search-results script').count()).toBe(0);
		expect(await page.locator('.search-results mark').allTextContents()).toEqual([
			expect.stringContaining(hostileEntry.word),
		]);
		expect(problems).toEqual([]);
	});
});

describe('audience and base', () => {
	/** Every URL in a build's index, or those matching `term`, through pagefind.js as the page would. */
	async function indexed(build: SiteBuild, term: string | null = null) {
		const { page } = await open(build, '/');
		// A string, so that the test runner does not rewrite the browser's import().
		const urls = await page.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			const search = await pagefind.search(${JSON.stringify(term)}, {});
			return Promise.all(search.results.map(async (r) => (await r.data()).url));
		})()`);
		return (urls as string[]).sort();
	}
	const urlsOf = (entries: Source[]) => entries.map((e) => `/entries/${e.slug}/`).sort();

	it('the public build indexes public entries only', async () => {
		const isPublic = (e: Source) => e.data.visibility === 'public';
		expect(await indexed('samplePublic')).toEqual(urlsOf(published.filter(isPublic)));
		const hidden = published.find((e) => !isPublic(e) && uniqueWord(sample, e.slug))!;
		expect(await indexed('samplePublic', uniqueWord(sample, hidden.slug)!)).toEqual([]);
		expect(await indexed('sample', uniqueWord(sample, hidden.slug)!)).toEqual(urlsOf([hidden]));
	});

	it('the index holds every published entry once, and no draft or alias page', async () => {
		expect(sample.entries.some((e) => e.data.draft)).toBe(true);
		expect(published.some((e) => e.data.aliases?.length)).toBe(true);
		expect(await indexed('sample')).toEqual(urlsOf(published));
	});

	it('search works under base /journal/', async () => {
		const target = based.entries.find((e) => !e.data.draft && uniqueWord(based, e.slug))!;
		const word = uniqueWord(based, target.slug)!;
		const { page, problems } = await open('based', `/journal/search/?q=${word}`);
		expect(await resultsOf(page, `q=${word}`)).toEqual([target.slug]);
		expect(await page.locator('.search-results h2 a').getAttribute('href')).toBe(
			`/journal/entries/${target.slug}/`,
		);
		expect(problems).toEqual([]);
	});
});

describe('a journal written in Japanese (language: ja)', () => {
	it('finds a word inside a sentence with no spaces, and marks the write-up as Japanese', async () => {
		const { word, slug } = JAPANESE_ENTRY;
		const query = new URLSearchParams({ q: word }).toString();
		const { page, problems } = await open('japanese', `/search/?${query}`);
		expect(await resultsOf(page, query)).toEqual([slug]);
		expect(problems).toEqual([]);
		const entry = parse(
			readFileSync(join(outDir('japanese'), `entries/${slug}/index.html`), 'utf8'),
		);
		expect(entry.querySelector('.prose')?.getAttribute('lang')).toBe('ja');
		// The site's own text stays English.
		expect(entry.querySelector('html')?.getAttribute('lang')).toBe('en');
	});
});

describe('the search page for every reader', () => {
	it.each(COLOR_SCHEMES)(
		'has no accessibility violations with results and filters open in %s mode',
		async (colorScheme) => {
			const { page, problems } = await open('sample', '/search/?q=latency', { colorScheme });
			await page.locator('#search[data-searched="q=latency"]').waitFor();
			await openFacets(page, ['person', 'status']);
			expect(await axeViolations(page, colorScheme)).toEqual([]);
			expect(problems).toEqual([]);
		},
	);

	it('has one search box: the header leaves it to the page', async () => {
		const { page, problems } = await open('sample', '/search/?q=latency');
		await page.locator('#search[data-searched="q=latency"]').waitFor();
		expect(await page.locator('input[type="search"]').count()).toBe(1);
		expect(await page.locator('form[role="search"]').count()).toBe(1);
		// `/` still focuses it.
		await page.locator('h1').click();
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		expect(problems).toEqual([]);
	});

	it('on a phone, shows the first result on the first screen, filters folded behind one button', async () => {
		const { page, problems } = await open('sample', '/search/?q=latency', {
			viewport: { width: 390, height: 800 },
		});
		await page.locator('#search[data-searched="q=latency"]').waitFor();
		expect(await page.locator('.search-filters').getAttribute('open')).toBeNull();
		expect(await page.locator('.facet').first().isVisible()).toBe(false);
		const box = await page.locator('.search-results > li').first().boundingBox();
		expect(box!.y + 40).toBeLessThan(800);
		expect(problems).toEqual([]);
	});

	it('on a wide screen, shows the filters open beside the results', async () => {
		const { page } = await open('sample', '/search/?q=latency', {
			viewport: { width: 1280, height: 900 },
		});
		await page.locator('#search[data-searched="q=latency"]').waitFor();
		expect(await page.locator('.search-filters').getAttribute('open')).not.toBeNull();
		const filters = await page.locator('.search-filters').boundingBox();
		const results = await page.locator('.search-results').boundingBox();
		expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
	});

	it('fits a 390 px phone with results and filters open', async () => {
		const { page } = await open('sample', '/search/?q=latency&sort=newest', {
			viewport: { width: 390, height: 800 },
		});
		await page.locator('#search[data-searched="q=latency&sort=newest"]').waitFor();
		await openFacets(page, ['person', 'month', 'tag']);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390,
		);
	});

	it('without JavaScript, says search needs it and links to months, people and tags', async () => {
		const { page } = await open('sample', '/search/?q=latency', { javaScriptEnabled: false });
		expect(await page.locator('main').innerText()).toContain('Search needs JavaScript');
		const hrefs = await page
			.locator('main a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(['/months/', '/people/', '/tags/']);
		expect(await page.locator('#search').isVisible()).toBe(false);
	});
});
