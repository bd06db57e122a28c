/**
 * Before the e2e tests: finds Chromium (a run without it stops here, with one line saying how to
 * get it), and makes the folder where this run keeps its test journals' builds (sequencer.ts and
 * pages.ts build each once), removed when the run ends.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
	return () => {
		stopPrebuild(dir);
		rmSync(dir, { recursive: true, force: true });
	};
}

/** Ends the builds that sequencer.ts started, if any still run (a run stopped early). */
function stopPrebuild(dir: string) {
	try {
		process.kill(-Number(readFileSync(join(dir, 'prebuild.pid'), 'utf8')));
	} catch {
		// None started, or all done.
	}
}
