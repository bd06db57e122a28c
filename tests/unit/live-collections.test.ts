import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DataStore } from 'astro/loaders';
import type { FSWatcher, RunnableDevEnvironment } from 'vite';
import { describe, expect, it } from 'vitest';
import {
	announceChange,
	dropWithImporters,
	liveCollections,
	liveSnapshot,
	NOT_RUNNABLE,
	onLiveChange,
	shareStore,
	watchedChanges,
} from '../../src/lib/integration/live-collections.ts';
import { bareViteServer } from '../vite-server.ts';

type Stored = Parameters<DataStore['set']>[0];

const storeOf = (entries: Stored[]) => ({ values: () => entries }) as unknown as DataStore;

describe('the loaders’ stores, as dev pages read them', () => {
	it('are read only once the loaders have read every change the watcher reported', async () => {
		const watcher = new EventEmitter();
		const entries: Stored[] = [{ id: 'a', data: { title: 'Before' } }];
		shareStore('things', storeOf(entries));
		let finish = () => {};
		watchedChanges(watcher as unknown as FSWatcher).on('change', async () => {
			await new Promise<void>((resolve) => (finish = resolve));
			entries[0] = { id: 'a', data: { title: 'After' } };
		});
		watcher.emit('change', '/journal/entries/a.md');
		let read: Map<string, unknown[]> | undefined;
		const snapshot = liveSnapshot().then((m) => (read = m));
		await nextTurn();
		expect(read).toBeUndefined();
		finish();
		await snapshot;
		expect(read?.get('things')).toEqual([
			{ id: 'a', data: { title: 'After' }, collection: 'things' },
		]);
	});

	it('say once per turn that they changed, and not when the pages read the change already', async () => {
		// The pages read only when some loader shares its store.
		shareStore('things', storeOf([]));
		let notices = 0;
		const stop = onLiveChange(() => notices++);
		try {
			announceChange();
			announceChange();
			await nextTurn();
			expect(notices).toBe(1);
			announceChange();
			await liveSnapshot();
			await nextTurn();
			expect(notices).toBe(1);
			announceChange();
			await nextTurn();
			expect(notices).toBe(2);
		} finally {
			stop();
		}
		announceChange();
		await nextTurn();
		expect(notices).toBe(2);
	});
});

describe('the dev server after a change to the stores', () => {
	it('drops the module that read them, and its importers, from a real Vite runner', async () => {
		const root = mkdtempSync(join(tmpdir(), 'live-'));
		const data = join(root, 'data.ts');
		writeFileSync(data, 'export const title = "Before";\n');
		writeFileSync(join(root, 'page.ts'), 'export { title } from "./data.ts";\n');
		const server = await bareViteServer(root);
		try {
			const { runner } = server.environments.ssr as RunnableDevEnvironment;
			const page = () => runner.import<{ title: string }>('/page.ts');
			expect((await page()).title).toBe('Before');
			writeFileSync(data, 'export const title = "After";\n');
			// Nothing watches the files here: only the drop makes the runner evaluate them again.
			expect((await page()).title).toBe('Before');
			dropWithImporters(server, data);
			expect((await page()).title).toBe('After');
		} finally {
			await server.close();
		}
	});

	it('says at start when no page environment runs here, instead of never showing an edit', () => {
		const warnings: string[] = [];
		const setup = liveCollections(new URL('file:///site.ts')).hooks['astro:server:setup'] as (
			options: unknown,
		) => void;
		const environment = { moduleGraph: { getModulesByFile: () => undefined } };
		setup({
			server: { environments: { ssr: environment, client: environment } },
			logger: { warn: (text: string) => warnings.push(text) },
		});
		expect(warnings).toEqual([NOT_RUNNABLE]);
	});
});
