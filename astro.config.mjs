// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { getAudience, getContentRoot, getToday, UsageError } from './src/lib/content/env.ts';
import { astroCacheDir } from './src/lib/site/cache-dir.ts';
import { journalIntegration } from './src/lib/site/integration.ts';
import { readJournalConfig } from './src/lib/content/load.ts';

const root = getContentRoot();
const journal = readJournalConfig(root);
const today = readEnvironment();

/** Checks JOURNAL_TODAY and JOURNAL_AUDIENCE up front: a typo there is a one-line message, not a stack. */
function readEnvironment() {
	try {
		getAudience();
		return getToday();
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(error.message);
		process.exit(2);
	}
}

export default defineConfig({
	cacheDir: astroCacheDir(root),
	site: journal.site,
	base: journal.base,
	trailingSlash: 'always',
	// The sitemap needs absolute URLs, so it is written only when journal.yml sets `site`.
	integrations: [journalIntegration({ root, today }), mdx(), ...(journal.site ? [sitemap()] : [])],
	markdown: {
		shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
	},
});
