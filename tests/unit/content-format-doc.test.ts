/**
 * Keeps the content format reference (docs/content-format.md) in step with the schema: every key of
 * every object in each kind of file has a row in that file's table (and no row names a key the
 * schema lacks), with the right "required" and default.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../src/lib/content/schema.ts';
import { repoRoot } from '../helpers.ts';

/** The reference's heading of each kind of file in SCHEMAS. */
const HEADINGS: Record<keyof typeof SCHEMAS, string> = {
	journal: '## `journal.yml`',
	person: '## `people/<id>.yml`',
	team: '## `teams/<id>.yml`',
	feature: '## `features/<id>.md`',
	metric: '## `metrics/<id>.yml`',
	entry: '## `entries/**/<slug>.md`',
};

interface Field {
	required: boolean;
	default?: unknown;
}

/** Every object in a schema, by its path (`''` for the file itself, `metrics[]`, `verified_by`). */
function objectsIn(schema: z.core.$ZodType, path = ''): Map<string, Map<string, Field>> {
	const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
	const found = new Map<string, Map<string, Field>>();
	const add = (more: Map<string, Map<string, Field>>) => more.forEach((v, k) => found.set(k, v));
	switch (def.type) {
		case 'object': {
			const shape = def.shape as Record<string, z.core.$ZodType>;
			found.set(
				path,
				new Map(Object.entries(shape).map(([key, field]) => [key, describeField(field)])),
			);
			for (const [key, field] of Object.entries(shape))
				add(objectsIn(field, path ? `${path}.${key}` : key));
			break;
		}
		case 'optional':
		case 'default':
			add(objectsIn(def.innerType as z.core.$ZodType, path));
			break;
		case 'array':
			add(objectsIn(def.element as z.core.$ZodType, `${path}[]`));
			break;
		case 'union':
			for (const option of def.options as z.core.$ZodType[]) add(objectsIn(option, path));
			break;
	}
	return found;
}

function describeField(field: z.core.$ZodType): Field {
	const def = field._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
	if (def.type === 'default') return { required: false, default: def.defaultValue };
	return { required: def.type !== 'optional' };
}

/** The reference's lines outside fenced code blocks, each with the heading it sits under. */
function referenceSections(): Map<string, string[]> {
	const sections = new Map<string, string[]>();
	let heading = '';
	let fenced = false;
	for (const line of readFileSync(join(repoRoot, 'docs/content-format.md'), 'utf8').split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		if (fenced) continue;
		if (/^#{1,6} /.test(line)) {
			heading = line;
			sections.set(heading, []);
		} else sections.get(heading)?.push(line);
	}
	return sections;
}

/** The first table in a section, as rows of trimmed cells keyed by the header's cells. */
function tableIn(lines: string[]): Record<string, string>[] {
	const start = lines.findIndex((l) => l.startsWith('|'));
	if (start === -1) return [];
	const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
	const cells = (line: string) =>
		line
			.slice(1, -1)
			.split(/(?<!\\)\|/)
			.map((c) => c.trim());
	const [header, , ...rows] = lines.slice(start, end === -1 ? undefined : end).map(cells);
	return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

const sections = referenceSections();
const headings = [...sections.keys()];

/** The table for `path` of a kind: its own section, or a `###` one below it. */
function referenceTable(kind: keyof typeof SCHEMAS, path: string): Record<string, string>[] {
	const top = headings.indexOf(HEADINGS[kind]);
	expect(top, `heading ${HEADINGS[kind]}`).toBeGreaterThan(-1);
	if (!path) return tableIn(sections.get(HEADINGS[kind])!);
	const end = headings.findIndex((h, i) => i > top && /^#{1,2} /.test(h));
	const heading = `### \`${path}\``;
	const at = headings.indexOf(heading, top);
	expect(at > top && (end === -1 || at < end), `heading ${heading} under ${HEADINGS[kind]}`).toBe(
		true,
	);
	return tableIn(sections.get(heading)!);
}

describe('docs/content-format.md documents every field of the format', () => {
	const cases = Object.entries(SCHEMAS).flatMap(([kind, schema]) =>
		[...objectsIn(schema)].map(([path, fields]) => ({
			kind: kind as keyof typeof SCHEMAS,
			path,
			fields,
			table: path
				? `${HEADINGS[kind as keyof typeof SCHEMAS]}, ${path}`
				: HEADINGS[kind as keyof typeof SCHEMAS],
		})),
	);

	it('finds the nested objects of entries', () => {
		expect(cases.filter((c) => c.kind === 'entry').map((c) => c.path)).toEqual([
			'',
			'authors[]',
			'metrics[]',
			'next[]',
			'links[]',
			'verified_by',
		]);
	});

	it.each(cases)(
		'$kind $path: one row per key, with required and default',
		({ kind, path, fields }) => {
			const rows = referenceTable(kind, path);
			const key = (row: Record<string, string>) => row.key?.replace(/^`|`$/g, '');
			expect(rows.map(key).sort()).toEqual([...fields.keys()].sort());
			for (const row of rows) {
				const field = fields.get(key(row)!)!;
				expect(row.required, `${key(row)}: required`).toBe(field.required ? 'yes' : 'no');
				if (field.default !== undefined)
					expect(row.default, `${key(row)}: default`).toBe(`\`${String(field.default)}\``);
			}
		},
	);
});
