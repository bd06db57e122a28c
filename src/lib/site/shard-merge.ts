/**
 * Joins the folders of a sharded build into one site. Shards write disjoint pages, but every
 * shard writes the same bundled assets (`_astro/`) and `public/` files: a file that two shards
 * both wrote must be byte for byte the same, or the merge fails rather than pick one.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UsageError } from '../content/env.ts';

export interface MergeResult {
	/** Files copied into the site (none when there are conflicts). */
	files: number;
	/** Files that more than one shard wrote, identically (shared assets). */
	shared: number;
	/** Files that two shards wrote differently. */
	conflicts: Conflict[];
}

export interface Conflict {
	path: string;
	shards: [string, string];
}

/**
 * Copies every file of `shards` into `out`, which must be new or empty; copies nothing when two
 * shards wrote a file differently.
 */
export function mergeShards(shards: readonly string[], out: string): MergeResult {
	if (shards.length === 0) throw new UsageError('Name the shard folders to merge.');
	for (const shard of shards)
		if (!existsSync(shard) || !statSync(shard).isDirectory())
			throw new UsageError(`Shard folder ${shard} does not exist.`);
	if (existsSync(out) && readdirSync(out).length > 0)
		throw new UsageError(`${out} is not empty; the merge writes only into a new or empty folder.`);
	const from = new Map<string, string>();
	const conflicts: Conflict[] = [];
	let shared = 0;
	for (const shard of shards) {
		for (const path of filesIn(shard)) {
			const earlier = from.get(path);
			if (earlier === undefined) from.set(path, shard);
			else if (sameBytes(join(earlier, path), join(shard, path))) shared++;
			else conflicts.push({ path, shards: [earlier, shard] });
		}
	}
	if (conflicts.length) return { files: 0, shared, conflicts };
	for (const [path, shard] of from) {
		const target = join(out, path);
		mkdirSync(dirname(target), { recursive: true });
		copyFileSync(join(shard, path), target);
	}
	return { files: from.size, shared, conflicts };
}

/** Every file under `dir`, relative to it, with `/` separators. */
function filesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));
}

function sameBytes(a: string, b: string): boolean {
	return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}
