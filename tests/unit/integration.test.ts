import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/content/problems.ts';
import { dropCheckedJournal } from '../../src/lib/integration/checked-data.ts';
import {
	DEV_WARNINGS_LISTED,
	formatForDev,
	journalIntegration,
} from '../../src/lib/integration/integration.ts';
import { minimalFixture } from '../helpers.ts';

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

describe('the integration before a build', () => {
	afterEach(dropCheckedJournal);

	it('makes the cache folder that Astro writes its content store into', () => {
		const cacheDir = join(mkdtempSync(join(tmpdir(), 'cache-')), 'astro', 'journal');
		const setup = journalIntegration({ root: minimalFixture, today: '2026-06-01' }).hooks[
			'astro:config:setup'
		] as (options: unknown) => void;
		const logger = { warn: () => {}, error: () => {} };
		setup({ command: 'build', config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, logger });
		expect(existsSync(cacheDir)).toBe(true);
	});
});
