/**
 * Modules inside the installed Astro that its package does not export. The contract tests import
 * them to check that the private paths this project takes still match what Astro does: when an
 * Astro upgrade moves or changes one, those tests fail, not the build in silence.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The installed Astro's folder. */
export const astroDir = (): string =>
	dirname(createRequire(import.meta.url).resolve('astro/package.json'));

/** The module at `path` under the installed Astro's folder (e.g. `dist/content/consts.js`). */
export function importAstroInternal<T>(path: string): Promise<T> {
	return import(pathToFileURL(join(astroDir(), path)).href) as Promise<T>;
}
