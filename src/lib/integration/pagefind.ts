/**
 * The search index. After every build, Pagefind indexes the entry pages that the build wrote
 * (so a public build indexes public entries only, and drafts never) into `<outDir>/pagefind/`.
 * The dev server serves the last built index under the base path, so search works in
 * `npm run dev` too; without one, the search page says to run a build.
 *
 * `npm run build` (scripts/commands/build.ts) indexes in its own process once Astro has exited:
 * the build hands it the output folder through the file named by INDEX_HANDOFF. Indexing inside
 * the build would hold Pagefind's memory and the finished build's at once (4 GiB at 10,000
 * entries, where each alone peaks near 2). A plain `astro build` still indexes in-process.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { plural } from '../site/format.ts';
import { serveFolder } from './static-files.ts';

/** Where the bundle goes, inside the output folder and under the base path. */
export const BUNDLE_FOLDER = 'pagefind';

/** Names the file where a build writes its output folder instead of indexing it. */
export const INDEX_HANDOFF = 'OUTCOME_JOURNAL_INDEX_HANDOFF';

// Entry pages only; among them, an alias's redirect page has no `data-pagefind-body` and is
// skipped. The glob also keeps a journal with no entries from indexing its list pages, which
// Pagefind would do when no page has a body.
const ENTRY_PAGES = 'entries/*/index.html';

/**
 * Parts of an entry page that search skips, besides those marked `data-pagefind-ignore`: the
 * pieces that repeat on every row of a measurement table (MetricsTable.astro, ResultCells.astro)
 * or next step (NextSteps.astro). Named here once, since the same components list entries on
 * pages that are never indexed, where an attribute on every cell would be weight for nothing.
 * Only the notes of a result and the text of a step are the entry's own words.
 */
export const SKIPPED_BY_SEARCH = [
	'.measures thead',
	'.measures th',
	'.measures td.num',
	'.measures td.method',
	'.next-steps strong',
	'.next-steps .meta',
];

/**
 * Indexes each build for search in `language`, the journal's (journal.yml): Pagefind splits and
 * stems words by it.
 */
export function pagefindIntegration({ language }: { language: string }): AstroIntegration {
	let outDir = '';
	let base = '/';
	return {
		name: 'outcome-journal:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server, logger }) => {
				const bundle = join(outDir, BUNDLE_FOLDER);
				if (existsSync(bundle))
					logger.info(`Search uses the index of the last build, in ${bundle}.`);
				else logger.warn('Search has no index yet: run `npm run build` once, then reload.');
				// Checked per request, so a build made while the dev server runs is picked up.
				server.middlewares.use(serveFolder(bundle, `${base}${BUNDLE_FOLDER}/`));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const handoff = process.env[INDEX_HANDOFF];
				if (handoff) {
					writeHandoff(handoff, { site: fileURLToPath(dir), language });
					logger.info('The search index is built next, once this build has exited.');
				} else await indexSite(fileURLToPath(dir), logger, language);
			},
		},
	};
}

/** Where indexing reports: Astro's logger in a build, the command line's output in a merge. */
export type IndexLogger = Pick<AstroIntegrationLogger, 'info' | 'error'>;

/** What a build hands over for indexing: its output folder and the journal's language. */
export interface IndexHandoff {
	site: string;
	language: string;
}

function writeHandoff(path: string, handoff: IndexHandoff): void {
	writeFileSync(path, JSON.stringify(handoff));
}

/** The handoff a build wrote to `path`, if it wrote one (it does not when it does not index). */
export function readHandoff(path: string): IndexHandoff | undefined {
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as IndexHandoff) : undefined;
}

/**
 * Indexes the entry pages in `site` into `site/pagefind/` in `language`; any Pagefind error fails
 * the build. A sharded site is indexed once its shards are merged (scripts/commands/shards.ts).
 */
export async function indexSite(site: string, logger: IndexLogger, language: string) {
	const started = performance.now();
	try {
		const { index } = check(
			await pagefind.createIndex({ forceLanguage: language, excludeSelectors: SKIPPED_BY_SEARCH }),
			logger,
		);
		if (!index) throw new Error('Pagefind returned no index.');
		check(await index.addDirectory({ path: site, glob: ENTRY_PAGES }), logger);
		const bundle = join(site, BUNDLE_FOLDER);
		check(await index.writeFiles({ outputPath: bundle }), logger);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		logger.info(
			`Indexed ${plural(indexedPages(bundle), 'entry', 'entries')} for search in ${seconds} s.`,
		);
	} finally {
		await pagefind.close();
	}
}

/** Pages in the written index (the glob also finds alias pages, which Pagefind skips). */
function indexedPages(bundle: string): number {
	const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** Pagefind reports problems in `errors` rather than throwing: log each, then stop the build. */
function check<T extends { errors: string[] }>(response: T, logger: IndexLogger): T {
	if (response.errors.length === 0) return response;
	for (const error of response.errors) logger.error(`Pagefind: ${error}`);
	throw new Error('Building the search index failed (Pagefind errors above).');
}
