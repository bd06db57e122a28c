/**
 * Checks between files: every id a file names must exist, entry slugs and aliases must be unique,
 * `follows` must not loop, and two tag spellings must not share a page. Works on raw data, so a
 * file with a schema error is still checked.
 */
import type { LoadedJournal, SourceDoc } from './load.ts';
import { toFieldPath, type Problem } from './problems.ts';
import { addTo } from '../utils/multimap.ts';
import { didYouMean } from '../utils/suggest.ts';
import { lineOf } from './parsed-yaml.ts';
import { tagSlug } from './tags.ts';
import { quote } from '../utils/quote.ts';

/** The kinds of file that an id can name. */
export type Target = 'people' | 'teams' | 'features' | 'metrics' | 'entries';

/** A field that names an id of `target`, by its dotted path with `*` for "every list item". */
const ref = (path: string, target: Target) => ({ path: path.split('.'), target });

/** Where each kind of file names an id. */
const REFERENCES: Record<Target, { path: readonly string[]; target: Target }[]> = {
	people: [ref('team', 'teams')],
	teams: [ref('lead', 'people')],
	features: [ref('team', 'teams')],
	metrics: [],
	entries: [
		ref('authors.*', 'people'),
		ref('authors.*.person', 'people'),
		ref('team', 'teams'),
		ref('features.*', 'features'),
		ref('metrics.*.metric', 'metrics'),
		ref('next.*.owner', 'people'),
		ref('verified_by.person', 'people'),
		ref('follows', 'entries'),
	],
};

const NOUN: Record<Target, string> = {
	people: 'person (people/<id>.yml)',
	teams: 'team (teams/<id>.yml)',
	features: 'feature (features/<id>.md)',
	metrics: 'metric (metrics/<id>.yml)',
	entries: 'entry slug',
};

/** Every broken link, duplicate and cycle in the journal. */
export function findBrokenLinks(journal: LoadedJournal): Problem[] {
	const ids: Record<Target, string[]> = {
		people: journal.people.map((d) => d.id),
		teams: journal.teams.map((d) => d.id),
		features: journal.features.map((d) => d.id),
		metrics: journal.metrics.map((d) => d.id),
		entries: journal.entries.map((d) => d.id),
	};
	const known = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, new Set(v)])) as Record<
		Target,
		Set<string>
	>;
	const problems: Problem[] = [];
	for (const kind of Object.keys(REFERENCES) as Target[]) {
		for (const doc of journal[kind] as SourceDoc<unknown>[]) {
			for (const { path, target } of REFERENCES[kind]) {
				for (const [at, value] of valuesAt(doc.raw, path)) {
					if (known[target].has(value)) continue;
					problems.push(
						error(
							doc,
							at,
							`${quote(value)} is not a known ${NOUN[target]}.${didYouMean(value, ids[target])}`,
						),
					);
				}
			}
		}
	}
	return [
		...problems,
		...findDuplicateSlugs(journal),
		...findAliasClashes(journal),
		...findFollowCycles(journal),
		...findTagClashes(journal),
	];
}

/** Every id that a file of `kind` names, with the kind of file it names. */
export function referencesOf(kind: Target, raw: unknown): { target: Target; id: string }[] {
	return REFERENCES[kind].flatMap(({ path, target }) =>
		valuesAt(raw, path).map(([, id]) => ({ target, id })),
	);
}

function error(doc: SourceDoc<unknown>, path: PropertyKey[], message: string): Problem {
	return {
		file: doc.file,
		line: lineOf(doc.lines, path),
		field: toFieldPath(path),
		severity: 'error',
		message,
	};
}

/** String values at a `*`-path, with their concrete paths. */
function valuesAt(raw: unknown, path: readonly string[]): [PropertyKey[], string][] {
	const found: [PropertyKey[], string][] = [];
	collectValues(raw, path, [], found);
	return found;
}

/**
 * Adds to `found` the values at `path` from step `at.length` on, under `at`: one path, grown
 * and shrunk on the way, copied only for a value found.
 */
function collectValues(
	raw: unknown,
	path: readonly string[],
	at: PropertyKey[],
	found: [PropertyKey[], string][],
): void {
	if (at.length === path.length) {
		if (typeof raw === 'string') found.push([[...at], raw]);
		return;
	}
	if (raw === null || typeof raw !== 'object') return;
	const head = path[at.length]!;
	if (head === '*') {
		if (!Array.isArray(raw)) return;
		for (let i = 0; i < raw.length; i++) {
			at.push(i);
			collectValues(raw[i], path, at, found);
			at.pop();
		}
	} else if (!Array.isArray(raw)) {
		const value = (raw as Record<string, unknown>)[head];
		// Most files leave most fields out: the path does not grow for them.
		if (value === undefined) return;
		at.push(head);
		collectValues(value, path, at, found);
		at.pop();
	}
}

