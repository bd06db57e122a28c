/**
 * The check a build or a dev server runs before Astro reads the journal, and what it tells the
 * loaders and the person at the terminal. It runs on a thread of its own while Vite starts
 * (check-off-thread.ts), but for a sharded build, whose sitemap needs the journal itself.
 */
import { findLeftOut, leftOutText } from '../content/audience.ts';
import { checkJournal } from '../content/check.ts';
import { getAudience } from '../content/env.ts';
import type { LoadedJournal } from '../content/load.ts';
import { openParseCache, type ParseCache } from '../content/parse-cache.ts';
import type { Problem } from '../content/problems.ts';
import { checkedDataOfJournal, type CheckedData } from './checked-data.ts';

export interface SiteCheck {
	journal: LoadedJournal;
	problems: Problem[];
	/** Which files the audience leaves out, if it leaves any. */
	leftOut?: string;
	/** The checker's cache, for the caller to save once the data is safe from pages. */
	cache?: ParseCache;
}

/** What crosses threads of a check: everything but the journal itself. */
export interface CheckReport {
	checked: CheckedData;
	problems: Problem[];
	leftOut?: string;
}

/** `cwd` is where the checker's cache is kept (parse-cache.ts). */
export function checkForSite(root: string, today: string, cwd?: string): SiteCheck {
	const cache = openParseCache(cwd);
	const { journal, problems } = checkJournal(root, today, cache);
	const audience = getAudience(process.env, journal.config);
	const leftOut = leftOutText(findLeftOut(journal.entries, audience), audience);
	return { journal, problems, leftOut, cache };
}

/** A check's report for the loaders; a dev server's files may change after `readAt`. */
export function reportOf({ journal, problems, leftOut }: SiteCheck, readAt?: number): CheckReport {
	return { checked: checkedDataOfJournal(journal, readAt), problems, leftOut };
}
