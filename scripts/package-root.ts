/**
 * The installed package's own folder: its site (astro.config.mjs, src/, public/) and templates.
 * Found by walking up from this module, because the CLI runs both from the TypeScript sources
 * (this repository) and from the JavaScript that `npm pack` compiles into cli/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'outcome-journal';

function findPackageRoot(from: string): string {
	for (let dir = from; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === NAME)
			return dir;
		if (dirname(dir) === dir) throw new Error(`No ${NAME} package.json above ${from}.`);
	}
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the package, by its path in the package. */
export const packageFile = (path: string) => join(packageRoot, path);

/** The package's version, which `init` pins a new journal to. */
export function packageVersion(): string {
	return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string })
		.version;
}
