/**
 * Follow-ups grouped by the person who should act on them, for the follow-ups page.
 * Pure: follow-ups in, groups out.
 */
import type { EntryLike } from './entry.ts';
import { followUpOwner, type DueEntry, type FollowUps, type OverdueStep } from './rollups.ts';

/** Everything one person should follow up on. */
export interface OwnerFollowUps<T> {
	/** Person id. */
	owner: string;
	/** Their entries waiting for a result, oldest measure-by first. */
	due: DueEntry<T>[];
	/** Their overdue next steps, oldest due date first. */
	overdue: OverdueStep<T>[];
	/** The earliest date among their items (measure-by or step due date). */
	oldest: string;
}

/**
 * Groups follow-ups by owner (see `followUpOwner`): a due entry belongs to its first author, an
 * overdue step to its owner or, without one, to the entry's first author. Items keep the order
 * they came in; owners are ordered by their oldest item, then by id.
 */
export function groupFollowUpsByOwner<T extends EntryLike>(
	followUps: FollowUps<T>,
): OwnerFollowUps<T>[] {
	const groups = new Map<string, OwnerFollowUps<T>>();
	const groupOf = (owner: string, date: string) => {
		let group = groups.get(owner);
		if (!group) {
			group = { owner, due: [], overdue: [], oldest: date };
			groups.set(owner, group);
		}
		if (date < group.oldest) group.oldest = date;
		return group;
	};
	for (const item of followUps.due)
		groupOf(followUpOwner(item.entry), item.measureBy).due.push(item);
	for (const item of followUps.overdue)
		groupOf(followUpOwner(item.entry, item.step), item.step.due!).overdue.push(item);
	return [...groups.values()].sort(
		(a, b) => a.oldest.localeCompare(b.oldest) || a.owner.localeCompare(b.owner),
	);
}

/** The follow-ups that come from one team's entries (an entry's `team`), in the same order. */
export function followUpsOfTeam<T extends EntryLike>(
	followUps: FollowUps<T>,
	team: string,
): FollowUps<T> {
	const inTeam = (item: { entry: T }) => item.entry.data.team === team;
	return { due: followUps.due.filter(inTeam), overdue: followUps.overdue.filter(inTeam) };
}
