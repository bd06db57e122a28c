/**
 * Results kept on disk for one test run, each computed by whichever test worker asks first, and a
 * lock for running Astro. Astro builds and dev servers of this project share its `.astro/` folder
 * (Astro writes the list of content modules there, and dev its whole store), so only one runs at a
 * time, whichever worker starts it. Everything here is synchronous, so that a test can read a
 * build where it stands (`page('sample', …)`) without awaiting it.
 */
import {
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const POLL_MS = 200;
/** How long a lock with no owner written in it may stay so before it counts as abandoned. */
const UNCLAIMED_MS = 10_000;

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

/** Whether the process that took `lock` has ended without releasing it. */
function abandoned(lock: string): boolean {
	try {
		const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
		process.kill(pid, 0);
		return false;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ESRCH') return true;
		if (code === 'EPERM') return false;
		// No owner written yet: abandoned only if it stays so.
		try {
			return Date.now() - statSync(lock).mtimeMs > UNCLAIMED_MS;
		} catch {
			return false;
		}
	}
}

/**
 * Waits until this process holds the Astro lock of the run folder `dir`; returns its release. A
 * lock left by a worker that died is taken over.
 */
export function holdAstroLock(dir: string): () => void {
	const lock = join(dir, 'astro.lock');
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			return () => rmSync(lock, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
		else sleep(POLL_MS);
	}
}

type Outcome<T> = { value: T } | { error: string };

/**
 * The value `make` returns for `name` in the run folder `dir`, made once per run under the Astro
 * lock and read back by every later caller, in any worker. When `make` throws, every caller gets
 * its error.
 */
export function once<T>(dir: string, name: string, make: () => T): T {
	const record = join(dir, `${name}.json`);
	const read = () => {
		const outcome = JSON.parse(readFileSync(record, 'utf8')) as Outcome<T>;
		if ('error' in outcome) throw new Error(outcome.error);
		return outcome.value;
	};
	if (existsSync(record)) return read();
	const release = holdAstroLock(dir);
	try {
		if (existsSync(record)) return read();
		let outcome: Outcome<T>;
		try {
			outcome = { value: make() };
		} catch (error) {
			outcome = { error: error instanceof Error ? error.message : String(error) };
		}
		writeFileSync(`${record}.tmp`, JSON.stringify(outcome));
		renameSync(`${record}.tmp`, record);
		return read();
	} finally {
		release();
	}
}
