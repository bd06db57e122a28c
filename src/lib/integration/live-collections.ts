/**
 * In `astro dev`, pages read the loaders' own stores rather than `getCollection`.
 *
 * `getCollection` in dev reads Astro's data store from disk, and Astro writes that file whole
 * (11.6 MB at 10,000 entries) half a second after a change, then loads it back: a saved edit took
 * 4 to 5 s to reach its page. The loader's store holds the change as soon as the file is read
 * (journal-loader.ts keeps an edit out of Astro's store altogether), so the pages render it at once:
 *
 * - the loaders share their stores here (`shareStore`), say when one changes (`announceChange`),
 *   and count the changes they are still reading (`watchedChanges`);
 * - `src/data/site.ts` waits until none is left, then reads the stores (`liveSnapshot`). Vite
 *   drops the pages the moment a markdown file changes, before the loader has read it, and a page
 *   asked for in between would show the old text;
 * - after a change the dev server drops `src/data/site.ts` and every module that imported it
 *   (`liveCollections`), unless it has read the change already, so the next request reads anew.
 *   That covers `.yml` files, which no page imports, so Vite alone would not drop anything.
 *
 * The loaders run in the dev server's own process, beside the module runner that evaluates the
 * pages, but in another module graph: hence globalThis.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { DataStore } from 'astro/loaders';
import { isRunnableDevEnvironment } from 'vite';
import type { EnvironmentModuleNode, FSWatcher, ViteDevServer } from 'vite';
import { lazyContentModules } from './content-modules.ts';

const KEY = Symbol.for('outcome-journal.live-collections');

interface Live {
	stores: Map<string, DataStore>;
	listeners: Set<() => void>;
	/** Counts the changes to the stores. */
	version: number;
	/** The version the pages last read. */
	readVersion: number;
	/** Whether a notice of change is already on its way (a checkout changes many files at once). */
	noticeDue: boolean;
	/** Changes the loaders have been told of and are still reading. */
	reading: number;
	/** Who waits for `reading` to reach 0. */
	waiting: (() => void)[];
}

const shared = globalThis as { [KEY]?: Live };
const live = (): Live =>
	(shared[KEY] ??= {
		stores: new Map(),
		listeners: new Set(),
		version: 0,
		readVersion: -1,
		noticeDue: false,
		reading: 0,
		waiting: [],
	});

/** Shares a collection's store with the pages (in dev). */
export function shareStore(collection: string, store: DataStore): void {
	live().stores.set(collection, store);
}

/** Tells the listeners, once per turn of the event loop, that a shared store has changed. */
export function announceChange(): void {
	const state = live();
	state.version++;
	if (state.noticeDue) return;
	state.noticeDue = true;
	setImmediate(() => {
		state.noticeDue = false;
		if (state.readVersion === state.version) return;
		for (const listener of state.listeners) listener();
	});
}

/**
 * The dev server's watcher as a loader sees it: it counts each change from the moment the watcher
 * reports it until the loader's handler is done with it.
 */
export function watchedChanges(watcher: FSWatcher): FSWatcher {
	const state = live();
	const done = () => {
		if (--state.reading > 0) return;
		for (const resolve of state.waiting.splice(0)) resolve();
	};
	type Handler = (...args: unknown[]) => unknown;
	const on = (event: string, handler: Handler) => {
		watcher.on(event, async (...args: unknown[]) => {
			state.reading++;
			try {
				await handler(...args);
			} finally {
				done();
			}
		});
		return counted;
	};
	const counted: FSWatcher = new Proxy(watcher, {
		get: (target, key) => {
			if (key === 'on') return on;
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return counted;
}

/**
 * Every shared collection's entries as `getCollection` gives them, once the loaders have read
 * every change the watcher has reported; undefined when no loader shares its store.
 */
export async function liveSnapshot(): Promise<Map<string, unknown[]> | undefined> {
	const state = live();
	if (state.reading > 0) await new Promise<void>((resolve) => state.waiting.push(resolve));
	if (!state.stores.size) return undefined;
	state.readVersion = state.version;
	return new Map(
		[...state.stores].map(([collection, store]) => [
			collection,
			store.values().map((entry) => ({ ...entry, collection })),
		]),
	);
}

/** Calls `listener` after the shared stores change; returns a function that stops it. */
export function onLiveChange(listener: () => void): () => void {
	const { listeners } = live();
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * In `astro dev`, drops the module that reads the collections (`dataModule`), and every module
 * that imported it, whenever a shared store changes; and resolves an entry's render module only
 * when a page renders it (content-modules.ts). A dev server where no environment runs the
 * pages in this process would never show an edit: it says so at its start rather than serve
 * stale pages in silence.
 */
export function liveCollections(dataModule: URL): AstroIntegration {
	let stop: (() => void) | undefined;
	return {
		name: 'outcome-journal:live-collections',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command === 'dev')
					updateConfig({ vite: { plugins: [lazyContentModules(config.root)] } });
			},
			'astro:server:setup': ({ server, logger }) => {
				if (!runsPagesHere(server)) logger.warn(NOT_RUNNABLE);
				stop = onLiveChange(() => dropWithImporters(server, fileURLToPath(dataModule)));
			},
			'astro:server:done': () => stop?.(),
		},
	};
}

export const NOT_RUNNABLE =
	'The dev server runs no page environment in this process (a Vite runnable environment), so a ' +
	'saved entry reaches its page only after a restart. See docs/decisions/0004.';

/** Whether a page environment (Astro's `ssr` or `prerender`) evaluates modules in this process. */
export function runsPagesHere(server: Pick<ViteDevServer, 'environments'>): boolean {
	return ['ssr', 'prerender'].some((name) => {
		const environment = server.environments[name];
		return environment !== undefined && isRunnableDevEnvironment(environment);
	});
}

/** As Astro does for its own data store: invalidated in Vite's graph, forgotten by the runner. */
export function dropWithImporters(server: Pick<ViteDevServer, 'environments'>, file: string): void {
	const timestamp = Date.now();
	for (const environment of Object.values(server.environments)) {
		const dropped = new Set<EnvironmentModuleNode>();
		for (const module of environment.moduleGraph.getModulesByFile(file) ?? [])
			environment.moduleGraph.invalidateModule(module, dropped, timestamp, true);
		if (!isRunnableDevEnvironment(environment)) continue;
		const { evaluatedModules } = environment.runner;
		for (const { id } of dropped) {
			const module = id && evaluatedModules.getModuleById(id);
			if (module) evaluatedModules.invalidateModule(module);
		}
	}
}
