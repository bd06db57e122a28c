import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/content/problems.ts';
import { DEV_WARNINGS_LISTED, formatForDev } from '../../src/lib/site/integration.ts';

const problem = (file: string, severity: Problem['severity'], message: string): Problem => ({
	file,
	line: 3,
	field: 'status',
	severity,
	message,
});

describe('the dev server start-up report', () => {
	it('lists errors in full and counts warnings when there are many', () => {
		const warnings = Array.from({ length: DEV_WARNINGS_LISTED + 1 }, (_, i) =>
			problem(`entries/e${i}.md`, 'warning', `due for follow-up ${i}`),
		);
		const text = formatForDev([problem('entries/bad.md', 'error', 'unknown team'), ...warnings]);
		expect(text).toContain('entries/bad.md');
		expect(text).toContain('unknown team');
		expect(text).not.toContain('due for follow-up');
		expect(text).toContain(
			`1 error and ${DEV_WARNINGS_LISTED + 1} warnings in ${DEV_WARNINGS_LISTED + 2} files.`,
		);
		expect(text).toContain('npm run check lists them');
	});

	it('lists a few warnings as the checker does', () => {
		const text = formatForDev([problem('entries/a.md', 'warning', 'due for follow-up')]);
		expect(text).toContain('entries/a.md');
		expect(text).toContain('due for follow-up');
	});
});
