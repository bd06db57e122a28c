/**
 * Turns zod's validation issues into problems that say, in words, what was expected:
 * the allowed keys or values, and the likely one when a name is a typo.
 */
import { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { toFieldPath } from './problems.ts';
import { didYouMean } from '../utils/suggest.ts';
import { quote } from '../utils/quote.ts';
import { lineOf, type LineMap } from './yaml-lines.ts';

type Issue = z.core.$ZodIssue;

/** Validates `raw` against `schema`; problems carry the file, line and field of each issue. */
export function validate<T extends z.ZodType>(
	schema: T,
	raw: unknown,
	file: string,
	lines: LineMap,
): { data?: z.output<T>; problems: Problem[] } {
	const result = schema.safeParse(raw);
	if (result.success) return { data: result.data, problems: [] };
	const problems = result.error.issues.flatMap((issue) =>
		explain(issue, [], schema, raw).map(({ path, message }) => ({
			file,
			line: lineOf(lines, path),
			field: toFieldPath(path),
			severity: 'error' as const,
			message,
		})),
	);
	return { problems };
}

interface Explained {
	path: PropertyKey[];
	message: string;
}

function explain(issue: Issue, prefix: PropertyKey[], root: z.ZodType, raw: unknown): Explained[] {
	const path = [...prefix, ...issue.path];
	switch (issue.code) {
		case 'unrecognized_keys': {
			const allowed = objectKeysAt(root, path);
			return issue.keys.map((key) => ({
				path: [...path, key],
				message: `unknown key ${quote(key)}.${didYouMean(key, allowed) || ` Allowed keys: ${allowed.join(', ')}.`}`,
			}));
		}
		case 'invalid_value': {
			const input = valueAt(raw, path);
			const values = issue.values.map(String);
			return [
				{
					path,
					message: `${typeof input === 'string' ? quote(input) : describeValue(input)} is not allowed; expected one of: ${values.join(', ')}.${didYouMean(String(input), values)}`,
				},
			];
		}
		case 'invalid_type': {
			const input = valueAt(raw, path);
			if (input === undefined)
				return [{ path, message: `required field is missing (expected ${issue.expected}).` }];
			return [
				{
					path,
					message: `expected ${describeExpected(issue.expected)}, got ${describeValue(input)}.`,
				},
			];
		}
		case 'invalid_union': {
			// Explain the branch that matched the value's shape; if none did, list the shapes.
			const shaped = issue.errors.filter((branch) => !isRootTypeMismatch(branch));
			if (shaped.length === 1)
				return shaped[0]!.flatMap((inner) => explain(inner, path, root, raw));
			const expected = issue.errors
				.flat()
				.filter((inner) => inner.code === 'invalid_type')
				.map((inner) => describeExpected((inner as { expected: string }).expected));
			return [
				{
					path,
					message: `expected ${expected.join(' or ')}, got ${describeValue(valueAt(raw, path))}.`,
				},
			];
		}
		case 'too_small':
			if (issue.origin === 'array')
				return [
					{
						path,
						message: issue.message.startsWith('expected')
							? `${issue.message}.`
							: `expected at least ${String(issue.minimum)} item(s).`,
					},
				];
			if (issue.origin === 'string') return [{ path, message: 'must not be empty.' }];
			return [{ path, message: `must be at least ${String(issue.minimum)}.` }];
		default:
			return [{ path, message: withStop(issue.message) }];
	}
}

function withStop(message: string): string {
	return /[.?!]$/.test(message) ? message : `${message}.`;
}

function isRootTypeMismatch(branch: readonly Issue[]): boolean {
	return branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
}

function describeExpected(expected: string): string {
	if (expected === 'object') return 'a mapping (key: value)';
	if (expected === 'array') return 'a list';
	if (expected === 'date') return 'a date';
	return `a ${expected}`;
}

function describeValue(value: unknown): string {
	if (value === null) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} ${typeof value === 'string' ? quote(value) : String(value)}`;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
	let value: unknown = raw;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** The keys an object schema allows at `path`, found by walking the schema the way zod does. */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
	let node: z.core.$ZodType | undefined = schema;
	for (const key of [...path, null]) {
		node = unwrap(node);
		if (!node) return [];
		const def = node._zod.def;
		if (key === null)
			return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
		if (def.type === 'object') node = (def as z.core.$ZodObjectDef).shape[String(key)];
		else if (def.type === 'array') node = (def as z.core.$ZodArrayDef).element;
		else return [];
	}
	return [];
}

/** Strips optional/default/pipe wrappers; for a union, takes its object branch. */
function unwrap(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
	while (node) {
		const def = node._zod.def;
		if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
			node = (def as z.core.$ZodOptionalDef).innerType;
		else if (def.type === 'pipe') node = (def as z.core.$ZodPipeDef).in;
		else if (def.type === 'union')
			node = (def as z.core.$ZodUnionDef).options.find(
				(o) => unwrap(o)?._zod.def.type === 'object',
			);
		else return node;
	}
	return node;
}
