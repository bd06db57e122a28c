/**
 * In `astro dev`, the module that maps each entry file to its render module
 * (`.astro/content-modules.mjs`) imports those modules only when a page renders one.
 *
 * Astro writes that module with one `() => import("…")` per entry that renders on demand (every
 * entry, in dev: journal-loader.ts defers rendering). Vite resolves every import it sees as soon as
 * the module is transformed, and Astro's dev CSS collector transforms it for the first page that
 * can render an entry, the home page included: at 10,000 entries that is 10,000 resolutions
 * (through every plugin, and Node's package lookup for a specifier that looks like a package)
 * before the first page answers. Here each import goes through a function that Vite does not
 * follow, so the one module a page renders is resolved when it asks for it, by the same plugins.
 * Vite's `/@id/` prefix hands the specifier to them as written.
 */
import { fileURLToPath } from 'node:url';
import { normalizePath, type Plugin } from 'vite';

/** Astro's own file name for the module, in its `.astro/` folder. */
export const CONTENT_MODULES_FILE = 'content-modules.mjs';

/** An import of one render module, as Astro writes it: a function returning `import("…")`. */
const EAGER_IMPORT = /\(\) => import\(("(?:[^"\\\n]|\\.)*")\)/g;

/** What imports a render module when it is called: a specifier Vite does not resolve ahead. */
const LAZY_IMPORT = 'const importLater = (id) => import(/* @vite-ignore */ `/@id/${id}`);\n';

/** `code` with every render module imported through `importLater`; how many were. */
export function importLater(code: string): { code: string; imports: number } {
	let imports = 0;
	const rewritten = code.replace(EAGER_IMPORT, (_, specifier: string) => {
		imports++;
		return `() => importLater(${specifier})`;
	});
	return { code: imports ? LAZY_IMPORT + rewritten : code, imports };
}

/** The Vite plugin for the project whose root is `root`: Astro writes the module in `.astro/`. */
export function lazyContentModules(root: URL): Plugin {
	const file = normalizePath(fileURLToPath(new URL(`.astro/${CONTENT_MODULES_FILE}`, root)));
	return {
		name: 'outcome-journal:lazy-content-modules',
		apply: 'serve',
		enforce: 'pre',
		transform(code, id) {
			if (normalizePath(id) !== file) return undefined;
			const { code: lazy, imports } = importLater(code);
			return imports ? { code: lazy, map: null } : undefined;
		},
	};
}
