/**
 * Before a test file's tests, waits for every test journal whose name it quotes (`'sample'`), so
 * that no test waits for a build inside its own timeout. sequencer.ts has them built in the
 * background; a build that nobody started yet is made here. A build asked for under another name
 * is still built on first use.
 */
import { readFileSync } from 'node:fs';
import { beforeAll } from 'vitest';
import { buildsNamedIn } from './journals.ts';
import { getBuild } from './pages.ts';

/** The builds a file may wait for, one after another, behind those of other workers. */
const BUILDS_TIMEOUT = 20 * 60_000;

beforeAll(({}, suite) => {
	if (!('filepath' in suite)) return;
	for (const name of buildsNamedIn(readFileSync(suite.filepath, 'utf8'))) getBuild(name);
}, BUILDS_TIMEOUT);
