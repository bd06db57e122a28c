import fs, { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import {
	STORE_INLINED,
	STORE_MODULE,
	storeFileLoader,
	storeFromDisk,
	type StoreMove,
} from '../../src/lib/integration/store-from-disk.ts';
import { importAstroInternal } from '../astro-internals.ts';

type Handler = (code: string, id: string) => { code: string } | undefined;
type Hook = { filter: { id: RegExp }; handler: Handler };

function loaderIn(folder: string) {
	const file = join(folder, 'store.json');
	const move: StoreMove = { seen: false, moved: false };
	const { filter, handler } = storeFileLoader(file, move).transform as unknown as Hook;
	return { file, move, filter, transform: handler };
}

/**
 * The store module exactly as the installed Astro writes it in a build: Astro's own Vite plugin
 * loading it from a data-store.json that holds `store`.
 */
async function astroStoreModule(store: unknown): Promise<{ id: string; code: string }> {
	const consts = await importAstroInternal<{
		DATA_STORE_FILE: string;
		RESOLVED_DATA_STORE_VIRTUAL_ID: string;
	}>('dist/content/consts.js');
	const { astroContentVirtualModPlugin } = await importAstroInternal<{
		astroContentVirtualModPlugin: (options: unknown) => Plugin;
	}>('dist/content/vite-plugin-content-virtual-mod.js');
	const root = mkdtempSync(join(tmpdir(), 'astro-'));
	const cacheDir = pathToFileURL(join(root, 'cache/'));
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(new URL(consts.DATA_STORE_FILE, cacheDir), JSON.stringify(store));
	const plugin = astroContentVirtualModPlugin({
		settings: {
			config: {
				root: pathToFileURL(`${root}/`),
				srcDir: pathToFileURL(`${root}/src/`),
				cacheDir,
				experimental: {},
				legacy: {},
			},
			dotAstroDir: pathToFileURL(`${root}/.astro/`),
		},
		fs,
	});
	(plugin.config as (config: object, env: { command: string }) => void)({}, { command: 'build' });
	const load = plugin.load as { handler: (id: string) => Promise<{ code: string }> };
	const id = consts.RESOLVED_DATA_STORE_VIRTUAL_ID;
	const context = {
		environment: { name: 'prerender' },
		error: (e: unknown) => {
			throw e;
		},
	};
	return { id, code: (await load.handler.call(context, id)).code };
}

describe('the content store read from a file in a build', () => {
	it('gives the module the store Astro inlined, from the file it writes', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'store-'));
		const { file, move, transform } = loaderIn(folder);
		// As Astro inlines it: a JSON text inside a JavaScript string, quotes and all.
		const store = JSON.stringify([{ title: 'Cut "p95" by 40%', note: 'a\\b\nc' }, 2]);
		const result = transform(`export default JSON.parse(${JSON.stringify(store)})`, STORE_MODULE);
		expect(readFileSync(file, 'utf8')).toBe(store);
		expect(move).toEqual({ seen: true, moved: true });
		const module = join(folder, 'store.mjs');
		writeFileSync(module, result!.code);
		const { default: loaded } = (await import(pathToFileURL(module).href)) as { default: unknown };
		expect(loaded).toEqual(JSON.parse(store));
	});

	it('leaves other modules, and a store written another way, as they are, and says so', () => {
		const { transform, move } = loaderIn(mkdtempSync(join(tmpdir(), 'store-')));
		const inlined = `export default JSON.parse(${JSON.stringify('[]')})`;
		expect(transform(inlined, '/src/data/site.ts')).toBeUndefined();
		expect(transform('export default JSON.parse(chunks.join(""))', STORE_MODULE)).toBeUndefined();
		expect(transform('export default JSON.parse("a" + "b")', STORE_MODULE)).toBeUndefined();
		expect(move).toEqual({ seen: true, moved: false });
	});

	it('has nothing to move when Astro stored nothing', () => {
		const { transform, move } = loaderIn(mkdtempSync(join(tmpdir(), 'store-')));
		expect(transform('export default new Map()', STORE_MODULE)).toBeUndefined();
		expect(move.moved).toBe(true);
	});

	it('matches the store module the installed Astro writes (a contract with Astro)', async () => {
		const store = [['entries', [['a', { data: { title: 'Cut "p95"\n' } }]]]];
		const { id, code } = await astroStoreModule(store);
		const { file, move, filter, transform } = loaderIn(mkdtempSync(join(tmpdir(), 'store-')));
		expect(filter.id.test(id)).toBe(true);
		expect(transform(code, id)).toBeDefined();
		expect(move.moved).toBe(true);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(store);
	});

	it('makes the build say when the store stayed in its code', () => {
		const warnings: string[] = [];
		const logger = { warn: (text: string) => warnings.push(text) };
		const integration = storeFromDisk();
		let plugins: Plugin[] = [];
		(integration.hooks['astro:config:setup'] as (options: unknown) => void)({
			command: 'build',
			config: { cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'cache-'))}/`) },
			updateConfig: (config: { vite: { plugins: Plugin[] } }) => (plugins = config.vite.plugins),
		});
		const { handler } = plugins[0]!.transform as unknown as Hook;
		handler('export default JSON.parse(chunks.join(""))', STORE_MODULE);
		(integration.hooks['astro:build:done'] as (options: unknown) => void)({ logger });
		expect(warnings).toEqual([STORE_INLINED]);
	});
});
