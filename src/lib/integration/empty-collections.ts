/**
 * The collections whose loader stored nothing. Astro warns about an empty collection whenever a
 * page reads it ("does not exist or is empty"), yet every folder of a journal is optional, and a
 * new journal has no features or metrics: the pages skip reading those. The loaders run in
 * another module graph than the pages (both through Vite), hence globalThis.
 */
const KEY = Symbol.for('outcome-journal:empty-collections');
const shared = globalThis as { [KEY]?: Set<string> };

/** Records whether a loader left `collection` empty. */
export function setEmpty(collection: string, empty: boolean): void {
	const empties = (shared[KEY] ??= new Set());
	if (empty) empties.add(collection);
	else empties.delete(collection);
}

/** Whether `collection`'s loader stored nothing in this process. */
export function isEmpty(collection: string): boolean {
	return shared[KEY]?.has(collection) ?? false;
}
