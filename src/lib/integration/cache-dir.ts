/** Where Astro caches a journal's parsed content between builds. */
import { createHash } from 'node:crypto';
import { shardName, type Shard } from '../content/env.ts';

/**
 * One cache folder per content root (relative to the project), so that journals never share
 * cached parses; the benchmark empties it to time cold builds. Each shard has its own: a shard
 * stores the entries it does not publish unrendered (journal-loader.ts).
 */
export function astroCacheDir(root: string, shard?: Shard): string {
	const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
	return `./node_modules/.astro/${key}${shard ? `-${shardName(shard)}` : ''}`;
}
