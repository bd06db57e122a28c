import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeFileLoader } from '../../src/lib/integration/store-from-disk.ts';

type Transform = (code: string, id: string) => { code: string } | undefined;

const STORE = '\0astro:data-layer-content';

function loaderIn(folder: string) {
	const file = join(folder, 'store.json');
	return { file, transform: storeFileLoader(file).transform as Transform };
}

describe('the content store read from a file in a build', () => {
	it('gives the module the store Astro inlined, from the file it writes', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'store-'));
		const { file, transform } = loaderIn(folder);
		// As Astro inlines it: a JSON text inside a JavaScript string, quotes and all.
		const store = JSON.stringify([{ title: 'Cut "p95" by 40%', note: 'a\\b\nc' }, 2]);
		const result = transform(`export default JSON.parse(${JSON.stringify(store)})`, STORE);
		expect(readFileSync(file, 'utf8')).toBe(store);
		const module = join(folder, 'store.mjs');
		writeFileSync(module, result!.code);
		const { default: loaded } = (await import(pathToFileURL(module).href)) as { default: unknown };
		expect(loaded).toEqual(JSON.parse(store));
	});

	it('leaves other modules, and a store written another way, as they are', () => {
		const { transform } = loaderIn(mkdtempSync(join(tmpdir(), 'store-')));
		const inlined = `export default JSON.parse(${JSON.stringify('[]')})`;
		expect(transform(inlined, '/src/data/site.ts')).toBeUndefined();
		expect(transform('export default new Map()', STORE)).toBeUndefined();
		expect(transform('export default JSON.parse(chunks.join(""))', STORE)).toBeUndefined();
		expect(transform('export default JSON.parse("a" + "b")', STORE)).toBeUndefined();
	});
});
