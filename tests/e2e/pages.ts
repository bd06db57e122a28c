/** Reading built pages in e2e tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';
import { holdAstroLock, once } from '../build-cache.ts';
import { JOURNALS, recipeOf, type Builds } from './journals.ts';

/** The builds that succeeded (all but `broken`): their output folder, or it and the log. */
export type SiteBuild = Exclude<
	keyof Builds,
	'broken' | 'skeleton' | 'sampleSharded' | 'basedSharded'
>;

/** The parsed `index.html` at `path` (e.g. `people/ana`), or the HTML file `path` (`404.html`). */
export function page(build: SiteBuild, path: string): HTMLElement {
	const file = join(outDir(build), path, path.endsWith('.html') ? '' : 'index.html');
	if (!existsSync(file)) throw new Error(`${build} build has no page at /${path}`);
	return parse(readFileSync(file, 'utf8'));
}

/** Text of an element with block boundaries kept as single spaces. */
export function textOf(element: HTMLElement | null): string {
	return (element?.structuredText ?? '').replace(/\s+/g, ' ').trim();
}

export function outDir(build: SiteBuild): string {
	const built = getBuild(build);
	return typeof built === 'string' ? built : built.outDir;
}

const built = new Map<keyof Builds, unknown>();

/**
 * One of the test journals' builds (journals.ts), built the first time any test of the run asks
 * for it, by whichever worker asks first; the others wait for it. A test that waited inside its
 * own body could pass its timeout, so setup.ts builds what a file names before its tests start.
 */
export function getBuild<K extends keyof Builds>(name: K): Builds[K] {
	if (!built.has(name)) {
		const recipe = recipeOf(name);
		const make = JOURNALS[recipe];
		if (!make) throw new Error(`there is no test journal called ${name} (tests/e2e/journals.ts)`);
		const dir = inject('buildDir');
		built.set(
			name,
			once(dir, recipe, () => make(dir)),
		);
	}
	return built.get(name) as Builds[K];
}

/**
 * Holds the lock under which Astro runs in tests (no build starts while it is held), for a dev
 * server; returns its release. Ask for the builds you need before: getBuild waits for this lock.
 */
export function holdAstro(): () => void {
	return holdAstroLock(inject('buildDir'));
}

/** Every file of a build whose name ends in one of `extensions`, as `/`-separated paths. */
export function filesOf(build: SiteBuild, ...extensions: string[]): string[] {
	return readdirSync(outDir(build), { recursive: true, encoding: 'utf8' })
		.map((path) => path.split('\\').join('/'))
		.filter((path) => extensions.some((ext) => path.endsWith(ext)))
		.sort();
}

/** Every record of a build's entry exports: /entries.json lists one file per year. */
// Untyped by default, as JSON.parse is.
export function entryRecords<T = ReturnType<typeof JSON.parse>>(build: SiteBuild): T[] {
	const read = (path: string) => JSON.parse(readFileSync(join(outDir(build), path), 'utf8'));
	const index = read('entries.json') as { entries: number; years: { url: string }[] };
	const records = index.years.flatMap((y) => read(new URL(y.url, 'http://site/').pathname) as T[]);
	if (records.length !== index.entries) throw new Error(`${build}: entries.json miscounts`);
	return records;
}
