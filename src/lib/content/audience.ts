/**
 * Who a build is for, and what that audience leaves out of the site. A public site publishes only
 * entries marked `visibility: public`, so an entry written with the default visibility would never
 * appear: the build and `check` say how many entries that is, and which.
 */
import type { Entry } from './schema.ts';

export type Audience = 'internal' | 'public';

/** Whether an entry belongs in a build for `audience`. Drafts never do. */
export function isPublished(
	entry: Pick<Entry, 'draft' | 'visibility'>,
	audience: Audience,
): boolean {
	return !entry.draft && (audience === 'internal' || entry.visibility === 'public');
}

/** How many file names the message lists before it counts the rest. */
export const LISTED = 3;

/** Files (relative to the content root) of entries that are not drafts but `audience` leaves out. */
export function findLeftOut(
	entries: readonly { file: string; data?: Pick<Entry, 'draft' | 'visibility'> }[],
	audience: Audience,
): string[] {
	return entries
		.filter(({ data }) => data && !data.draft && !isPublished(data, audience))
		.map(({ file }) => file)
		.sort();
}

/** One line for the terminal, or undefined when nothing is left out. */
export function leftOutText(files: readonly string[], audience: Audience): string | undefined {
	if (files.length === 0) return undefined;
	const more = files.length - LISTED;
	const listed = files.slice(0, LISTED).join(', ') + (more > 0 ? ` and ${more} more` : '');
	const count = files.length === 1 ? '1 entry' : `${files.length} entries`;
	return `The ${audience} site leaves out ${count} marked internal: ${listed}. Mark an entry \`visibility: public\` to publish it, or set \`audience: internal\` in journal.yml if only your organisation can read the site.`;
}
