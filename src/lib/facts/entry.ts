/**
 * Derived facts about entries: who gets credit, the order of a list, which entries follow which,
 * whether an entry has words of its own. Pure functions over plain data, shared by the site and
 * the CLI; no page or command recomputes these.
 */
import { addTo } from '../utils/multimap.ts';
import type { AuthorRole, Entry } from '../content/schema.ts';

/** An entry as the facts read it: its slug and its checked data. */
export interface EntryLike {
	slug: string;
	data: Entry;
}

/** An author with the role they had (undefined for a bare id). */
export interface Credit {
	person: string;
	role?: AuthorRole;
}

export function getCredits(entry: Pick<Entry, 'authors'>): Credit[] {
	return entry.authors.map((a) => (typeof a === 'string' ? { person: a } : a));
}

/** Newest first; ties broken by slug so that order is stable. */
export function byNewest<T extends { slug: string; data: Pick<Entry, 'date'> }>(
	a: T,
	b: T,
): number {
	return b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug);
}

interface Linked {
	slug: string;
	data: Pick<Entry, 'follows'>;
}

/** The entries `slug` follows, oldest first (stops at a missing or unpublished one). */
export function getAncestors<T extends Linked>(slug: string, bySlug: ReadonlyMap<string, T>): T[] {
	const chain: T[] = [];
	let current = bySlug.get(slug)?.data.follows;
	while (current && !chain.some((e) => e.slug === current)) {
		const entry = bySlug.get(current);
		if (!entry) break;
		chain.unshift(entry);
		current = entry.data.follows;
	}
	return chain;
}

/** Slug → the entries that follow it directly. */
export function getFollowers<T extends Linked>(entries: readonly T[]): Map<string, T[]> {
	const followers = new Map<string, T[]>();
	for (const entry of entries) {
		const parent = entry.data.follows;
		if (parent) addTo(followers, parent, entry);
	}
	return followers;
}

/**
 * Whether an entry has words of its own beyond its title: a summary, or a write-up with a letter
 * or a digit in its text. `writeUp` is the rendered HTML of its body (tags are not text).
 */
export function hasOwnText(entry: Pick<Entry, 'summary'>, writeUp: string | undefined): boolean {
	const text = (writeUp ?? '').replace(/<[^>]*>/g, ' ');
	return [entry.summary, text].some((t) => /[\p{L}\p{N}]/u.test(t ?? ''));
}
