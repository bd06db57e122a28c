/**
 * How long a list page gets before it is split (Astro's paginate()): unsplit, a tag, a month or
 * /follow-ups/ of a large journal is a page of megabytes.
 * Page 1 keeps the list's own URL; later pages add /2/, /3/…
 */
export const PAGE_SIZE = {
	/** Entries on a tag or month page. */
	entries: 100,
	/** People, each with everything they should act on, on /follow-ups/. */
	followUpOwners: 10,
	/** Rows of a metric page's Measurements table, which a much-measured metric fills. */
	measurements: 50,
	/** Entries in a person's outcome history on one page; a longer history has a page per year. */
	historyEntries: 50,
	/** Entries of a team listed on its page; a team with more has a page per year. */
	teamEntries: 100,
	/** Rows of a team's metrics page (/teams/<id>/metrics/). */
	teamMetrics: 100,
	/** Owners, each with all their open steps, on a team's next-steps page. */
	teamStepOwners: 10,
	/** Items in each list of a digest (follow-ups due, next steps); the rest are counted. */
	digestItems: 10,
	/** Values of a metric's line in one view of its history; a longer line is thinned. */
	historyValues: 400,
} as const;

/** The first `max` of `list`, and how many are left out: a short list's cut, counted. */
export function firstOf<T>(list: readonly T[], max: number): { shown: T[]; more: number } {
	return { shown: list.slice(0, max), more: Math.max(0, list.length - max) };
}

/** Which items one page of a split list holds, as paginate() numbers them: "entries 101–200 of 250". */
export function pageRange(
	page: { start: number; end: number; total: number },
	items: string,
): string {
	return `${items} ${page.start + 1}–${page.end + 1} of ${page.total}`;
}
