/**
 * A sharded build: one `astro build` per part of the site, each into its own folder, which
 * `npm run shards -- merge` joins into one site. A `year:YYYY` shard writes the pages of the
 * entries dated that year; the `lists` shard writes every other page. Every shard still reads the
 * whole journal's frontmatter, so list pages, feeds and exports stay whole; what a shard saves is
 * the work for pages it does not write: rendering entry bodies and generating pages.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getAudience, shardName, type Shard } from '../content/env.ts';
import { isPublished } from '../content/audience.ts';
import { checkedJournal } from '../integration/checked-data.ts';
import { createLink, createUrls } from './urls.ts';

/** Whether the build writes the page of an entry dated `date` (YYYY-MM-DD). */
export function writesEntry(shard: Shard | undefined, date: string): boolean {
	if (!shard) return true;
	return shard.kind === 'year' && date.startsWith(`${shard.year}-`);
}

/** Whether the build writes the pages that are not entry pages. */
export function writesLists(shard: Shard | undefined): boolean {
	return shard?.kind !== 'year';
}

/**
 * Astro generates every page that is not dynamic (the home page, `/search/`, the feeds...) in
 * every build; a year shard deletes them afterwards, keeping only its entry pages, the bundled
 * assets and the `public/` files, which are the same in every shard.
 */
export function shardIntegration(shard: Shard): AstroIntegration {
	let publicDir = '';
	return {
		name: 'outcome-journal:shard',
		hooks: {
			'astro:config:done': ({ config }) => {
				publicDir = fileURLToPath(config.publicDir);
			},
			'astro:build:done': ({ dir, logger }) => {
				if (writesLists(shard)) return;
				const out = fileURLToPath(dir);
				const kept = new Set([
					'entries',
					'_astro',
					...(existsSync(publicDir) ? readdirSync(publicDir) : []),
				]);
				const dropped = readdirSync(out).filter((name) => !kept.has(name));
				for (const name of dropped) rmSync(join(out, name), { recursive: true });
				logger.info(
					`Shard ${shardName(shard)}: kept its entry pages, dropped ${dropped.length} other files.`,
				);
			},
		},
	};
}

/**
 * The sitemap's options in a sharded build. The lists shard writes the sitemap, and it names the
 * entry pages (and alias pages) that the year shards write, so that it is the whole build's
 * sitemap; year shards drop theirs with their other pages. The sitemap reads `customPages` when
 * the build is done, after the checker has handed over the journal it read.
 */
export function shardSitemapOptions(site: string, base: string): { customPages: string[] } {
	return {
		get customPages() {
			const journal = checkedJournal();
			if (!journal) throw new Error('The sitemap of a shard needs the journal the checker read.');
			const audience = getAudience(process.env, journal.config);
			const urls = createUrls(base);
			const link = createLink(site);
			return journal.entries
				.flatMap(({ id, data }) =>
					data && isPublished(data, audience) ? [id, ...(data.aliases ?? [])] : [],
				)
				.map((slug) => link(urls.entry(slug)));
		},
	};
}
