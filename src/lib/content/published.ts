/**
 * What a public build publishes besides its entries: the journal as if internal entries never
 * existed. People, teams, features and metrics are published when a public entry names them, or
 * when something published names them in turn (a published team's lead, a published person's
 * team), so that no published page links to a page that is not there.
 */
import { isPublished } from './audience.ts';
import { referencesOf, type Target } from './links.ts';
import type { LoadedJournal, SourceDoc } from './load.ts';

/** The kinds of file that are published for what entries name. */
export type ReferenceKind = Exclude<Target, 'entries'>;

/** Kind → ids of the files of that kind that a public build publishes. */
export type PublicReferences = Record<ReferenceKind, Set<string>>;

export function getPublicReferences(journal: Pick<LoadedJournal, Target>): PublicReferences {
	const published: PublicReferences = {
		people: new Set(),
		teams: new Set(),
		features: new Set(),
		metrics: new Set(),
	};
	const byId = (docs: SourceDoc<unknown>[]) => new Map(docs.map((d) => [d.id, d]));
	const docs = {
		people: byId(journal.people),
		teams: byId(journal.teams),
		features: byId(journal.features),
		metrics: byId(journal.metrics),
	};
	const queue: [Target, SourceDoc<unknown>][] = journal.entries
		.filter((doc) => doc.data && isPublished(doc.data, 'public'))
		.map((doc) => ['entries', doc]);
	// The queue grows while it is read; each file joins it once, when first published.
	for (const [kind, doc] of queue) {
		for (const { target, id } of referencesOf(kind, doc.raw)) {
			// `follows` never publishes the entry it names: that entry is published on its own merit.
			if (target === 'entries' || published[target].has(id)) continue;
			published[target].add(id);
			const named = docs[target].get(id);
			if (named) queue.push([target, named]);
		}
	}
	return published;
}
