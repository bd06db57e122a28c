import { describe, expect, it } from 'vitest';
import { firstOf, PAGE_SIZE } from '../../src/lib/site/page-size.ts';
import {
	countSteps,
	cutsMetrics,
	cutsSteps,
	shownMetrics,
	stepsPageOf,
	TEAM_PAGE,
} from '../../src/lib/site/team-pages.ts';

const ids = (n: number, prefix = 'm') =>
	Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe('shownMetrics', () => {
	it('keeps the most recently reported, in the order of the whole list', () => {
		const all = ids(TEAM_PAGE.metrics + 5).map((id) => [id, { name: id }] as const);
		// Reported newest first: the last ids of `all` are the newest.
		const reported = new Set([...all].reverse().map(([id]) => id));
		const shown = shownMetrics(all, reported).map(([id]) => id);
		expect(shown).toEqual(all.slice(5).map(([id]) => id));
		expect(cutsMetrics(reported)).toBe(true);
	});

	it('keeps every metric of a team that reported few', () => {
		const all = ids(3).map((id) => [id, id] as const);
		const reported = new Set(['m002', 'm000']);
		expect(shownMetrics(all, reported)).toEqual([
			['m000', 'm000'],
			['m002', 'm002'],
		]);
		expect(cutsMetrics(reported)).toBe(false);
		expect(cutsMetrics(new Set(ids(TEAM_PAGE.metrics)))).toBe(false);
	});
});

describe('cutsSteps', () => {
	it('is true once one owner has more steps than the team page shows', () => {
		const steps = (n: number) => Array.from({ length: n }, () => ({}));
		expect(cutsSteps(new Map([['a', steps(TEAM_PAGE.stepsPerOwner)]]))).toBe(false);
		expect(
			cutsSteps(
				new Map([
					['a', steps(1)],
					['b', steps(TEAM_PAGE.stepsPerOwner + 1)],
				]),
			),
		).toBe(true);
	});
});

describe('stepsPageOf', () => {
	it('is the page of the next-steps list that lists the owner', () => {
		const byOwner = new Map(ids(PAGE_SIZE.teamStepOwners * 2 + 1, 'p').map((id) => [id, []]));
		const owners = [...byOwner.keys()];
		expect(stepsPageOf(byOwner, owners[0]!)).toBe(1);
		expect(stepsPageOf(byOwner, owners[PAGE_SIZE.teamStepOwners - 1]!)).toBe(1);
		expect(stepsPageOf(byOwner, owners[PAGE_SIZE.teamStepOwners]!)).toBe(2);
		expect(stepsPageOf(byOwner, owners.at(-1)!)).toBe(3);
	});
});

describe('countSteps', () => {
	it('adds up every owner’s steps', () => {
		expect(countSteps(new Map())).toBe(0);
		expect(
			countSteps(
				new Map([
					['a', [1, 2]],
					['b', [3]],
				]),
			),
		).toBe(3);
	});
});

describe('firstOf', () => {
	it('keeps the first `max` and counts the rest', () => {
		expect(firstOf([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3], more: 1 });
		expect(firstOf([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
		expect(firstOf([], 3)).toEqual({ shown: [], more: 0 });
	});
});
