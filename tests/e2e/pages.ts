/** Reading built pages in e2e tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';
import type { Builds } from '../global-setup.ts';

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

/** One of the global builds; a clear failure when TEST_BUILDS left it out. */
export function getBuild<K extends keyof Builds>(name: K): Builds[K] {
	const build = inject('builds')[name];
	if (build === undefined) throw new Error(`the ${name} build was skipped: add it to TEST_BUILDS`);
	return build;
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
