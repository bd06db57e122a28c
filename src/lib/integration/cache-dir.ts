/** Where Astro caches a journal's parsed and rendered content between builds. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shardName, type Shard } from '../content/env.ts';
import { installedVersion, ownVersion } from '../utils/package-version.ts';

/**
 * The modules that turn a body into HTML, and the packages they run. Astro keeps an entry's
 * rendered HTML until the file changes, or Astro's version or config does; a change to any of
 * these renders differently without touching either.
 */
export const RENDER_MODULES = [
	new URL('../site/markdown.ts', import.meta.url),
	new URL('../site/highlight.ts', import.meta.url),
];
export const RENDER_PACKAGES = [
	'@astrojs/markdown-satteri',
	'@astrojs/mdx',
	'prismjs',
	'rehype-sanitize',
];

/**
 * One cache folder per content root (relative to the project), so that journals never share
 * cached parses, and per version of the rendering code (`renderKey`), so that an upgrade never
 * shows HTML the old code rendered; the benchmark empties it to time cold builds. Each shard has
 * its own: a shard stores the entries it does not publish unrendered (journal-loader.ts).
 */
export function astroCacheDir(root: string, shard?: Shard, render = renderKey()): string {
	const key = createHash('sha256').update(root).update('\0').update(render).digest('hex');
	return `./node_modules/.astro/${key.slice(0, 12)}${shard ? `-${shardName(shard)}` : ''}`;
}

/** This package's version, the render modules' text and the render packages' versions. */
export function renderKey(modules: readonly URL[] = RENDER_MODULES): string {
	const parts = [`outcome-journal@${ownVersion()}`];
	for (const module of modules) parts.push(readFileSync(module, 'utf8'));
	for (const name of RENDER_PACKAGES) parts.push(`${name}@${installedVersion(name)}`);
	return createHash('sha256').update(parts.join('\0')).digest('hex');
}
