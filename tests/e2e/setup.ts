/**
 * Before a test file's tests, builds every test journal whose name it quotes (`'sample'`), so that
 * no test waits for a build inside its own timeout. A build asked for under another name is still
 * built on first use.
 */
import { readFileSync } from 'node:fs';
import { beforeAll } from 'vitest';
import { JOURNALS, SAME_BUILD } from './journals.ts';
import { getBuild } from './pages.ts';

/** The builds a file may wait for, one after another, behind those of other workers. */
const BUILDS_TIMEOUT = 20 * 60_000;

beforeAll(({}, suite) => {
	if (!('filepath' in suite)) return;
	const source = readFileSync(suite.filepath, 'utf8');
	for (const name of [...Object.keys(JOURNALS), ...Object.keys(SAME_BUILD)])
		if (source.includes(`'${name}'`)) getBuild(name as keyof typeof JOURNALS);
}, BUILDS_TIMEOUT);
