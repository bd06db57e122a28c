/**
 * `npm run shards -- list`: the shards of this journal's sharded build, as JSON for a CI matrix.
 * `npm run shards -- merge [--out DIR] SHARD_DIR...`: joins the shards' folders into one site
 * (src/lib/site/shard-merge.ts), then indexes it for search once, as a whole build does.
 */
import { resolve } from 'node:path';
import { getAudience, isSearchEnabled, UsageError } from '../../src/lib/content/env.ts';
import { loadJournal, readJournalConfig } from '../../src/lib/content/load.ts';
import type { Entry } from '../../src/lib/content/schema.ts';
import { isPublished } from '../../src/lib/content/audience.ts';
import { indexSite } from '../../src/lib/integration/pagefind.ts';
import { mergeShards } from '../../src/lib/site/shard-merge.ts';
import type { Context } from '../context.ts';
import { messages } from '../messages.ts';
import { resolveContentRoot } from './content-root.ts';

export async function runShards(ctx: Context): Promise<number> {
	const [action, ...dirs] = ctx.args;
	if (action === 'list') {
		if (dirs.length) throw new UsageError(`Unexpected argument "${dirs[0]}".`);
		ctx.out.stdout(JSON.stringify(listShards(ctx)));
		return 0;
	}
	if (action === 'merge') return merge(ctx, dirs);
	throw new UsageError(`shards needs "list" or "merge", not "${action ?? ''}".`);
}

/** `lists`, then one `year:YYYY` per year that has a published entry, oldest first. */
function listShards(ctx: Context): string[] {
	const journal = loadJournal(resolveContentRoot(ctx));
	const audience = getAudience(ctx.env, journal.config);
	const years = new Set(
		journal.entries.flatMap(({ data }) =>
			data && isPublished(data as Entry, audience) ? [(data as Entry).date.slice(0, 4)] : [],
		),
	);
	return ['lists', ...[...years].sort().map((year) => `year:${year}`)];
}

async function merge(ctx: Context, dirs: string[]): Promise<number> {
	const out = resolve(ctx.cwd, ctx.flags.out ?? 'dist');
	const started = performance.now();
	const { files, shared, conflicts } = mergeShards(
		dirs.map((dir) => resolve(ctx.cwd, dir)),
		out,
	);
	if (conflicts.length) {
		ctx.out.stderr(messages.shardConflicts(conflicts));
		return 1;
	}
	const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
	ctx.out.stdout(
		`Merged ${dirs.length} shards into ${out}: ${files} files (${shared} shared by shards, identical) in ${seconds()} s.`,
	);
	if (isSearchEnabled(ctx.env)) {
		// In the journal's language, as a whole build indexes (journal.yml, under --content).
		const { language } = readJournalConfig(resolveContentRoot(ctx));
		await indexSite(out, { info: ctx.out.stdout, error: ctx.out.stderr }, language);
	}
	return 0;
}
