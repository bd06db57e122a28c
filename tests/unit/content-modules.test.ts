import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunnableDevEnvironment } from 'vite';
import { describe, expect, it } from 'vitest';
import {
	CONTENT_MODULES_FILE,
	importLater,
	lazyContentModules,
} from '../../src/lib/integration/content-modules.ts';
import { importAstroInternal } from '../astro-internals.ts';
import { bareViteServer } from '../vite-server.ts';

interface AstroDataStore {
	set(collection: string, key: string, value: unknown): void;
	writeModuleImports(file: URL): Promise<void>;
}

/** The content modules file the installed Astro writes for entries that render on demand. */
async function astroContentModules(files: string[]): Promise<string> {
	const { MutableDataStore } = await importAstroInternal<{
		MutableDataStore: new () => AstroDataStore;
	}>('dist/content/mutable-data-store.js');
	const store = new MutableDataStore();
	for (const [i, filePath] of files.entries())
		store.set('entries', `e${i}`, { id: `e${i}`, data: {}, filePath, deferredRender: true });
	const out = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'modules-')), CONTENT_MODULES_FILE));
	await store.writeModuleImports(out);
	return readFileSync(out, 'utf8');
}

describe('the content modules file, against the installed Astro', () => {
	it('has every render module Astro writes imported only when called', async () => {
		const files = ['entries/2024/a.md', 'entries/2024/b "quoted".md', 'entries/c.mdx'];
		const code = await astroContentModules(files);
		const { code: lazy, imports } = importLater(code);
		expect(imports).toBe(files.length);
		// The one import left takes its specifier as a value, which Vite does not resolve ahead.
		expect(lazy.match(/import\(/g)).toHaveLength(1);
		expect(lazy).toContain('import(/* @vite-ignore */ `/@id/${id}`)');
	});

	it('is left as it is when it imports nothing', () => {
		expect(importLater('export default new Map();')).toEqual({
			code: 'export default new Map();',
			imports: 0,
		});
	});
});

describe('the content modules file in a real Vite dev server', () => {
	it('resolves a render module, by the plugin that owns its specifier, only when it is called', async () => {
		const root = mkdtempSync(join(tmpdir(), 'lazy-modules-'));
		mkdirSync(join(root, '.astro'));
		writeFileSync(join(root, 'body.js'), 'export default "rendered";\n');
		writeFileSync(
			join(root, '.astro', CONTENT_MODULES_FILE),
			'export default new Map([\n["body.md", () => import("virtual:render?file=body.js")]]);\n',
		);
		const resolved: string[] = [];
		const server = await bareViteServer(root, [
			lazyContentModules(pathToFileURL(`${root}/`)),
			{
				name: 'render-modules',
				resolveId(id) {
					if (!id.startsWith('virtual:render?')) return undefined;
					resolved.push(id);
					return join(root, new URLSearchParams(id.split('?')[1]).get('file')!);
				},
			},
		]);
		try {
			const { runner } = server.environments.ssr as RunnableDevEnvironment;
			const { default: modules } = await runner.import<{
				default: Map<string, () => Promise<{ default: string }>>;
			}>(`/.astro/${CONTENT_MODULES_FILE}`);
			expect(resolved).toEqual([]);
			expect((await modules.get('body.md')!()).default).toBe('rendered');
			expect(resolved).toEqual(['virtual:render?file=body.js']);
		} finally {
			await server.close();
		}
	});
});
