import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs no build (`npx vitest run --project unit`); `e2e` builds each test
 * journal the first time a test asks for it (tests/e2e/pages.ts) and drives Chromium.
 */
export default defineConfig({
	test: {
		testTimeout: 30_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					setupFiles: ['tests/e2e/setup.ts'],
					hookTimeout: 240_000,
				},
			},
		],
	},
});
