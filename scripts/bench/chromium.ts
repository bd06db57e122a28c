/** Finding the Chromium that the bench's query measurement and the browser tests drive. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

const runnable = (file: string) => {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
};

/** CHROMIUM_PATH, or the first Chromium or Chrome on PATH; undefined if there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.CHROMIUM_PATH) return runnable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
	const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
	return NAMES.flatMap((name) => dirs.map((dir) => join(dir, name))).find(runnable);
}
