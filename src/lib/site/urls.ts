/** Every href the site builds, under the configured base, with a trailing slash. */
import { tagSlug } from '../content/tags.ts';

export interface Urls {
	home: () => string;
	entry: (slug: string) => string;
	entries: () => string;
	person: (id: string) => string;
	people: () => string;
	team: (id: string) => string;
	teams: () => string;
	/** One calendar year of a team's entries, when the team has more than fit on its page. */
	teamYear: (id: string, year: string) => string;
	/** All the metrics a team reported, when its page shows only the latest (team-pages.ts). */
	teamMetrics: (id: string) => string;
	/** All of a team's open next steps by owner, when its page shows only the soonest; page `page`. */
	teamSteps: (id: string, page?: number) => string;
	feature: (id: string) => string;
	features: () => string;
	metric: (id: string) => string;
	/** A metric's page showing its history over `range` (`3m`…; `all` is the metric's page). */
	metricRange: (id: string, range: string) => string;
	metrics: () => string;
	month: (month: string) => string;
	months: () => string;
	tag: (tag: string) => string;
	tags: () => string;
	followUps: () => string;
	/** The list of quarterly reviews. */
	reviews: () => string;
	/** One quarter's review, by its id (`2026-q3`); with a team id, that team's review page. */
	review: (quarter: string, team?: string) => string;
	/** One quarter's review as JSON. */
	reviewJson: (quarter: string) => string;
	/** The follow-ups from one team's entries. */
	teamFollowUps: (id: string) => string;
	search: () => string;
	/** Folder of the Pagefind search bundle (`pagefind.js` and the index). */
	searchBundle: () => string;
	file: (name: string) => string;
	/** The page that explains evidence levels; `#<level>` for one of them. */
	evidence: (level?: string) => string;
	/** A person's outcome history for a review period. */
	history: (id: string) => string;
	/** One calendar year of a person's outcome history, when it is split by year. */
	historyYear: (id: string, year: string) => string;
	/** A file of a person's: `history.csv`, `history.json`, `rss.xml`. */
	personFile: (id: string, name: string) => string;
	/** An http(s) URL from content (a link, a source, an edit link) as a valid URL string. */
	external: (url: string) => string;
}

export function createUrls(base: string): Urls {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	// A plain loop: pages ask for these by the million on a large journal.
	const at = (...parts: string[]) => {
		let path = prefix;
		for (const part of parts) path += `${encodeURIComponent(part)}/`;
		return path;
	};
	return {
		home: () => prefix,
		entry: (slug) => at('entries', slug),
		entries: () => at('entries'),
		person: (id) => at('people', id),
		people: () => at('people'),
		team: (id) => at('teams', id),
		teams: () => at('teams'),
		teamYear: (id, year) => at('teams', id, year),
		teamMetrics: (id) => at('teams', id, 'metrics'),
		teamSteps: (id, page = 1) =>
			page > 1 ? at('teams', id, 'next-steps', String(page)) : at('teams', id, 'next-steps'),
		feature: (id) => at('features', id),
		features: () => at('features'),
		metric: (id) => at('metrics', id),
		metricRange: (id, range) => (range === 'all' ? at('metrics', id) : at('metrics', id, range)),
		metrics: () => at('metrics'),
		month: (month) => at('months', month),
		months: () => at('months'),
		tag: (tag) => at('tags', tagSlug(tag)),
		tags: () => at('tags'),
		followUps: () => at('follow-ups'),
		reviews: () => at('reviews'),
		review: (quarter, team) => (team ? at('reviews', quarter, team) : at('reviews', quarter)),
		reviewJson: (quarter) => `${prefix}reviews/${encodeURIComponent(quarter)}.json`,
		teamFollowUps: (id) => at('follow-ups', 'teams', id),
		search: () => at('search'),
		searchBundle: () => at('pagefind'),
		file: (name) => `${prefix}${name}`,
		evidence: (level) => `${at('evidence')}${level ? `#${level}` : ''}`,
		history: (id) => at('people', id, 'history'),
		historyYear: (id, year) => at('people', id, 'history', year),
		personFile: (id, name) => `${prefix}people/${encodeURIComponent(id)}/${name}`,
		external: (url) => encodeHref(new URL(url).href),
	};
}

/**
 * How exports link a site path: absolute when journal.yml sets `site` (feeds and chat posts are
 * read away from the site), else the base-relative path itself.
 */
export function createLink(site: string | undefined): (path: string) => string {
	return (path) => (site ? new URL(path, site).href : path);
}

/**
 * `href` with every character that a URL may not hold as it is (`<`, `"`, a space, `|`, `{`, a
 * second `#`, a `%` that starts no escape…) percent-encoded, and nothing else changed: a browser
 * opens the same address, and the page passes an HTML validator. Relative hrefs stay relative.
 */
export function encodeHref(href: string): string {
	let fragment = false;
	return href.replace(
		/%(?![0-9A-Fa-f]{2})|#|[^\w!$&'()*+,\-./:;=?@~%\u{A0}-\u{10FFFF}]/gu,
		(char) => {
			if (char === '#' && !fragment) {
				fragment = true;
				return char;
			}
			return char === '%' ? '%25' : encodeURIComponent(char);
		},
	);
}
