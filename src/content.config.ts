/** Wires the content root (JOURNAL_CONTENT) to the schemas in lib/schema; no logic here. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getContentRoot } from './lib/content/env.ts';
import { withCheckedData } from './lib/site/checked-data.ts';
import { baseName, readJournalConfig } from './lib/content/load.ts';
import {
	EntrySchema,
	FeatureSchema,
	MetricSchema,
	PersonSchema,
	TeamSchema,
} from './lib/content/schema.ts';

const root = getContentRoot();
// With `mdx: false` the build never even loads an .mdx file (the checker also fails on one).
const entryFiles = readJournalConfig(root).mdx ? '**/*.{md,mdx}' : '**/*.md';

/**
 * Ids are file names, whatever folder a file sits in (the permalink never depends on it). In a
 * build, the data is the checker's (lib/site/checked-data.ts). Only features keep their markdown
 * source: pages render entries from Astro's rendered HTML, and 10,000 sources weigh on memory.
 */
function from(folder: string, pattern: string, retainBody = false) {
	return withCheckedData(
		glob({
			base: pathToFileURL(join(root, folder) + '/'),
			pattern,
			generateId: ({ entry }) => baseName(entry),
			retainBody,
		}),
	);
}

export const collections = {
	people: defineCollection({ loader: from('people', '*.yml'), schema: PersonSchema }),
	teams: defineCollection({ loader: from('teams', '*.yml'), schema: TeamSchema }),
	features: defineCollection({ loader: from('features', '*.md', true), schema: FeatureSchema }),
	metrics: defineCollection({ loader: from('metrics', '*.yml'), schema: MetricSchema }),
	entries: defineCollection({ loader: from('entries', entryFiles), schema: EntrySchema }),
};
