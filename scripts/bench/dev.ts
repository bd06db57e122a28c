/**
 * `npm run dev` as an engineer meets it: a cold start until the home page answers, then the time
 * from saving a new title for one entry until that entry's page serves it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pollUntil, startServer, type RunOptions } from './measure.ts';

export interface DevTimes {
	/** From spawning the dev server to the home page answering 200; null past the time limit. */
	startMs: number | null;
	/** From saving the edit to the page showing the new title; null past the time limit. */
	editMs: number | null;
	/** Peak resident bytes of the dev server's process tree over the whole session. */
	peakRss: number | null;
	/** The server's last output when something did not answer in time. */
	failure?: string;
}

export interface DevOptions extends RunOptions {
	/** Command and arguments that start the dev server on `port`. */
	command: [string, ...string[]];
	port: number;
	/** The entry to edit: its file (absolute) and slug. */
	entry: { file: string; slug: string };
	/** Time limits in milliseconds. */
	startLimit: number;
	editLimit: number;
}

export async function measureDev(options: DevOptions): Promise<DevTimes> {
	const [command, ...args] = options.command;
	const server = startServer(command, args, options);
	const home = `http://127.0.0.1:${options.port}/`;
	const page = `${home}entries/${options.entry.slug}/`;
	const original = readFileSync(options.entry.file, 'utf8');
	try {
		const startMs = await pollUntil(home, (s) => s === 200, server.startedAt, options.startLimit);
		if (startMs === null)
			return { startMs, editMs: null, peakRss: await server.stop(), failure: server.tail() };
		// The engineer has the entry open before editing it.
		await pollUntil(page, (s) => s === 200, performance.now(), options.startLimit);
		const title = `Benchmark edit ${Date.now().toString(36)}`;
		writeFileSync(options.entry.file, original.replace(/^title: .*$/m, `title: ${title}`));
		const saved = performance.now();
		const editMs = await pollUntil(
			page,
			(_, body) => body.includes(title),
			saved,
			options.editLimit,
			50,
		);
		return {
			startMs,
			editMs,
			peakRss: await server.stop(),
			...(editMs === null ? { failure: server.tail() } : {}),
		};
	} finally {
		await server.stop();
		writeFileSync(options.entry.file, original);
	}
}
