/** Wires the content root (JOURNAL_CONTENT) to the schemas in lib/schema; no logic here. */
import { defineCollection } from 'astro:content';
import { getContentRoot } from './lib/content/env.ts';
import { readJournalConfig } from './lib/content/load.ts';
import {
	EntrySchema,
	FeatureSchema,
	MetricSchema,
	PersonSchema,
	TeamSchema,
} from './lib/content/schema.ts';
import { journalLoader } from './lib/integration/journal-loader.ts';

const root = getContentRoot();
// With `mdx: false` the build never even loads an .mdx file (the checker also fails on one).
const entryFiles = readJournalConfig(root).mdx ? '**/*.{md,mdx}' : '**/*.md';

export const collections = {
	people: defineCollection({
		loader: journalLoader(root, 'people', '*.yml'),
		schema: PersonSchema,
	}),
	teams: defineCollection({ loader: journalLoader(root, 'teams', '*.yml'), schema: TeamSchema }),
	features: defineCollection({
		loader: journalLoader(root, 'features', '*.md'),
		schema: FeatureSchema,
	}),
	metrics: defineCollection({
		loader: journalLoader(root, 'metrics', '*.yml'),
		schema: MetricSchema,
	}),
	entries: defineCollection({
		loader: journalLoader(root, 'entries', entryFiles),
		schema: EntrySchema,
	}),
};
