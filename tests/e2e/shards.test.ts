/**
 * The sample journal built shard by shard (JOURNAL_SHARD) and merged (`npm run shards -- merge`)
 * is the same site as its single build: the same files, the same pages and exports byte for byte,
 * and search finds the same entries. Each shard wrote only its own part.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/content/schema.ts';
import { sampleContent } from '../helpers.ts';
import { getBuild, outDir } from './pages.ts';
import { CSP, launchChromium, resultsOf, serve, type Served } from './serve.ts';
import { readJournalFiles } from '../journal-files.ts';

const single = outDir('sample');
const { outDir: merged, shards } = getBuild('sampleSharded');
/** Each sharded build next to its single build. */
const pairs = [
	{ name: 'sample', single, merged },
	{
		name: 'based (with site, base and sitemap)',
		single: outDir('based'),
		merged: getBuild('basedSharded').outDir,
	},
];

function filesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
		.sort();
}

const published = readJournalFiles(sampleContent)
	.entries.map((e) => ({ slug: e.id, data: e.data as Entry }))
	.filter((e) => !e.data.draft);

describe('a sharded build, merged', () => {
	it('has a shard for the lists and one for each year of entries', () => {
		const years = new Set(published.map((e) => `year:${e.data.date.slice(0, 4)}`));
		expect(Object.keys(shards).sort()).toEqual(['lists', ...years].sort());
	});

	it.each(pairs)('$name: has the same files as the single build', ({ single, merged }) => {
		expect(filesIn(merged)).toEqual(filesIn(single));
	});

	it.each(pairs)(
		'$name: has the same pages, feeds, exports and sitemap, byte for byte',
		({ single, merged }) => {
			const differ = filesIn(single).filter(
				(path) =>
					!path.startsWith('pagefind/') &&
					!readFileSync(join(single, path)).equals(readFileSync(join(merged, path))),
			);
			expect(differ).toEqual([]);
		},
	);

	it("writes each entry's page in its year's shard only, and every other page in the lists shard", () => {
		for (const { slug, data } of published) {
			const writers = Object.keys(shards).filter((shard) =>
				existsSync(join(shards[shard]!, 'entries', slug, 'index.html')),
			);
			expect(writers, slug).toEqual([`year:${data.date.slice(0, 4)}`]);
		}
		for (const [shard, dir] of Object.entries(shards)) {
			expect(existsSync(join(dir, 'index.html')), shard).toBe(shard === 'lists');
			expect(existsSync(join(dir, 'pagefind')), shard).toBe(false);
		}
	});
});

describe('search over the merged index', () => {
	let browser: Browser;
	// One tab for every search: a new tab starts a renderer process.
	let page: Page;
	const servers: Served[] = [];

	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage();
		for (const dir of [single, merged])
			servers.push(await serve(dir, { headers: { 'Content-Security-Policy': CSP } }));
	});

	afterAll(async () => {
		await page?.close();
		await browser?.close();
		for (const server of servers) await server.close();
	});

	it.each(['checkout', 'incident', 'payment'])(
		'finds the same entries as the single build for "%s"',
		async (word) => {
			const found: string[][] = [];
			for (const server of servers) {
				await page.goto(server.url(`/search/?q=${word}`));
				found.push(await resultsOf(page, `q=${word}`));
			}
			expect(found[0]!.length).toBeGreaterThan(1);
			expect(found[1]).toEqual(found[0]);
		},
		// Two searches in a browser, each loading the index: slow on a busy machine.
		60_000,
	);
});
