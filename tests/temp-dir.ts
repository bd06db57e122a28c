/**
 * Global setup of both test projects: the run's temp folders (test journals, builds, installs,
 * browser profiles) all go in one folder, through TMPDIR, which the workers and every process they
 * start inherit; it is removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set once the run's folder exists: the other project's setup then leaves it be. */
const RUN_TMPDIR = 'OUTCOME_JOURNAL_RUN_TMPDIR';

export default function setup() {
	if (process.env[RUN_TMPDIR]) return;
	const dir = mkdtempSync(join(tmpdir(), 'oj-'));
	process.env[RUN_TMPDIR] = dir;
	process.env.TMPDIR = dir;
	return () => rmSync(dir, { recursive: true, force: true });
}
