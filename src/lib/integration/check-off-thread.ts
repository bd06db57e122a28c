/**
 * `astro build` and `astro dev` check the journal on a worker thread, so that Vite starts while it
 * runs (docs/decisions/0012). The loaders wait for its report (checked-data.ts). Where the thread
 * cannot start or fails, the check runs here instead, and the integration says so.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkForSite, reportOf, type CheckReport } from './site-check.ts';

/**
 * The worker's module: the compiled one where `npm pack` made it (Node strips no types under
 * node_modules, where an installed package lives), the source in a checkout.
 */
const WORKER_MODULES = [
	new URL('./check-worker.js', import.meta.url),
	new URL('../../../cli/src/lib/integration/check-worker.js', import.meta.url),
	new URL('./check-worker.ts', import.meta.url),
];

export interface OffThreadOptions {
	/** Where the checker's cache is kept. */
	cwd?: string;
	/** The worker's module (for tests). */
	worker?: URL;
}

export interface OffThreadReport extends CheckReport {
	/** Why the check ran on this thread after all, if it did. */
	onThisThread?: string;
}

/** The check's report; `readAt` is when a dev server began to check. */
export function checkOffThread(
	root: string,
	today: string,
	readAt: number | undefined,
	{ cwd = process.cwd(), worker: module = WORKER_MODULES.find(existsSync) }: OffThreadOptions = {},
): Promise<OffThreadReport> {
	const here = (why: string): OffThreadReport => {
		const check = checkForSite(root, today, cwd);
		check.cache?.save();
		return { ...reportOf(check, readAt), onThisThread: why };
	};
	if (!module) return Promise.resolve().then(() => here('its module is missing'));
	return new Promise<OffThreadReport>((resolve, reject) => {
		let settled = false;
		const settle = (report: () => OffThreadReport) => {
			if (settled) return;
			settled = true;
			try {
				resolve(report());
			} catch (error) {
				reject(error);
			}
		};
		const worker = new Worker(module, { workerData: { root, today, readAt, cwd } });
		worker.once('message', (report: CheckReport) => settle(() => report));
		worker.once('error', (error) => settle(() => here(`its thread failed: ${error.message}`)));
		worker.once('exit', (code) => settle(() => here(`its thread stopped with code ${code}`)));
	});
}
