import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NO_ENTRY_TYPES } from '../../src/lib/integration/journal-loader.ts';
import { STORE_INLINED } from '../../src/lib/integration/store-from-disk.ts';
import { buildSite } from '../build-site.ts';
import { minimalFixture } from '../helpers.ts';
import { getBuild, outDir, page, textOf } from './pages.ts';

describe('npm run build', () => {
	it('fails on a journal with errors, printing the checker messages and no stack trace', () => {
		const result = getBuild('broken');
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('entries/x.md');
		expect(result.output).toContain('follows: "nowhere" is not a known entry slug.');
		expect(result.output).not.toMatch(/\n\s+at .*\(/);
		expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
	});

	it('builds the search index once Astro has exited, in a process of its own', () => {
		const { outDir, ...build } = getBuild('minimal');
		// Astro colours its log when CI is set, even into a pipe.
		const output = stripVTControlCharacters(build.output);
		const complete = output.indexOf('[build] Complete!');
		const indexed = /\nIndexed (\d+) entr(?:y|ies) for search in [\d.]+ s\./.exec(output);
		expect(complete).toBeGreaterThan(-1);
		expect(indexed?.index).toBeGreaterThan(complete);
		expect(output).toContain('The search index is built next, once this build has exited.');
		const entryPages = readdirSync(join(outDir, 'entries'), { withFileTypes: true }).filter(
			(e) => e.isDirectory() && existsSync(join(outDir, 'entries', e.name, 'index.html')),
		);
		expect(Number(indexed?.[1])).toBe(entryPages.length);
		expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
	});

	it("takes the fast paths that lean on Astro's private behaviour, or says which it did not", () => {
		// The contract tests check each against Astro's code; this checks the build Astro runs.
		const output = stripVTControlCharacters(getBuild('minimal').output);
		expect(output).not.toContain(STORE_INLINED);
		expect(output).not.toContain(NO_ENTRY_TYPES);
	});

	it('builds no search index with JOURNAL_SEARCH=0', () => {
		const { output, outDir } = getBuild('unindexed');
		expect(existsSync(join(outDir, 'index.html'))).toBe(true);
		expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
		expect(output).not.toMatch(/search index is built next|Indexed \d+ entr/);
	});

	it.each([
		[{ JOURNAL_TODAY: '2026-02-30' }, 'JOURNAL_TODAY="2026-02-30" is not a date as YYYY-MM-DD.'],
		[
			{ JOURNAL_AUDIENCE: 'everyone' },
			'JOURNAL_AUDIENCE="everyone" must be "internal" or "public".',
		],
		[{ JOURNAL_BASE: 'journal/' }, 'JOURNAL_BASE="journal/": expected a path such as /journal/'],
		[
			{ JOURNAL_BASE: '//evil.example/x/' },
			'JOURNAL_BASE="//evil.example/x/": expected a path such as /journal/',
		],
	])('stops with exit 2 and one line for a bad environment variable: %o', (env, message) => {
		// Exits while reading the config, before Astro writes anything shared with other builds.
		const result = buildSite(minimalFixture, env);
		expect(result.code).toBe(2);
		expect(result.output).toContain(message);
		expect(result.output).not.toMatch(/\n\s+at .*\(/);
	});

	it.each([
		['a file', join(minimalFixture, 'journal.yml')],
		['a missing folder', join(minimalFixture, 'no-such-folder')],
	])('stops with exit 2 and the checker’s one line when JOURNAL_CONTENT names %s', (_, root) => {
		const result = buildSite(root);
		expect(result.code).toBe(2);
		expect(result.output).toContain(
			`Content folder ${root} does not exist. Pass --content DIR or set JOURNAL_CONTENT.`,
		);
		expect(result.output).not.toMatch(/\n\s+at .*\(|Unable to load your Astro config/);
	});

	describe('on the minimal fixture', () => {
		it('lists published entries newest first on the home page, without drafts', () => {
			const titles = page('minimal', '')
				.querySelectorAll('.entry-list h3')
				.map((h) => h.text.trim());
			expect(titles).toEqual([
				'Batched price lookups',
				'Measured the checkout latency baseline',
				'Rolled out the new receipts page',
			]);
		});

		it('writes a page per published entry at /entries/<slug>/, whatever its folder', () => {
			for (const slug of ['batching', 'baseline', 'old-rollout']) {
				expect(existsSync(join(outDir('minimal'), 'entries', slug, 'index.html'))).toBe(true);
			}
			expect(existsSync(join(outDir('minimal'), 'entries', 'unfinished'))).toBe(false);
		});

		it('shows an entry with its authors, roles, metrics and verification', () => {
			const html = page('minimal', 'entries/batching');
			expect(html.querySelector('h1')?.text).toBe('Batched price lookups');
			const text = textOf(html.querySelector('main'));
			expect(text).toContain('Ana Souza (lead)');
			expect(text).toContain('Bo Chen (reviewer)');
			expect(text).toContain('1,900 ms → 1,100 ms');
			expect(text).toContain('−800 ms (−42.11%) better');
			expect(text).toContain('3.2% → 3.0%');
			expect(text).toContain('−0.2 pp (−6.25%) worse');
			expect(text).toContain('by Cy Okafor on 12 Apr 2026');
			expect(text).toContain('Follows: Measured the checkout latency baseline');
		});
	});
});
