import fs, { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import {
	STORE_FILE,
	STORE_INLINED,
	STORE_MODULE,
	storeFileLoader,
	storeFromDisk,
	type StoreMove,
} from '../../src/lib/integration/store-from-disk.ts';
import { importAstroInternal } from '../astro-internals.ts';

type Loaded = { code: string } | undefined;
type Hook = { order: string; filter: { id: RegExp }; handler: (id: string) => Loaded };

function loaderIn(folder: string) {
	const store = join(folder, STORE_FILE);
	const copy = join(folder, 'copy.json');
	const move: StoreMove = { seen: false, moved: false };
	const hook = storeFileLoader(store, copy, move).load as unknown as Hook;
	return { store, copy, move, hook };
}

/** What a module's code exports by default, run from a file in `folder`. */
async function run(folder: string, code: string): Promise<unknown> {
	const module = join(folder, `module-${Math.random().toString(36).slice(2)}.mjs`);
	writeFileSync(module, code);
	return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
}

/**
 * The store module exactly as the installed Astro loads it in a build: Astro's own Vite plugin,
 * with the data-store.json that Astro names written in the cache folder.
 */
async function astroStoreModule(cacheFolder: string, store: unknown) {
	const consts = await importAstroInternal<{
		DATA_STORE_FILE: string;
		RESOLVED_DATA_STORE_VIRTUAL_ID: string;
	}>('dist/content/consts.js');
	const { astroContentVirtualModPlugin } = await importAstroInternal<{
		astroContentVirtualModPlugin: (options: unknown) => Plugin;
	}>('dist/content/vite-plugin-content-virtual-mod.js');
	const cacheDir = pathToFileURL(`${cacheFolder}/`);
	const root = mkdtempSync(join(tmpdir(), 'astro-'));
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
	return { id, file: consts.DATA_STORE_FILE, code: (await load.handler.call(context, id)).code };
}

describe('the content store read from a file in a build', () => {
	it('loads the module ahead of Astro, as code that reads a copy of the store file', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'store-'));
		const { store, copy, move, hook } = loaderIn(folder);
		const text = JSON.stringify([{ title: 'Cut "p95" by 40%', note: 'a\\b\nc — “quoted”' }, 2]);
		writeFileSync(store, text);
		expect(hook.order).toBe('pre');
		const loaded = hook.handler(STORE_MODULE);
		expect(move).toEqual({ seen: true, moved: true });
		expect(readFileSync(copy, 'utf8')).toBe(text);
		// The copy is what the pages read: a store written again later does not change them.
		writeFileSync(store, '[]');
		expect(await run(folder, loaded!.code)).toEqual(JSON.parse(text));
	});

	it('leaves other modules to their own loaders', () => {
		const { store, move, hook } = loaderIn(mkdtempSync(join(tmpdir(), 'store-')));
		writeFileSync(store, '[]');
		expect(hook.filter.id.test('/src/data/site.ts')).toBe(false);
		expect(hook.handler('/src/data/site.ts')).toBeUndefined();
		expect(move).toEqual({ seen: false, moved: false });
	});

	it('leaves the module to Astro when the store file is not where Astro keeps it, and says so', () => {
		const { move, hook } = loaderIn(mkdtempSync(join(tmpdir(), 'store-')));
		expect(hook.handler(STORE_MODULE)).toBeUndefined();
		expect(move).toEqual({ seen: true, moved: false });
	});

	it('gives the same store as the module the installed Astro loads (a contract with Astro)', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'store-'));
		const store = [['entries', [['a', { data: { title: 'Cut "p95"\n', note: '→ 40%' } }]]]];
		const astro = await astroStoreModule(folder, store);
		// Astro's names for the module and for the file in its cache folder are still ours.
		expect(astro.id).toBe(STORE_MODULE);
		expect(astro.file).toBe(STORE_FILE);
		const { hook } = loaderIn(folder);
		expect(hook.filter.id.test(astro.id)).toBe(true);
		const ours = hook.handler(astro.id);
		// Astro read the store from that file (without it, its module is an empty Map).
		expect(await run(folder, astro.code)).toEqual(store);
		expect(await run(folder, ours!.code)).toEqual(store);
	});

	it('makes the build say when the store stayed in its code', () => {
		const warnings: string[] = [];
		const logger = { warn: (text: string) => warnings.push(text) };
		const integration = storeFromDisk();
		let plugins: Plugin[] = [];
		const cache = mkdtempSync(join(tmpdir(), 'cache-'));
		(integration.hooks['astro:config:setup'] as (options: unknown) => void)({
			command: 'build',
			config: { cacheDir: pathToFileURL(`${cache}/`) },
			updateConfig: (config: { vite: { plugins: Plugin[] } }) => (plugins = config.vite.plugins),
		});
		const { handler } = plugins[0]!.load as unknown as Hook;
		// No data-store.json in the cache folder: Astro keeps its store elsewhere.
		expect(handler(STORE_MODULE)).toBeUndefined();
		(integration.hooks['astro:build:done'] as (options: unknown) => void)({ logger });
		expect(warnings).toEqual([STORE_INLINED]);
		// With the file where Astro keeps it, the same build says nothing.
		writeFileSync(join(cache, STORE_FILE), '[]');
		expect(handler(STORE_MODULE)).toBeDefined();
		warnings.length = 0;
		(integration.hooks['astro:build:done'] as (options: unknown) => void)({ logger });
		expect(warnings).toEqual([]);
	});
});
