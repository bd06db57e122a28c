import type { DataStore } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { heldUntilLoaded } from '../../src/lib/site/journal-loader.ts';

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

	it('passes changes after the first load straight through (the dev server’s edits)', () => {
		const { store, sets } = recordingStore();
		const held = heldUntilLoaded(store);
		held.release();
		held.store.set(entry('edited'));
		expect(sets).toEqual(['edited']);
	});
});
