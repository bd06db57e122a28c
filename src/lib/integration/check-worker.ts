/** The thread a build or a dev server checks its journal on (check-off-thread.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { checkForSite, reportOf } from './site-check.ts';

const { root, today, readAt, cwd } = workerData as {
	root: string;
	today: string;
	readAt?: number;
	cwd: string;
};
const check = checkForSite(root, today, cwd);
parentPort!.postMessage(reportOf(check, readAt));
// After the data has crossed, so a page can never change what the cache keeps; and after the
// hand-over, so that Astro need not wait for it.
check.cache?.save();
