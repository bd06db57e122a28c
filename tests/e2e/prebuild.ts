/**
 * Builds the named test journals one after another into a run's folder, ahead of the tests that
 * read them: `node tests/e2e/prebuild.ts <run folder> <build>…` (sequencer.ts starts it). A failed
 * build is recorded, for the tests that read it to report.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from '../build-cache.ts';
import { JOURNALS, type Recipe } from './journals.ts';

const [dir, ...names] = process.argv.slice(2) as [string, ...Recipe[]];
const pidFile = join(dir, 'prebuild.pid');
writeFileSync(pidFile, String(process.pid));
for (const name of names) {
	try {
		once(dir, name, () => JOURNALS[name](dir));
	} catch {
		// once() recorded the failure.
	}
}
rmSync(pidFile, { force: true });
