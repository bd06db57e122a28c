import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src/lib/content/schema.ts';
import { evidenceOf, strongestEvidence } from '../../src/lib/facts/evidence.ts';
import { strongestEvidenceText } from '../../src/lib/site/format.ts';

describe('evidenceOf', () => {
	it('rates controlled comparisons strong, before/after directional, estimates weak', () => {
		// The levels as the issue defines them.
		expect(Object.fromEntries(METHODS.map((m) => [m, evidenceOf(m)]))).toEqual({
			ab_test: 'strong',
			holdout: 'strong',
			staged_rollout: 'directional',
			pre_post: 'directional',
			estimate: 'weak',
			qualitative: 'weak',
		});
	});

	it('calls a result without a method unstated', () => {
		expect(evidenceOf(undefined)).toBe('unstated');
	});
});

describe('strongestEvidence', () => {
	it('is the strongest level among the results, with the methods that reached it', () => {
		expect(
			strongestEvidence([
				{ method: 'pre_post' },
				{ method: 'holdout' },
				{},
				{ method: 'ab_test' },
				{ method: 'holdout' },
			]),
		).toEqual({ level: 'strong', methods: ['holdout', 'ab_test'] });
	});

	it('ranks a weak method above an unstated one', () => {
		expect(strongestEvidence([{}, { method: 'estimate' }])).toEqual({
			level: 'weak',
			methods: ['estimate'],
		});
		expect(strongestEvidence([{}])).toEqual({ level: 'unstated', methods: [] });
	});

	it('is undefined for an entry without metrics, and says so in words', () => {
		expect(strongestEvidence([])).toBeUndefined();
		expect(strongestEvidence(undefined)).toBeUndefined();
		expect(strongestEvidenceText(undefined)).toBe('no metrics recorded');
		expect(strongestEvidenceText({ level: 'strong', methods: ['ab_test', 'holdout'] })).toBe(
			'strong evidence (A/B test, Holdout)',
		);
	});
});
