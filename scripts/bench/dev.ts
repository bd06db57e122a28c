/**
 * `npm run dev` as an engineer meets it: a cold start until the home page answers, then the time
 * from saving a new title for one entry until that entry's page serves it, then a restart with
 * the caches that first server left (Astro's content store, the checker's readings).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pollUntil, startServer, type RunOptions } from './measure.ts';

export interface DevTimes {
	/** From spawning the dev server to the home page answering 200; null past the time limit. */
	startMs: number | null;
	/** From saving the edit to the page showing the new title; null past the time limit. */
	editMs: number | null;
	/**
	 * From spawning a second server, once the first has stopped, to its home page answering; null
	 * past the time limit, undefined when the first did not get that far.
	 */
	restartMs?: number | null;
	/** Peak resident bytes of the dev server's process tree over the whole session. */
	peakRss: number | null;
	/** The time limits, in milliseconds. */
	limits: { startMs: number; editMs: number };
	/** Which wait passed its time limit (nothing after it is tried). */
	timedOut?: 'start' | 'edit' | 'restart';
	/** The server's last output when something did not answer in time. */
	failure?: string;
	/** The server's exit code, when it exited before the measuring was done. */
	exitCode?: number;
}

export interface DevOptions extends RunOptions {
	/** Command and arguments that start the dev server on `port`. */
	command: [string, ...string[]];
	port: number;
	/** The entry to edit: its file (absolute) and slug. */
	entry: { file: string; slug: string };
	limits: DevTimes['limits'];
}

export async function measureDev(options: DevOptions): Promise<DevTimes> {
	const first = await startAndEdit(options);
	if (first.timedOut || first.exitCode !== undefined) return first;
	const again = await startUntilHome(options);
	const end = await again.stop(again.ms === null);
	return {
		...first,
		restartMs: again.ms,
		...(again.ms === null && { timedOut: 'restart' as const }),
		...end,
		peakRss: Math.max(first.peakRss ?? 0, end.peakRss ?? 0) || null,
	};
}

/** The cold start and the edit, the file restored after. */
async function startAndEdit(options: DevOptions): Promise<DevTimes> {
	const original = readFileSync(options.entry.file, 'utf8');
	const { limits } = options;
	const { server, gone, ms: startMs, stop } = await startUntilHome(options);
	const page = `${homeOf(options)}entries/${options.entry.slug}/`;
	const stopped = async (times: Pick<DevTimes, 'startMs' | 'editMs' | 'timedOut'>) => ({
		...times,
		limits,
		...(await stop(times.timedOut !== undefined)),
	});
	try {
		if (startMs === null) return stopped({ startMs, editMs: null, timedOut: 'start' });
		// The engineer has the entry open before editing it.
		await pollUntil(page, (s) => s === 200, performance.now(), limits.startMs, 100, gone);
		const title = `Benchmark edit ${Date.now().toString(36)}`;
		writeFileSync(options.entry.file, original.replace(/^title: .*$/m, `title: ${title}`));
		const saved = performance.now();
		const editMs = await pollUntil(
			page,
			(_, body) => body.includes(title),
			saved,
			limits.editMs,
			50,
			gone,
		);
		return stopped({ startMs, editMs, ...(editMs === null ? { timedOut: 'edit' as const } : {}) });
	} finally {
		await server.stop();
		writeFileSync(options.entry.file, original);
	}
}

const homeOf = (options: DevOptions) => `http://127.0.0.1:${options.port}/`;

/**
 * A dev server, started and waited for until its home page answers (`ms`, null past the time
 * limit). `stop` ends it and says what the report needs: its peak memory, its exit code when it
 * ended by itself, and its last output when `timedOut`.
 */
async function startUntilHome(options: DevOptions) {
	const [command, ...args] = options.command;
	const server = startServer(command, args, options);
	const gone = () => server.child.exitCode !== null || server.child.signalCode !== null;
	const stop = async (timedOut: boolean) => {
		// Read before stopping it, which ends it.
		const exited = gone() ? { exitCode: server.child.exitCode ?? 1 } : {};
		return {
			peakRss: await server.stop(),
			...(timedOut ? { failure: server.tail() } : {}),
			...exited,
		};
	};
	try {
		const ms = await pollUntil(
			homeOf(options),
			(s) => s === 200,
			server.startedAt,
			options.limits.startMs,
			100,
			gone,
		);
		return { server, gone, ms, stop };
	} catch (error) {
		await server.stop();
		throw error;
	}
}
