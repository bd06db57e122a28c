/**
 * How long a list page gets before it is split (Astro's paginate()): a tag of a large journal
 * held every entry on one page of almost 2 MB, and /follow-ups/ 2.4 MB, at 10,000 entries.
 * Page 1 keeps the list's own URL; later pages add /2/, /3/…
 */
export const PAGE_SIZE = {
	/** Entries on a tag page. */
	entries: 100,
	/** People, each with everything they should act on, on /follow-ups/. */
	followUpOwners: 20,
} as const;
