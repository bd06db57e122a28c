/** Wires the content root (JOURNAL_CONTENT) to the schemas in lib/schema; no logic here. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getContentRoot } from './lib/content/env.ts';
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

/** Ids are file names, whatever folder a file sits in (the permalink never depends on it). */
function from(folder: string, pattern: string) {
	return glob({
		base: pathToFileURL(join(root, folder) + '/'),
		pattern,
		generateId: ({ entry }) => baseName(entry),
	});
}

export const collections = {
	people: defineCollection({ loader: from('people', '*.yml'), schema: PersonSchema }),
	teams: defineCollection({ loader: from('teams', '*.yml'), schema: TeamSchema }),
	features: defineCollection({ loader: from('features', '*.md'), schema: FeatureSchema }),
	metrics: defineCollection({ loader: from('metrics', '*.yml'), schema: MetricSchema }),
	entries: defineCollection({ loader: from('entries', entryFiles), schema: EntrySchema }),
};
