import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { astroCacheDir, RENDER_MODULES, renderKey } from '../../src/lib/integration/cache-dir.ts';

describe("Astro's cache folder", () => {
	it('is one per content root', () => {
		expect(astroCacheDir('/a')).not.toBe(astroCacheDir('/b'));
		expect(astroCacheDir('/a')).toBe(astroCacheDir('/a'));
	});

	it('changes with the code that renders bodies, so no HTML outlives it', () => {
		const module = join(mkdtempSync(join(tmpdir(), 'render-')), 'markdown.ts');
		writeFileSync(module, 'export const sanitise = 1;\n');
		const before = renderKey([pathToFileURL(module)]);
		writeFileSync(module, 'export const sanitise = 2;\n');
		const after = renderKey([pathToFileURL(module)]);
		expect(after).not.toBe(before);
		expect(astroCacheDir('/a', undefined, after)).not.toBe(astroCacheDir('/a', undefined, before));
	});

	it('counts every module of ours that markdown.ts imports among the render modules', () => {
		const markdown = RENDER_MODULES[0]!;
		const imported = [...readFileSync(markdown, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map(
			([, path]) => new URL(path!, markdown).href,
		);
		expect(imported.length).toBeGreaterThan(0);
		expect(RENDER_MODULES.map(String)).toEqual(expect.arrayContaining(imported));
	});
});
