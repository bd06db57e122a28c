import type { DataStore } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { heldUntilLoaded } from '../../src/lib/integration/journal-loader.ts';

type Stored = Parameters<DataStore['set']>[0];

/** A store that records what reaches it, in order. */
function recordingStore() {
	const map = new Map<string, Stored>();
	const sets: string[] = [];
	const store = {
		get: (id: string) => map.get(id),
		has: (id: string) => map.has(id),
		set: (entry: Stored) => {
			sets.push(entry.id);
			map.set(entry.id, entry);
			return true;
		},
		delete: (id: string) => void map.delete(id),
		keys: () => [...map.keys()],
		values: () => [...map.values()],
	} as unknown as DataStore;
	return { store, map, sets };
}

const entry = (id: string, digest = id): Stored => ({ id, data: { title: id }, digest });

describe('a loader store held until the first load ends', () => {
	it('stores nothing while loading, then everything at once, last write of an id winning', () => {
		const { store, map, sets } = recordingStore();
		const held = heldUntilLoaded(store);
		held.store.set(entry('a'));
		held.store.set(entry('b'));
		held.store.set(entry('a', 'a2'));
		expect(sets).toEqual([]);
		// The loader sees what it stored, as if it were in the store already.
		expect(held.store.get('a')?.digest).toBe('a2');
		expect(held.store.has('b')).toBe(true);
		held.release();
		expect(sets).toEqual(['a', 'b']);
		expect(map.get('a')?.digest).toBe('a2');
	});

	it('deletes from both what it holds and the store, and a deleted entry never arrives', () => {
		const { store, map } = recordingStore();
		store.set(entry('old'));
		const held = heldUntilLoaded(store);
		held.store.set(entry('gone'));
		held.store.delete('gone');
		held.store.delete('old');
		held.release();
		expect([...map.keys()]).toEqual([]);
	});

	it('keeps an edit after the first load in front of the store, and says so', () => {
		const { store, map, sets } = recordingStore();
		let changes = 0;
		const held = heldUntilLoaded(store, () => changes++);
		held.store.set(entry('a', 'a1'));
		held.store.set(entry('b'));
		held.release();
		expect(changes).toBe(0);
		held.store.set(entry('a', 'a2'));
		// Astro's store would write itself whole for this: it keeps the entry as it was.
		expect(sets).toEqual(['a', 'b']);
		expect(map.get('a')?.digest).toBe('a1');
		expect(held.store.get('a')?.digest).toBe('a2');
		expect(held.store.values().map((e) => e.digest)).toEqual(['b', 'a2']);
		expect(changes).toBe(1);
	});

	it('stores a new or moved file after the first load, which Astro must list to render it', () => {
		const { store, map, sets } = recordingStore();
		const held = heldUntilLoaded(store);
		held.store.set({ ...entry('a'), filePath: 'entries/a.md' });
		held.release();
		held.store.set({ ...entry('new'), filePath: 'entries/new.md' });
		held.store.set({ ...entry('a', 'a2'), filePath: 'entries/2026/a.md' });
		expect(sets).toEqual(['a', 'new', 'a']);
		expect(map.get('a')?.filePath).toBe('entries/2026/a.md');
		expect(held.store.keys()).toEqual(['a', 'new']);
	});

	it('hides an entry deleted after the first load, and shows it again when it comes back', () => {
		const { store, map } = recordingStore();
		let changes = 0;
		const held = heldUntilLoaded(store, () => changes++);
		held.store.set(entry('a'));
		held.store.set(entry('b'));
		held.release();
		held.store.delete('a');
		expect(map.has('a')).toBe(true);
		expect(held.store.has('a')).toBe(false);
		expect(held.store.get('a')).toBeUndefined();
		expect(held.store.keys()).toEqual(['b']);
		expect(changes).toBe(1);
		held.store.set(entry('a', 'a2'));
		expect(held.store.get('a')?.digest).toBe('a2');
		expect(held.store.keys()).toEqual(['b', 'a']);
		expect(changes).toBe(2);
	});
});
