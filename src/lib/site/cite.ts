/** The plain-text citation of an entry, for a promotion packet or a document. */
import type { EntryStatus } from '../content/schema.ts';
import type { StrongestEvidence } from '../facts/evidence.ts';
import { formatDate, strongestEvidenceText } from './format.ts';

export interface CitationFacts {
	title: string;
	/** Names, with the role when one is named. */
	authors: { name: string; role?: string }[];
	date: string;
	status: EntryStatus;
	strongest: StrongestEvidence | undefined;
	/** Who verified the numbers, and when. */
	verified?: { name: string; on?: string };
	/** The journal's title. */
	journal: string;
	/** Absolute permalink when the site URL is known, else the base-relative path. */
	url: string;
}

/**
 * One paragraph, reference style:
 * `Ana Souza (lead), Bo Chen. “Title.” Journal, shipped 14 Mar 2026. Status: measured; …. URL`
 */
export function toCitation(c: CitationFacts): string {
	const authors = c.authors.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ');
	const verified = c.verified
		? `verified by ${c.verified.name}${c.verified.on ? ` on ${formatDate(c.verified.on)}` : ''}`
		: 'not independently verified';
	// One line: a title written over several lines is joined; its own final punctuation is kept.
	const oneLine = c.title.replace(/\s+/g, ' ').trim();
	const title = /[.!?]$/.test(oneLine) ? oneLine : `${oneLine}.`;
	return [
		`${authors}.`,
		`“${title}”`,
		`${c.journal}, shipped ${formatDate(c.date)}.`,
		`Status: ${c.status}; strongest evidence: ${strongestEvidenceText(c.strongest)}; ${verified}.`,
		c.url,
	].join(' ');
}
