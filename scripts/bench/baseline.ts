/**
 * The baseline: a bare Astro project (this repository's Astro, through a node_modules link) that
 * renders the same entry files with `render()` on /entries/<slug>/ in one trivial layout, with
 * a permissive schema and nothing else. What the project costs is measured against it.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes the baseline project into `dir` (replacing it) for the journal at `journalRoot`. */
export function writeBaselineProject(dir: string, journalRoot: string, repoRoot: string): void {
	rmSync(dir, { recursive: true, force: true });
	const files: Record<string, string> = {
		'package.json': JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }),
		'astro.config.mjs': `import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.cache' });\n`,
		'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
	entries: defineCollection({
		loader: glob({
			base: ${JSON.stringify(join(journalRoot, 'entries'))},
			pattern: '**/*.{md,mdx}',
			generateId: ({ entry }) => entry.split('/').pop().replace(/\\.mdx?$/, ''),
		}),
		schema: z.looseObject({ title: z.string(), draft: z.boolean().optional() }),
	}),
};
`,
		'src/layouts/Layout.astro': `---
const { title } = Astro.props;
---
<html lang="en">
	<head><meta charset="utf-8" /><title>{title}</title></head>
	<body><main><h1>{title}</h1><slot /></main></body>
</html>
`,
		'src/pages/entries/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Layout from '../../layouts/Layout.astro';

export async function getStaticPaths() {
	const entries = await getCollection('entries', (entry) => !entry.data.draft);
	return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Layout title={entry.data.title}><Content /></Layout>
`,
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
