/** `npm run schema`: JSON Schema files for editors and other tools, generated from lib/schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { SCHEMAS } from '../../src/lib/content/schema.ts';
import type { Context } from '../cli.ts';
import { messages } from '../messages.ts';

export const DEFAULT_SCHEMA_DIR = 'public/schema';

export async function runSchema(ctx: Pick<Context, 'flags' | 'cwd' | 'out'>): Promise<number> {
	const dir = resolve(ctx.cwd, ctx.flags.out ?? DEFAULT_SCHEMA_DIR);
	mkdirSync(dir, { recursive: true });
	const files = Object.entries(toJsonSchemas());
	for (const [name, schema] of files) {
		writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, '\t')}\n`);
	}
	ctx.out.stdout(messages.wroteSchemas(files.length, relative(ctx.cwd, dir) || '.'));
	return 0;
}

/** One JSON Schema per kind of file, describing what a person writes (the input side). */
export function toJsonSchemas(): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(SCHEMAS).map(([name, schema]) => [
			name,
			withoutDateObjects(
				z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: markDateObjects }),
			),
		]),
	);
}

const DATE_OBJECT = '$date-object';

/** Dates arrive as strings in files; the `Date` branch only exists for Astro's parser. */
function markDateObjects(ctx: {
	zodSchema: z.core.$ZodTypes;
	jsonSchema: Record<string, unknown>;
}): void {
	if (ctx.zodSchema._zod.def.type === 'date') ctx.jsonSchema[DATE_OBJECT] = true;
}

function withoutDateObjects(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(withoutDateObjects);
	if (node === null || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) out[key] = withoutDateObjects(value);
	const anyOf = out.anyOf as Record<string, unknown>[] | undefined;
	if (anyOf?.some((branch) => branch[DATE_OBJECT])) {
		const rest = anyOf.filter((branch) => !branch[DATE_OBJECT]);
		delete out.anyOf;
		return rest.length === 1 ? { ...out, ...rest[0] } : { ...out, anyOf: rest };
	}
	return out;
}
