/**
 * `npm run build [-- ASTRO_FLAGS]`: `astro build`, then the search index in this small process
 * once Astro has exited, so that the two never hold their memory at the same time
 * (src/lib/integration/pagefind.ts). Flags go to Astro unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEX_HANDOFF, indexSite, readHandoff } from '../../src/lib/integration/pagefind.ts';
import type { Context } from '../context.ts';
import { runAstro } from './astro.ts';

// A build allocates short-lived objects by the gigabyte (pages, rendered HTML, the content
// store). With V8's default young generation, garbage collection is a large share of a big
// build's CPU time, and larger semi-spaces cut it.
const NODE_FLAGS = ['--max-semi-space-size=64'];

export async function runBuild(
	ctx: Pick<Context, 'args' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	const folder = mkdtempSync(join(tmpdir(), 'outcome-journal-build-'));
	const handoff = join(folder, 'out-dir');
	try {
		const code = await runAstro('build', ctx, NODE_FLAGS, { [INDEX_HANDOFF]: handoff });
		// No handoff when the build failed, or when it does not index (JOURNAL_SEARCH=0, a shard).
		const handedOver = code === 0 ? readHandoff(handoff) : undefined;
		if (!handedOver) return code;
		const { site, language } = handedOver;
		await indexSite(site, { info: ctx.out.stdout, error: ctx.out.stderr }, language);
		return 0;
	} catch (error) {
		// indexSite has printed what Pagefind reported; its summary, not a stack trace, ends it.
		ctx.out.stderr((error as Error).message);
		return 1;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
