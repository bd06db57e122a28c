/** Where Astro caches a journal's parsed content between builds. */
import { createHash } from 'node:crypto';

/**
 * One cache folder per content root (relative to the project), so that journals never share
 * cached parses; the benchmark empties it to time cold builds.
 */
export function astroCacheDir(root: string): string {
	const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
	return `./node_modules/.astro/${key}`;
}
