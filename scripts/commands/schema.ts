/** `npm run schema`: JSON Schema files for editors and other tools, generated from lib/schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { SCHEMAS } from '../../src/lib/content/schema.ts';
import type { Context } from '../context.ts';
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
			z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
		]),
	);
}
