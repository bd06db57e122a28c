/** Tags and ids are not confused: every tag spelling, however odd, gets a page of its own. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import { hostileFixture } from '../helpers.ts';
import { filesOf, outDir, page, textOf } from './pages.ts';

// The hostile journal's tags include `/`, `..`, `!!!`, an emoji, `c`, `c++`, `c#`, `tag`,
// spaces, capitals, non-ASCII letters and markup.
const spellings = new Set(loadJournal(hostileFixture).entries.flatMap((e) => e.data?.tags ?? []));

describe('tag pages of the hostile journal', () => {
	const index = page('hostile', 'tags');
	const links = index.querySelectorAll('main li a');

	it('lists each distinct tag once, as written, each with its own address', () => {
		expect(spellings.size).toBeGreaterThan(10);
		expect(links.map((a) => textOf(a)).sort()).toEqual([...spellings].map((t) => `#${t}`).sort());
		expect(new Set(links.map((a) => a.getAttribute('href'))).size).toBe(spellings.size);
	});

	it('gives every tag a page headed with its own spelling', () => {
		for (const link of links) {
			const href = link.getAttribute('href')!;
			expect(href).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
			expect(textOf(page('hostile', href.slice(1, -1)).querySelector('h1'))).toBe(textOf(link));
		}
	});

	it('every tag link on every page leads to a built page', () => {
		const root = outDir('hostile');
		const hrefs = filesOf('hostile', 'index.html').flatMap((file) =>
			page('hostile', file.replace(/\/?index\.html$/, ''))
				.querySelectorAll('a[href^="/tags/"]')
				.map((a) => a.getAttribute('href')!),
		);
		expect(hrefs.length).toBeGreaterThan(spellings.size);
		for (const href of new Set(hrefs)) {
			expect(existsSync(join(root, decodeURIComponent(href), 'index.html')), href).toBe(true);
		}
	});
});
