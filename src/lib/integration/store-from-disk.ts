/**
 * `astro build` puts its whole content store into the code it runs to render the pages, as one
 * JavaScript string, and V8 takes longer and longer to compile a string that size: the build's
 * cost per entry grew with the journal. The build's code reads the same JSON from a file instead.
 * Astro has no public option that does this as fast (docs/decisions/0003).
 *
 * The module's id and shape are Astro's own, not a public contract: tests/unit/store-from-disk
 * runs Astro's plugin that writes the module, and the build says when this step found nothing to
 * do, so that an Astro upgrade that changes the shape is seen at once.
 *
 * The code that reads the file runs only during the build, where the file is: this site is
 * static, so no server ever runs that code elsewhere.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's module for its content store, and how Astro writes it in a build. */
export const STORE_MODULE = '\0astro:data-layer-content';
const INLINED = 'export default JSON.parse(';
/** What Astro writes when nothing was stored: no string to move. */
const EMPTY = 'export default new Map()';

/** What the build says when the store stayed in its code. */
export const STORE_INLINED =
	"Astro's content store stayed inside the build's code: this Astro version writes its module " +
	'differently, so the build is right but slower on a large journal (src/lib/integration/' +
	'store-from-disk.ts, docs/decisions/0003).';

/** Whether the store module was seen, and moved to a file. */
export interface StoreMove {
	seen: boolean;
	moved: boolean;
}

export function storeFromDisk(): AstroIntegration {
	const move: StoreMove = { seen: false, moved: false };
	return {
		name: 'outcome-journal:store-from-disk',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const file = fileURLToPath(new URL('data-store.build.json', config.cacheDir));
				updateConfig({ vite: { plugins: [storeFileLoader(file, move)] } });
			},
			'astro:build:done': ({ logger }) => {
				if (!move.moved) logger.warn(STORE_INLINED);
			},
		},
	};
}

/**
 * Writes the store that Astro inlined into `file`, and makes the module read it from there. Any
 * other shape of the module (another Astro version's) is left as it is, and `move` says so.
 */
export function storeFileLoader(
	file: string,
	move: StoreMove = { seen: false, moved: false },
): Plugin {
	return {
		name: 'outcome-journal:store-from-disk',
		transform: {
			filter: { id: new RegExp(`^${STORE_MODULE}$`) },
			handler(code, id) {
				if (id !== STORE_MODULE) return;
				move.seen = true;
				if (code.trim() === EMPTY) move.moved = true;
				if (!code.startsWith(INLINED) || !code.endsWith('")')) return;
				const json = stringLiteral(code.slice(INLINED.length, -1));
				if (json === undefined) return;
				writeFileSync(file, json);
				move.moved = true;
				return {
					code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
					map: null,
				};
			},
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
