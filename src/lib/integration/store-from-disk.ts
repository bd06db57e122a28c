/**
 * `astro build` puts its whole content store into the code it runs to render the pages, as one
 * JavaScript string, and V8 takes longer and longer to compile a string that size: the build's
 * cost per entry grew with the journal. Making that string also holds the store several times
 * over at once (the file's text, a parse of it to check it, the text escaped into code), which at
 * 10,000 long entries was most of the build's peak memory. So the build loads the module itself,
 * before Astro does: code that reads the JSON file Astro wrote, copied aside, and nothing else.
 * Astro has no public option that does this as fast (docs/decisions/0003).
 *
 * The module's id and the file's place are Astro's own, not a public contract:
 * tests/unit/store-from-disk runs Astro's plugin that writes the module and checks that both
 * modules give the same store, and the build says when this step did not run, so that an Astro
 * upgrade that changes either is seen at once.
 *
 * The code that reads the file runs only during the build, where the file is: this site is
 * static, so no server ever runs that code elsewhere.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's module for its content store. */
export const STORE_MODULE = '\0astro:data-layer-content';
/** Where Astro writes the store in a build, in its cache folder. */
export const STORE_FILE = 'data-store.json';

/** What the build says when the store stayed in its code. */
export const STORE_INLINED =
	"Astro's content store stayed inside the build's code: this Astro version names its module " +
	'or its file differently, so the build is right but slower and larger in memory on a large ' +
	'journal (src/lib/integration/store-from-disk.ts, docs/decisions/0003).';

/** Whether the store module was asked for, and read from a file. */
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
				const at = (name: string) => fileURLToPath(new URL(name, config.cacheDir));
				updateConfig({
					vite: { plugins: [storeFileLoader(at(STORE_FILE), at('data-store.build.json'), move)] },
				});
			},
			'astro:build:done': ({ logger }) => {
				if (!move.moved) logger.warn(STORE_INLINED);
			},
		},
	};
}

/**
 * Loads the store module, ahead of Astro, as code that reads Astro's `store` file, copied to
 * `copy` so that the pages render what was bundled. Without that file, Astro loads the module
 * (an empty store), and `move` says whether anything was left to do.
 */
export function storeFileLoader(
	store: string,
	copy: string,
	move: StoreMove = { seen: false, moved: false },
): Plugin {
	return {
		name: 'outcome-journal:store-from-disk',
		load: {
			order: 'pre',
			filter: { id: new RegExp(`^${STORE_MODULE}$`) },
			handler(id) {
				if (id !== STORE_MODULE) return;
				move.seen = true;
				if (!existsSync(store)) return;
				copyFileSync(store, copy);
				move.moved = true;
				return {
					code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(copy)}, 'utf8'));\n`,
					map: { mappings: '' },
				};
			},
		},
	};
}
