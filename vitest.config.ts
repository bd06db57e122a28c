import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { E2E, JournalSequencer } from './tests/e2e/sequencer.ts';

/**
 * Two projects: `unit` needs no build (`npx vitest run --project unit`); `e2e` reads test
 * journals, built once per run while the tests run (tests/e2e/sequencer.ts), and drives Chromium.
 */
export default defineConfig({
	test: {
		// At least two, so that one worker runs tests while another waits for a journal's build.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		testTimeout: 30_000,
		// A worker keeps the modules it imported for the next file instead of importing them all
		// again: most of a unit file's time was imports. No file leaves state for the next (unit
		// runs with files and tests shuffled pass; the e2e helpers keep only the run's built
		// journals, pages.ts); what the code shares across module graphs sits on globalThis, and
		// each test sets up the part it reads.
		isolate: false,
		hookTimeout: 240_000,
		sequence: { sequencer: JournalSequencer },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					globalSetup: ['tests/temp-dir.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: E2E,
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/temp-dir.ts', 'tests/e2e/global-setup.ts'],
					setupFiles: ['tests/e2e/setup.ts'],
				},
			},
		],
	},
});
