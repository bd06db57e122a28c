/**
 * Every link inside a built journal leads somewhere: each internal `href` and `src` of every HTML
 * file names a file of the build, and each `#anchor` an id on the page it points to. Checked for
 * the sample and the public journal, each under base `/` and under base `/journal/`, and for the
 * minimal fixture under both (under `/journal/` with a `site`, whose absolute links count as
 * internal), and for a metric page split into pages. And every
 * `href` and `src`, internal or not, is a valid URL string: what a URL may not hold as it is (`<`,
 * `"`, a space, a second `#`…) is percent-encoded, even in links that content gives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { filesOf, outDir, type SiteBuild } from './pages.ts';

/** Where a journal without a `site` is served, for the checker: any origin that is its only one. */
const ORIGIN = 'http://journal.test';

/** Each build, its base, and the origin its pages are at. */
const BUILDS: [SiteBuild, string, string][] = [
	['sample', '/', ORIGIN],
	['sampleBased', '/journal/', ORIGIN],
	['samplePublic', '/', ORIGIN],
	['samplePublicBased', '/journal/', ORIGIN],
	['minimal', '/', ORIGIN],
	// basedJournalFiles (tests/helpers.ts) sets site: https://journal.example.com.
	['based', '/journal/', 'https://journal.example.com'],
	// A metric page split into pages: their links to each other.
	['manyMeasurements', '/', ORIGIN],
];

interface Link {
	/** The page that holds it, as `/`-separated path in the build. */
	file: string;
	attribute: string;
	value: string;
}

function linksOf(build: SiteBuild): Link[] {
	return filesOf(build, '.html').flatMap((file) =>
		parse(readFileSync(join(outDir(build), file), 'utf8'))
			.querySelectorAll('[href], [src]')
			.flatMap((el) =>
				['href', 'src']
					.filter((attribute) => el.hasAttribute(attribute))
					.map((attribute) => ({ file, attribute, value: el.getAttribute(attribute)! })),
			),
	);
}

/** The address a page is served at: `a/b/index.html` at `<base>a/b/`. */
const pageUrl = (origin: string, base: string, file: string) =>
	new URL(base + file.replace(/(^|\/)index\.html$/, '$1'), origin);

describe.each(BUILDS)('the %s build (base %s)', (build, base, origin) => {
	const root = outDir(build);
	const ids = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		if (!ids.has(file))
			ids.set(
				file,
				new Set(
					parse(readFileSync(join(root, file), 'utf8'))
						.querySelectorAll('[id]')
						.map((el) => el.id),
				),
			);
		return ids.get(file)!;
	};

	it('has every internal href and src resolve to a file, and every #anchor to an id', () => {
		const links = linksOf(build);
		const broken: string[] = [];
		let checked = 0;
		let anchors = 0;
		for (const { file, attribute, value } of links) {
			const url = new URL(value, pageUrl(origin, base, file));
			if (url.origin !== origin) continue;
			checked++;
			const where = `/${file}: ${attribute}="${value}"`;
			if (!url.pathname.startsWith(base)) {
				broken.push(`${where} is outside ${base}`);
				continue;
			}
			const path = decodeURIComponent(url.pathname.slice(base.length));
			const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
			if (!existsSync(join(root, target))) broken.push(`${where}: no file ${target}`);
			else if (url.hash && target.endsWith('.html')) {
				const id = decodeURIComponent(url.hash.slice(1));
				anchors++;
				if (!idsOf(target).has(id)) broken.push(`${where}: no id "${id}" in ${target}`);
			}
		}
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(50);
		expect(anchors).toBeGreaterThan(0);
	});
});

/**
 * A valid URL string (WHATWG URL standard): URL code points and `%` escapes only, at most one
 * `#`. A raw `<`, `"`, space, `{`, `|`, or a `%` that starts no escape is not one.
 */
const VALID_URL =
	/^(?:[\w!$&'()*+,\-./:;=?@~\u{A0}-\u{10FFFD}]|%[\dA-Fa-f]{2})*(?:#(?:[\w!$&'()*+,\-./:;=?@~\u{A0}-\u{10FFFD}]|%[\dA-Fa-f]{2})*)?$/u;

describe.each(['sample', 'hostile'] as const)('the %s build', (build) => {
	it('writes every href and src as a valid URL string', () => {
		const links = linksOf(build);
		expect(links.filter((l) => !VALID_URL.test(l.value))).toEqual([]);
		expect(links.filter((l) => l.value.startsWith('https://')).length).toBeGreaterThan(0);
	});
});
