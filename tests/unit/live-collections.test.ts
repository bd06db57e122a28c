import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DataStore } from 'astro/loaders';
import type { FSWatcher } from 'vite';
import { describe, expect, it } from 'vitest';
import {
	announceChange,
	liveSnapshot,
	onLiveChange,
	shareStore,
	watchedChanges,
} from '../../src/lib/integration/live-collections.ts';

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
