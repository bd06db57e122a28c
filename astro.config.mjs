// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import {
	getAudience,
	getContentRoot,
	getShard,
	getSiteLocation,
	getToday,
	isSearchEnabled,
	requireContentFolder,
	shardName,
	UsageError,
} from './src/lib/content/env.ts';
import { astroCacheDir } from './src/lib/integration/cache-dir.ts';
import { journalIntegration } from './src/lib/integration/integration.ts';
import { liveCollections } from './src/lib/integration/live-collections.ts';
import { pagefindIntegration } from './src/lib/integration/pagefind.ts';
import { shardIntegration, shardSitemapOptions, writesLists } from './src/lib/site/shard.ts';
import { storeFromDisk } from './src/lib/integration/store-from-disk.ts';
import { codeRehypePlugins, markdownOptions } from './src/lib/site/markdown.ts';
import { readJournalConfig } from './src/lib/content/load.ts';

const root = getContentRoot();
const { today, base, site, search, shard, language } = readEnvironment();

/** Checks the JOURNAL_* variables up front: a typo there is a one-line message, not a stack. */
function readEnvironment() {
	try {
		requireContentFolder(root);
		const config = readJournalConfig(root);
		getAudience(process.env, config);
		return {
			today: getToday(),
			search: isSearchEnabled(),
			shard: getShard(),
			language: config.language,
			...getSiteLocation(config),
		};
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(error.message);
		process.exit(2);
	}
}

export default defineConfig({
	// The site ships in the package, next to this file; the root is the journal's folder (the
	// command line passes `--root`), where Astro writes `.astro/`, the output and its cache.
	srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
	publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
	cacheDir: astroCacheDir(root, shard),
	// A shard writes its part of the site into a folder of its own (`--outDir` overrides it).
	outDir: shard ? `./dist-shards/${shardName(shard)}` : './dist',
	site,
	base,
	trailingSlash: 'always',
	// The sitemap needs absolute URLs, so it is written only when `site` is set.
	integrations: [
		journalIntegration({ root, today }),
		// In dev, a saved entry reaches its page as soon as the loader has read it.
		liveCollections(new URL('./src/data/site.ts', import.meta.url)),
		// A build reads Astro's content store from a file, not from a string in its code.
		storeFromDisk(),
		// `.mdx` is code from trusted authors: not sanitised, but highlighted the same way.
		mdx({ processor: unified({ rehypePlugins: codeRehypePlugins }) }),
		...(site && writesLists(shard) ? [sitemap(shard ? shardSitemapOptions(site, base) : {})] : []),
		// A sharded site is indexed once, when its shards are merged (npm run shards -- merge).
		...(search && !shard ? [pagefindIntegration({ language })] : []),
		...(shard ? [shardIntegration(shard)] : []),
	],
	markdown: {
		// Highlighting runs inside our pipeline, after sanitising (src/lib/site/markdown.ts).
		syntaxHighlight: false,
		processor: satteri(markdownOptions),
	},
	// No inline <style> or <script>: pages must work under `style-src 'self'; script-src 'self'`.
	build: {
		inlineStylesheets: 'never',
		// Two pages in flight: one renders while the other's file is written, where one at a time
		// left the thread waiting on every write (docs/benchmarks/2026-12-07-build-concurrency.md).
		concurrency: 2,
	},
	vite: { build: { assetsInlineLimit: 0 } },
	// The toolbar sits over the home page's chart in dev, and this site has no use for its apps.
	devToolbar: { enabled: false },
});
