/**
 * Before the e2e tests: finds Chromium (a run without it stops here, with one line saying how to
 * get it), and makes the folder where this run keeps its test journals' builds (pages.ts builds
 * each the first time a test asks for it), removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium, NO_CHROMIUM } from './chromium.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The run's folder: a record per build made, and the Astro lock. */
		buildDir: string;
		/** The Chromium executable the browser tests launch. */
		chromium: string;
	}
}

export default function setup(project: TestProject) {
	const chromium = findChromium();
	if (!chromium) {
		const error = new Error(NO_CHROMIUM);
		// The message is the whole story: no stack under it.
		error.stack = error.message;
		throw error;
	}
	project.provide('chromium', chromium);
	const dir = mkdtempSync(join(tmpdir(), 'journal-builds-'));
	project.provide('buildDir', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}
