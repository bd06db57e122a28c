import { describe, expect, it } from 'vitest';
import { toCitation } from '../../src/lib/site/cite.ts';

const facts = {
	title: 'Batched price lookups',
	authors: [{ name: 'Ana Souza', role: 'lead' }, { name: 'Bo Chen' }],
	date: '2026-03-14',
	status: 'measured' as const,
	strongest: { level: 'strong' as const, methods: ['ab_test' as const] },
	verified: { name: 'Cy Okafor', on: '2026-04-12' },
	journal: 'Payments Journal',
	url: 'https://journal.example.com/entries/batching/',
};

describe('toCitation', () => {
	it('names authors with roles, date, status, strongest evidence, verification and permalink', () => {
		expect(toCitation(facts)).toBe(
			'Ana Souza (lead), Bo Chen. “Batched price lookups.” Payments Journal, shipped 14 Mar 2026. ' +
				'Status: measured; strongest evidence: strong evidence (A/B test); verified by Cy Okafor on 12 Apr 2026. ' +
				'https://journal.example.com/entries/batching/',
		);
	});

	it('says when nothing was measured or verified, and keeps a title on one line', () => {
		const text = toCitation({
			...facts,
			title: 'Why did it fail?\nA look back',
			strongest: undefined,
			verified: undefined,
			url: '/entries/batching/',
		});
		expect(text).toContain('“Why did it fail? A look back.”');
		expect(text).toContain('strongest evidence: no metrics recorded; not independently verified.');
		expect(text.endsWith(' /entries/batching/')).toBe(true);
		expect(text).not.toContain('\n');
	});
});
