import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/lib/content/audience.ts';
import { getDelta } from '../../src/lib/content/delta.ts';
import { isDueForFollowUp, isOverdue, measureBy } from '../../src/lib/content/follow-up.ts';
import { getAncestors, getCredits, getFollowers, hasOwnText } from '../../src/lib/facts/entry.ts';

describe('getDelta judges by the metric direction, not the sign', () => {
	it('a fall is better when lower is better', () => {
		expect(
			getDelta({ metric: 'p95', before: 1900, after: 1100, target: 1200 }, { direction: 'down' }),
		).toEqual({
			absolute: -800,
			percent: -42.105263,
			verdict: 'better',
			targetMet: true,
		});
	});

	it('a fall is worse when higher is better', () => {
		expect(
			getDelta({ metric: 'conv', before: 3.2, after: 3.0, target: 3.5 }, { direction: 'up' }),
		).toEqual({
			absolute: -0.2,
			percent: -6.25,
			verdict: 'worse',
			targetMet: false,
		});
	});

	it('a rise is worse when lower is better, and better when higher is better', () => {
		expect(getDelta({ metric: 'm', before: 10, after: 12 }, { direction: 'down' }).verdict).toBe(
			'worse',
		);
		expect(getDelta({ metric: 'm', before: 10, after: 12 }, { direction: 'up' }).verdict).toBe(
			'better',
		);
	});

	it('no change is unchanged', () => {
		expect(getDelta({ metric: 'm', before: 5, after: 5 }, { direction: 'up' })).toMatchObject({
			absolute: 0,
			percent: 0,
			verdict: 'unchanged',
		});
	});

	it('without both numbers the result is unmeasured, never a win', () => {
		expect(getDelta({ metric: 'm', before: 5 }, { direction: 'up' })).toEqual({
			verdict: 'unmeasured',
			targetMet: undefined,
		});
		expect(getDelta({ metric: 'm', after: 5, target: 4 }, { direction: 'up' })).toEqual({
			verdict: 'unmeasured',
			targetMet: true,
		});
	});

	it('has no percentage from a zero baseline', () => {
		expect(getDelta({ metric: 'm', before: 0, after: 3 }, { direction: 'up' })).toMatchObject({
			absolute: 3,
			percent: undefined,
			verdict: 'better',
		});
	});

	it('computes percent against the magnitude of a negative baseline', () => {
		expect(getDelta({ metric: 'm', before: -10, after: -5 }, { direction: 'up' })).toMatchObject({
			absolute: 5,
			percent: 50,
			verdict: 'better',
		});
	});
});

describe('follow-ups', () => {
	const entry = { status: 'shipped' as const, date: '2026-03-14' };

	it('measure-by defaults to date + follow_up_days', () => {
		expect(measureBy(entry, 30)).toBe('2026-04-13');
		expect(measureBy({ ...entry, measure_by: '2026-05-01' }, 30)).toBe('2026-05-01');
	});

	it('an entry is due when shipped or measuring and measure-by is before today', () => {
		expect(isDueForFollowUp(entry, '2026-04-13', 30)).toBe(false);
		expect(isDueForFollowUp(entry, '2026-04-14', 30)).toBe(true);
		expect(isDueForFollowUp({ ...entry, status: 'measuring' }, '2026-04-14', 30)).toBe(true);
		for (const status of ['measured', 'inconclusive', 'reverted'] as const) {
			expect(isDueForFollowUp({ ...entry, status }, '2027-01-01', 30)).toBe(false);
		}
	});

	it('a step is overdue when not done and due before today', () => {
		expect(isOverdue({ step: 's', due: '2026-05-01', done: false }, '2026-05-02')).toBe(true);
		expect(isOverdue({ step: 's', due: '2026-05-01', done: false }, '2026-05-01')).toBe(false);
		expect(isOverdue({ step: 's', due: '2026-05-01', done: true }, '2026-06-01')).toBe(false);
		expect(isOverdue({ step: 's', done: false }, '2030-01-01')).toBe(false);
	});
});

describe('publishing', () => {
	it('drafts never publish; public builds keep only public entries', () => {
		expect(isPublished({ draft: true, visibility: 'public' }, 'internal')).toBe(false);
		expect(isPublished({ draft: false, visibility: 'internal' }, 'internal')).toBe(true);
		expect(isPublished({ draft: false, visibility: 'internal' }, 'public')).toBe(false);
		expect(isPublished({ draft: false, visibility: 'public' }, 'public')).toBe(true);
	});
});

describe('credits and chains', () => {
	it('normalizes bare ids and role objects', () => {
		expect(getCredits({ authors: ['ana', { person: 'bo', role: 'reviewer' }] })).toEqual([
			{ person: 'ana' },
			{ person: 'bo', role: 'reviewer' },
		]);
	});

	const chain = [
		{ slug: 'a', data: {} },
		{ slug: 'b', data: { follows: 'a' } },
		{ slug: 'c', data: { follows: 'b' } },
		{ slug: 'd', data: { follows: 'b' } },
		{ slug: 'e', data: { follows: 'hidden' } },
	];
	const bySlug = new Map(chain.map((e) => [e.slug, e]));

	it('walks a follows chain back to its start, oldest first', () => {
		expect(getAncestors('c', bySlug).map((e) => e.slug)).toEqual(['a', 'b']);
		expect(getAncestors('a', bySlug)).toEqual([]);
	});

	it('stops at an entry that is not published', () => {
		expect(getAncestors('e', bySlug)).toEqual([]);
	});

	it('finds the entries that follow each entry', () => {
		const followers = getFollowers(chain);
		expect(followers.get('b')?.map((e) => e.slug)).toEqual(['c', 'd']);
		expect(followers.has('c')).toBe(false);
	});
});

describe('hasOwnText', () => {
	it('is true for a summary or a write-up with words, false for neither or only markup', () => {
		expect(hasOwnText({ summary: 'p95 is 1.9 s' }, '')).toBe(true);
		expect(hasOwnText({}, '<p>We measured.</p>')).toBe(true);
		expect(hasOwnText({}, '<p>42</p>')).toBe(true);
		expect(hasOwnText({}, undefined)).toBe(false);
		expect(hasOwnText({ summary: '' }, '  \n\n ')).toBe(false);
		expect(hasOwnText({}, '<hr>\n<p><img src="chart.png"></p>')).toBe(false);
	});
});
