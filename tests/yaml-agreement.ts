/**
 * What the fast YAML readers' tests share: a fast reader must read a document exactly as the
 * careful parser does (data and the line of every key), or leave it to the careful parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { splitFrontmatter } from '../src/lib/content/frontmatter.ts';
import type { ParsedYaml } from '../src/lib/content/parsed-yaml.ts';
import { parseYamlCarefully } from '../src/lib/content/yaml-lines.ts';

type FastReader = (
	text: string,
	firstLine: number,
) => Pick<ParsedYaml, 'data' | 'lines'> | undefined;

/** Whether `read` agreed with the careful parser on `text` or deferred to it; fails otherwise. */
export function agreement(read: FastReader, text: string): 'agreed' | 'deferred' {
	const fast = read(text, 2);
	if (fast === undefined) return 'deferred';
	const careful = parseYamlCarefully(text, 2);
	expect(careful.errors, text).toEqual([]);
	expect(fast.data, text).toStrictEqual(careful.data);
	expect(Object.fromEntries(fast.lines), text).toEqual(Object.fromEntries(careful.lines));
	return 'agreed';
}

/** The YAML part of every content file under `dir` (frontmatter of .md/.mdx, whole .yml). */
export function yamlTexts(dir: string): string[] {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((f) => /\.(mdx?|yml)$/.test(f))
		.map((f) => readFileSync(join(dir, f), 'utf8'))
		.map((text) => (text.startsWith('---') ? splitFrontmatter(text).yaml : text))
		.filter((text) => text !== undefined);
}
