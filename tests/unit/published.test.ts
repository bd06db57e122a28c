import { describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import { getPublicReferences } from '../../src/lib/content/published.ts';
import { leaksFixture, makeJournal } from '../helpers.ts';

const sorted = (refs: ReturnType<typeof getPublicReferences>) =>
	Object.fromEntries(Object.entries(refs).map(([kind, ids]) => [kind, [...ids].sort()]));

describe('getPublicReferences', () => {
	it('publishes only what public entries name, never what only internal entries or drafts name', () => {
		expect(sorted(getPublicReferences(loadJournal(leaksFixture)))).toEqual({
			people: ['ana'],
			teams: ['payments'],
			features: ['checkout'],
			metrics: ['latency'],
		});
	});

	it('follows what published files name in turn: a team lead, a person’s team, a feature’s team', () => {
		const root = makeJournal({
			'teams/growth.yml': 'name: Growth\nlead: cy\n',
			'entries/2026/q1/public.md': [
				'---',
				'title: T',
				'date: 2026-04-01',
				'authors: [bo]',
				'features: [one-click]',
				'status: shipped',
				'visibility: public',
				'---',
				'',
			].join('\n'),
		});
		// bo's team is payments, whose lead is ana; the feature's team is payments too. Growth, led
		// by cy, is named by no public file.
		expect(sorted(getPublicReferences(loadJournal(root)))).toMatchObject({
			people: ['ana', 'bo'],
			teams: ['payments'],
			features: ['one-click'],
		});
	});
});
