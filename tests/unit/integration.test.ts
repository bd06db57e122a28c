import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParseCache } from '../../src/lib/content/parse-cache.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import {
	checkedDataReady,
	checkedJournal,
	dropCheckedJournal,
} from '../../src/lib/integration/checked-data.ts';
import {
	DEV_WARNINGS_LISTED,
	formatForDev,
	journalIntegration,
} from '../../src/lib/integration/integration.ts';
import { makeJournal, minimalFixture } from '../helpers.ts';

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

	it('in a sharded build, checks on this thread and keeps the readings before Astro gets the data', () => {
		const save = vi.spyOn(ParseCache.prototype, 'save').mockImplementation(() => {});
		vi.stubEnv('JOURNAL_SHARD', 'lists');
		try {
			const cacheDir = join(mkdtempSync(join(tmpdir(), 'cache-')), 'astro');
			const setup = journalIntegration({ root: minimalFixture, today: '2026-06-01' }).hooks[
				'astro:config:setup'
			] as (options: unknown) => void;
			setup({
				command: 'build',
				config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
				logger: { warn: () => {}, error: () => {} },
			});
			expect(save).toHaveBeenCalledTimes(1);
			// The shard's sitemap reads the journal itself, there at once.
			expect(checkedJournal()?.entries.length).toBeGreaterThan(0);
		} finally {
			save.mockRestore();
			vi.unstubAllEnvs();
		}
	});

	it('stops a build whose journal has errors with an error Astro prints without a stack', async () => {
		const root = makeJournal({
			'entries/x.md':
				'---\ntitle: T\ndate: 2026-04-01\nauthors: [ana]\nfollows: nowhere\nstatus: shipped\n---\n',
		});
		const setup = journalIntegration({ root, today: '2026-06-01' }).hooks['astro:config:setup'] as (
			options: unknown,
		) => void;
		const logged: string[] = [];
		const logger = { warn: () => {}, error: (text: string) => logged.push(text) };
		const cacheDir = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'cache-'))}/`);
		setup({ command: 'build', config: { cacheDir }, logger });
		// The loaders wait for the check, which runs beside Vite; they fail with its error.
		const thrown = await checkedDataReady().catch((error: unknown) => error);
		// Astro prints its user errors as a message and a hint, and a stack only when there is one.
		expect(AstroError.is(thrown)).toBe(true);
		const { message, stack } = thrown as AstroError;
		expect(stack).toBeFalsy();
		expect(message).toContain('The first is in entries/x.md, line 5.');
		expect(message).toContain('Nothing was built.');
		expect(logged.join('\n')).toContain('follows: "nowhere" is not a known entry slug.');
	});
});
