/**
 * What a tag is: its spelling, shown as written, and its slug, the one key that the tag page, its
 * links, the roll-ups and the checker all use. Two different spellings must never share a page,
 * so spellings whose slugs meet are a checker error (links.ts) rather than a silent merge.
 * Plain JavaScript with no Node import, so that client scripts can build tag links too.
 */
import slugify from '@sindresorhus/slugify';
import { memoize } from '../utils/memoize.ts';

// Symbols that tell tags apart (`c`, `c++`, `c#`) become words instead of vanishing.
const REPLACEMENTS: [string, string][] = [
	['&', ' and '],
	['+', ' plus '],
	['#', ' sharp '],
];
const READABLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Long enough for any real tag, short enough for every file system's name limit.
const MAX_LENGTH = 60;

/**
 * The URL slug of a tag: lowercase ASCII words joined by `-` (`Black Friday` → `black-friday`,
 * `café` → `cafe`, `c++` → `c-plus-plus`, `c#` → `c-sharp`, `ｌａｔｅｎｃｙ` → `latency`). A tag with no letters or digits
 * (`..`, `/`, `!!!`, an emoji) gets `tag-` and an 8-hex-digit hash of its spelling, and a very long one
 * is cut and ends in that hash, so a slug is never empty, never a path and always one segment.
 */
export const tagSlug = memoize((tag: string): string => {
	// NFKC, so that a look-alike (fullwidth `ｌａｔｅｎｃｙ`, the ligature `ﬁ`) meets the plain
	// spelling's slug, where the checker reports the clash, rather than making a page of its own.
	const spelling = tag.normalize('NFKC');
	const readable = slugify(spelling, { decamelize: false, customReplacements: REPLACEMENTS });
	if (READABLE.test(readable) && readable.length <= MAX_LENGTH) return readable;
	const hash = fnv1a(spelling);
	const head = READABLE.test(readable) ? readable.slice(0, MAX_LENGTH - 9).replace(/-+$/, '') : '';
	return `${head || 'tag'}-${hash}`;
});

/**
 * 32-bit FNV-1a of the UTF-8 bytes, as 8 hex digits: stable across builds and machines, and plain
 * JavaScript, so that this module also runs in the browser.
 */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(text)) {
		hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}
