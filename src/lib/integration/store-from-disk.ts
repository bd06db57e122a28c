/**
 * `astro build` puts its whole content store into the code it runs to render the pages, as one
 * JavaScript string: 42 MB at 10,000 entries, 84 MB at 20,000. V8 takes longer and longer to
 * compile a string that size (20 s at 10,000 entries, 57 s at 20,000: a third of that build, and
 * the reason the build's cost per entry grew with the journal). The build's code reads the same
 * JSON from a file instead, which takes under a second.
 *
 * The code that reads the file runs only during the build, where the file is: this site is
 * static, so no server ever runs that code elsewhere.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's module for its content store, and how Astro writes it in a build. */
const STORE_MODULE = '\0astro:data-layer-content';
const INLINED = 'export default JSON.parse(';

export function storeFromDisk(): AstroIntegration {
	return {
		name: 'outcome-journal:store-from-disk',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const file = fileURLToPath(new URL('data-store.build.json', config.cacheDir));
				updateConfig({ vite: { plugins: [storeFileLoader(file)] } });
			},
		},
	};
}

/**
 * Writes the store that Astro inlined into `file`, and makes the module read it from there. Any
 * other shape of the module (another Astro version's) is left as it is.
 */
export function storeFileLoader(file: string): Plugin {
	return {
		name: 'outcome-journal:store-from-disk',
		transform(code, id) {
			if (id !== STORE_MODULE || !code.startsWith(INLINED) || !code.endsWith('")')) return;
			const json = stringLiteral(code.slice(INLINED.length, -1));
			if (json === undefined) return;
			writeFileSync(file, json);
			return {
				code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
				map: null,
			};
		},
	};
}

/** The value of a JavaScript string literal as JSON.stringify writes one, if it is one. */
function stringLiteral(text: string): string | undefined {
	if (!text.startsWith('"')) return undefined;
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'string' ? value : undefined;
	} catch {
		return undefined;
	}
}
