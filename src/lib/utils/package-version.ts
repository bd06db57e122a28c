/** Versions of this package and of the packages it runs, as installed. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** This package's version. */
export const ownVersion = (): string => versionAbove(here, (dir) => join(dir, 'package.json'));

/** The installed version of the package `name`, as this package resolves it. */
export const installedVersion = (name: string): string =>
	versionAbove(here, (dir) => join(dir, 'node_modules', name, 'package.json'));

/**
 * The version in the first `manifest(dir)` that exists, from `start` up: Node's own search for a
 * package, which also works where a package's exports hide its package.json.
 */
function versionAbove(start: string, manifest: (dir: string) => string): string {
	for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
		const file = manifest(dir);
		if (existsSync(file))
			return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
	}
	throw new Error(`No ${manifest('')} above ${start}.`);
}
