/**
 * A package loaded the first time it is needed instead of at start. The checker's rare paths
 * (YAML that js-yaml leaves, markdown bodies that show images) use packages of many modules
 * each, and loading those on every run was a large share of `npm run check`'s start. Loading stays
 * synchronous (`require`, which Node also allows for ES modules), so callers stay synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function that returns `specifier`'s exports, requiring the package on its first call. */
export function loadOnUse<T>(specifier: string): () => T {
	let exports: T | undefined;
	return () => (exports ??= require(specifier) as T);
}