function findDuplicateSlugs(journal: LoadedJournal): Problem[] {
	const bySlug = Map.groupBy(journal.entries, (doc) => doc.id);
	return [...bySlug.values()]
		.filter((docs) => docs.length > 1)
		.flatMap((docs) =>
			docs.map((doc) => ({
				file: doc.file,
				line: 1,
				field: null,
				severity: 'error' as const,
				message: `duplicate entry slug "${doc.id}": also used by ${docs
					.filter((other) => other !== doc)
					.map((other) => other.file)
					.join(', ')}. Slugs must be unique across all folders; rename one file.`,
			})),
		);
}

function findAliasClashes(journal: LoadedJournal): Problem[] {
	const slugs = new Set(journal.entries.map((d) => d.id));
	const owner = new Map<string, string>();
	const problems: Problem[] = [];
	for (const doc of journal.entries) {
		for (const [at, alias] of valuesAt(doc.raw, ['aliases', '*'])) {
			if (slugs.has(alias)) {
				problems.push(
					error(
						doc,
						at,
						`alias ${quote(alias)} is the slug of an existing entry; an alias must be a slug no entry uses.`,
					),
				);
			} else if (owner.has(alias) && owner.get(alias) !== doc.file) {
				problems.push(
					error(
						doc,
						at,
						`alias ${quote(alias)} is also an alias in ${owner.get(alias)}; each old slug can redirect to one entry only.`,
					),
				);
			} else owner.set(alias, doc.file);
		}
	}
	return problems;
}

function findFollowCycles(journal: LoadedJournal): Problem[] {
	const docs = new Map(journal.entries.map((d) => [d.id, d]));
	const followsOf = (doc: SourceDoc<unknown>) => valuesAt(doc.raw, ['follows'])[0]?.[1];
	// Each entry is walked once: a walk stops at an entry an earlier walk already passed.
	const visited = new Set<string>();
	const problems: Problem[] = [];
	for (const start of journal.entries) {
		const position = new Map<string, number>();
		let current: SourceDoc<unknown> | undefined = start;
		while (current && !visited.has(current.id)) {
			visited.add(current.id);
			position.set(current.id, position.size);
			const next = followsOf(current);
			current = next === undefined ? undefined : docs.get(next);
		}
		// A cycle only when this walk ran into itself, not into an earlier walk.
		if (!current || !position.has(current.id)) continue;
		const cycle = [...position.keys()].slice(position.get(current.id));
		const loop = [...cycle, cycle[0]].join(' → ');
		for (const id of cycle) {
			problems.push(
				error(
					docs.get(id)!,
					['follows'],
					`"follows" forms a cycle: ${loop}. An entry can only follow an earlier one.`,
				),
			);
		}
	}
	return problems;
}

interface TagUse {
	doc: SourceDoc<unknown>;
	at: PropertyKey[];
}

/**
 * Tags spelled differently that would share one page (`Latency` and `latency`, `café` and
 * `cafe`, `a b` and `a/b`): every use of a spelling other than the most used one is an error on
 * its `tags[i]`, naming the other spelling and the entries that use it.
 */
function findTagClashes(journal: LoadedJournal): Problem[] {
	const bySlug = new Map<string, Map<string, TagUse[]>>();
	for (const doc of journal.entries) {
		for (const [at, tag] of valuesAt(doc.raw, ['tags', '*'])) {
			if (!tag) continue;
			const spelling = tag.normalize('NFC');
			const slug = tagSlug(spelling);
			const spellings = bySlug.get(slug) ?? new Map<string, TagUse[]>();
			bySlug.set(slug, spellings);
			addTo(spellings, spelling, { doc, at });
		}
	}
	const problems: Problem[] = [];
	for (const [slug, spellings] of bySlug) {
		if (spellings.size < 2) continue;
		// The most used spelling is taken as meant; ties go to the one seen first (sort is stable).
		const [first, ...others] = [...spellings].sort(([, a], [, b]) => b.length - a.length);
		const [kept, keptUses] = first!;
		const files = [...new Set(keptUses.map((use) => use.doc.file))];
		const where =
			files.length > 3
				? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`
				: files.join(', ');
		for (const [spelling, uses] of others) {
			for (const { doc, at } of uses) {
				problems.push(
					error(
						doc,
						at,
						`tag ${quote(spelling)} would share the page /tags/${slug}/ with tag ${quote(kept)} (${where}). Spell the tag the same way everywhere, or use tags that differ in their letters or digits.`,
					),
				);
			}
		}
	}
	return problems;
}
