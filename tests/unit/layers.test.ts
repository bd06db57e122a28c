import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../.dependency-cruiser.mjs';

let result: ICruiseResult;

beforeAll(async () => {
	const { output } = await cruise(['src', 'scripts'], {
		...config.options,
		validate: true,
		ruleSet: { forbidden: config.forbidden },
	});
	if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not a result');
	result = output;
}, 120_000);

describe('imports', () => {
	it('are all seen, type-only imports included', () => {
		const importsOf = (path: string) =>
			result.modules.find((m) => m.source === path)?.dependencies.map((d) => d.resolved);
		// Two type-only imports.
		expect(importsOf('src/lib/content/env.ts')).toContain('src/lib/content/audience.ts');
		expect(importsOf('src/lib/site/format.ts')).toContain('src/lib/content/delta.ts');
		expect(result.modules.length).toBeGreaterThan(100);
	});

	it('point one way (content → facts → site) and form no cycle', () => {
		const broken = result.summary.violations.map(
			(v) =>
				`${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`,
		);
		expect(broken).toEqual([]);
	});
});
