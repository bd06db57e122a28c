/**
 * Drafts and internal entries leave no trace in a build. tests/fixtures/leaks marks every text
 * that only internal entries hold or name with `zqleak` (title, slug, alias, summary, body, metric
 * note, next step, link, tag, and a person, team, feature and metric that only they name, with
 * images beside the entry and in the feature) and every text of a draft with `zqdraft`. Each
 * file of the output is read as bytes, gzip-compressed ones (the search index) unpacked, and its
 * path is read too: that is where an image lands, under its own file name.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaksFixture } from '../helpers.ts';
import { entryRecords, outDir, type SiteBuild } from './pages.ts';
import { launchChromium, serve } from './serve.ts';

const INTERNAL = 'zqleak';
const DRAFT = 'zqdraft';

/** `/`-separated paths of every file under `dir`. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((path) => statSync(join(dir, path)).isFile())
		.map((path) => path.split('\\').join('/'));
}

/** The output files of `build` whose path or bytes hold `marker`, ignoring case. */
function filesWith(build: SiteBuild, marker: string): string[] {
	const dir = outDir(build);
	return filesUnder(dir).filter((path) => {
		const bytes = readFileSync(join(dir, path));
		const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
		const text = `${path}\n${bytes.toString('latin1')}\n${gzip ? gunzipSync(bytes).toString('latin1') : ''}`;
		return text.toLowerCase().includes(marker);
	});
}

describe('the output folder', () => {
	it('of the internal build has internal entries, their images and what they name, and no draft', () => {
		const found = filesWith('leaks', INTERNAL);
		// The markers are there to be found: the internal entry's page, its image, the search index.
		expect(found).toEqual(
			expect.arrayContaining([
				'entries/zqleak-internal/index.html',
				'features/zqleak-feature/index.html',
				'people/zqleak-person/index.html',
				expect.stringMatching(/^_astro\/zqleak-internal-chart\./),
				expect.stringMatching(/^_astro\/zqleak-feature-diagram\./),
				expect.stringMatching(/^pagefind\/fragment\//),
			]),
		);
		expect(filesWith('leaks', DRAFT)).toEqual([]);
	});

	it('of the public build holds no byte of an internal entry or a draft', () => {
		expect(filesWith('leaksPublic', INTERNAL)).toEqual([]);
		expect(filesWith('leaksPublic', DRAFT)).toEqual([]);
		// …while the public entry, its image and what it names are published.
		const files = filesUnder(outDir('leaksPublic'));
		expect(files).toContain('entries/public-win/index.html');
		expect(files.filter((f) => f.startsWith('_astro/public-chart.'))).toHaveLength(1);
	});

	it('of the public build has pages only for the people, teams, features and metrics public entries name', () => {
		const pages = (folder: string) =>
			filesUnder(join(outDir('leaksPublic'), folder))
				.filter((path) => /^[^/]+\/index\.html$/.test(path))
				.map((path) => path.split('/')[0])
				.sort();
		expect(pages('people')).toEqual(['ana']);
		expect(pages('teams')).toEqual(['payments']);
		expect(pages('features')).toEqual(['checkout']);
		expect(pages('metrics')).toEqual(['latency']);
	});

	it('of the public build counts public entries only', () => {
		const read = (path: string) => readFileSync(join(outDir('leaksPublic'), path), 'utf8');
		expect(entryRecords<{ slug: string }>('leaksPublic').map((r) => r.slug)).toEqual([
			'public-win',
		]);
		// A quarter's review counts the public entry only, and lists no other.
		const review = JSON.parse(read('reviews/2026-q1.json'));
		expect(review.totals.entries).toBe(1);
		expect(review.totals.by_status.measured).toBe(1);
		expect(read('reviews/2026-q1/index.html').match(/href="\/entries\/[^"/]+\/"/g)).toEqual(
			expect.arrayContaining(['href="/entries/public-win/"']),
		);
		// The internal build's review does count the internal entry: the check above can fail.
		const internal = JSON.parse(
			readFileSync(join(outDir('leaks'), 'reviews/2026-q1.json'), 'utf8'),
		);
		expect(internal.totals.entries).toBe(2);
		// The internal entry and the draft measured latency too; its page links the public one only.
		const linked = read('metrics/latency/index.html').match(/href="\/entries\/[^"/]+\/"/g);
		expect(new Set(linked)).toEqual(new Set(['href="/entries/public-win/"']));
	});
});

describe('the content folder', () => {
	it('is not written to by a build: nothing in it changed after the first build began', () => {
		const began = statSync(outDir('leaks')).birthtimeMs;
		expect(began).toBeGreaterThan(0);
		const changed = [
			'',
			...readdirSync(leaksFixture, { recursive: true, encoding: 'utf8' }),
		].filter((path) => lstatSync(join(leaksFixture, path)).mtimeMs >= began);
		expect(changed).toEqual([]);
	});
});

describe('the search index, queried in Chromium as the search page does', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** Term → URLs of its results in `build`'s index, through pagefind.js as the page loads it. */
	async function search(build: SiteBuild, terms: string[]): Promise<Record<string, string[]>> {
		const served = await serve(outDir(build));
		const page = await browser.newPage();
		try {
			await page.goto(`${served.origin}/`);
			// A string, so that the test runner does not rewrite the browser's import().
			return (await page.evaluate(`(async () => {
				const pagefind = await import('/pagefind/pagefind.js');
				const found = {};
				for (const term of ${JSON.stringify(terms)}) {
					const search = await pagefind.search(term, {});
					const urls = await Promise.all(search.results.map(async (r) => (await r.data()).url));
					found[term] = urls.sort();
				}
				return found;
			})()`)) as Record<string, string[]>;
		} finally {
			await page.close();
			await served.close();
		}
	}

	it('finds internal entries in the internal build only, and drafts in neither', async () => {
		expect(await search('leaks', [INTERNAL, DRAFT])).toEqual({
			[INTERNAL]: ['/entries/zqleak-internal/'],
			[DRAFT]: [],
		});
		expect(await search('leaksPublic', [INTERNAL, DRAFT, 'batched'])).toEqual({
			[INTERNAL]: [],
			[DRAFT]: [],
			batched: ['/entries/public-win/'],
		});
	});
});
