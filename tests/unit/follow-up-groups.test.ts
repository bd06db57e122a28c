import { describe, expect, it } from 'vitest';
import { followUpsOfTeam, groupFollowUpsByOwner } from '../../src/lib/facts/follow-up-groups.ts';
import { getFollowUps } from '../../src/lib/facts/rollups.ts';
import { makeEntry } from '../helpers.ts';

const entry = makeEntry;

const TODAY = '2026-06-01';

describe('groupFollowUpsByOwner', () => {
	it('returns no groups when nothing is due', () => {
		expect(groupFollowUpsByOwner({ due: [], overdue: [] })).toEqual([]);
	});

	it('gives a due entry to its first author and a step to its owner, else the first author', () => {
		const entries = [
			entry('a', {
				date: '2026-03-01',
				authors: [{ person: 'bo', role: 'lead' }, 'ana'],
				next: [
					{ step: 'owned by cy', owner: 'cy', due: '2026-04-01', done: false },
					{ step: 'no owner', due: '2026-04-02', done: false },
				],
			}),
		];
		const groups = groupFollowUpsByOwner(getFollowUps(entries, TODAY, 30));
		expect(
			groups.map((g) => ({
				owner: g.owner,
				due: g.due.map((d) => d.entry.slug),
				overdue: g.overdue.map((o) => o.step.step),
			})),
		).toEqual([
			{ owner: 'bo', due: ['a'], overdue: ['no owner'] },
			{ owner: 'cy', due: [], overdue: ['owned by cy'] },
		]);
		// bo's oldest item is the entry's measure-by date (2026-03-31), before cy's step (04-01).
		expect(groups.map((g) => g.oldest)).toEqual(['2026-03-31', '2026-04-01']);
	});

	it('orders owners by their oldest item, whether a due entry or a step, then by id', () => {
		const entries = [
			entry('late-result', { date: '2026-04-01', authors: ['ana'] }), // measure-by 05-01
			entry('old-step', {
				status: 'measured',
				authors: ['ana'],
				next: [{ step: 'old', owner: 'zoe', due: '2026-02-01', done: false }],
			}),
			entry('tie', {
				status: 'measured',
				next: [
					{ step: 'tie b', owner: 'bo', due: '2026-05-01', done: false },
					{ step: 'done', owner: 'al', due: '2026-01-01', done: true },
				],
			}),
		];
		const groups = groupFollowUpsByOwner(getFollowUps(entries, TODAY, 30));
		expect(groups.map((g) => [g.owner, g.oldest])).toEqual([
			['zoe', '2026-02-01'],
			['ana', '2026-05-01'],
			['bo', '2026-05-01'],
		]);
	});

	it('keeps each owner’s items oldest first', () => {
		const entries = [
			entry('newer', { date: '2026-03-01' }),
			entry('older', { date: '2026-01-15' }),
			entry('steps', {
				status: 'measured',
				next: [
					{ step: 'second', due: '2026-05-10', done: false },
					{ step: 'first', due: '2026-02-10', done: false },
				],
			}),
		];
		const [group] = groupFollowUpsByOwner(getFollowUps(entries, TODAY, 30));
		expect(group!.owner).toBe('ana');
		expect(group!.due.map((d) => d.entry.slug)).toEqual(['older', 'newer']);
		expect(group!.overdue.map((o) => o.step.step)).toEqual(['first', 'second']);
		expect(group!.oldest).toBe('2026-02-10');
	});
});

describe('followUpsOfTeam', () => {
	it("keeps only the due entries and overdue steps of the team's entries, in order", () => {
		const step = (name: string) => ({ step: name, due: '2026-04-01', done: false });
		const entries = [
			entry('p1', { date: '2026-02-01', team: 'payments', next: [step('p1 step')] }),
			entry('g1', { date: '2026-02-02', team: 'growth', next: [step('g1 step')] }),
			entry('none', { date: '2026-02-03', next: [step('none step')] }),
			entry('p2', { date: '2026-01-01', team: 'payments' }),
		];
		const all = getFollowUps(entries, TODAY, 30);
		const payments = followUpsOfTeam(all, 'payments');
		expect(payments.due.map((d) => d.entry.slug)).toEqual(['p2', 'p1']);
		expect(payments.overdue.map((o) => o.step.step)).toEqual(['p1 step']);
		const growth = followUpsOfTeam(all, 'growth');
		expect(growth.due.map((d) => d.entry.slug)).toEqual(['g1']);
		expect(followUpsOfTeam(all, 'platform')).toEqual({ due: [], overdue: [] });
	});
});
