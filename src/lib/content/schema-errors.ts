/**
 * Turns zod's validation issues into problems that say, in words, what was expected:
 * the allowed keys or values, and the likely one when a name is a typo.
 */
import { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { toFieldPath } from './problems.ts';
import { didYouMean } from '../utils/suggest.ts';
import { quote } from '../utils/quote.ts';
import { lineOf, type LineMap } from './parsed-yaml.ts';
import { DATE_FORM, numberHint } from './hints.ts';
import { IsoDateSchema } from './schema.ts';

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
			if (input === undefined)
				return [
					{ path, message: `required field is missing; expected one of: ${values.join(', ')}.` },
				];
			return [
				{
					path,
					message: `${typeof input === 'string' ? quote(input) : describeValue(input)} is not allowed; expected one of: ${values.join(', ')}.${didYouMean(String(input), values)}`,
				},
			];
		}
		case 'invalid_type': {
			const input = valueAt(raw, path);
			const expected = describeExpected(issue.expected, path, root);
			if (input === undefined)
				return [{ path, message: `required field is missing; expected ${expected}.` }];
			const got = `expected ${expected}, got ${describeValue(input)}.`;
			// A metric's result (`metrics[0].after`) names its metric, whose file takes a unit.
			const metric =
				path[0] === 'metrics'
					? (valueAt(raw, [...path.slice(0, -1), 'metric']) ?? null)
					: undefined;
			const hint =
				issue.expected === 'number' && typeof input === 'string'
					? numberHint(input, String(path.at(-1)), metric)
					: expected === 'text' && (typeof input === 'number' || typeof input === 'boolean')
						? TEXT_HINT
						: undefined;
			return [{ path, message: hint ? `${got} ${hint}` : got }];
		}
		case 'invalid_union': {
			// Explain the branch that matched the value's shape; if none did, list the shapes.
			const shaped = issue.errors.filter((branch) => !isRootTypeMismatch(branch));
			if (shaped.length === 1)
				return shaped[0]!.flatMap((inner) => explain(inner, path, root, raw));
			const expected = issue.errors
				.flat()
				.filter((inner) => inner.code === 'invalid_type')
				.map((inner) => describeExpected((inner as { expected: string }).expected, [], root));
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
			return [
				{
					path,
					message: `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}.`,
				},
			];
		case 'too_big':
			return [
				{
					path,
					message: `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}.`,
				},
			];
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

/** Lists as a writer would write them, by the field that holds them. */
const LISTS: Record<string, string> = {
	authors: 'a list of person ids, like [ana]',
	features: 'a list of feature ids, like [one-click]',
	tags: 'a list of tags, like [latency]',
	aliases: 'a list of earlier slugs, like [old-slug]',
	metrics: 'a list of items that each start with "- metric:"',
	next: 'a list of items that each start with "- step:"',
	links: 'a list of items that each start with "- url:"',
};

/** Mappings as a writer would write them, by the field that holds them. */
const MAPPINGS: Record<string, string> = {
	verified_by: 'a mapping, like { person: ana, on: 2026-04-12 }',
};

/**
 * For text that YAML read as a number or true/false (`title: 2.0`, `name: true`). Quotes keep it
 * as written; the value as read (`2`) may already differ from it, so none is suggested.
 */
const TEXT_HINT = 'Put it in quotes to keep it as text.';

/** What a field takes, in a writer's words rather than the schema's. */
function describeExpected(expected: string, path: readonly PropertyKey[], root: z.ZodType): string {
	if (expected === 'object') return MAPPINGS[String(path.at(-1))] ?? 'a mapping (key: value)';
	if (expected === 'array') return LISTS[String(path.at(-1))] ?? 'a list, like [a, b]';
	if (expected === 'boolean') return 'true or false';
	if (expected === 'number') return 'a number';
	if (expected === 'string') return schemaAt(root, path) === IsoDateSchema ? DATE_FORM : 'text';
	return `a ${expected}`;
}

function describeValue(value: unknown): string {
	if (value === null) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string') return `the text ${quote(value)}`;
	if (typeof value === 'number')
		return Number.isNaN(value) ? 'a value that is not a number' : `the number ${String(value)}`;
	return String(value);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
	let value: unknown = raw;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** The keys an object schema allows at `path`. */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
	const def = unwrap(schemaAt(schema, path))?._zod.def;
	return def?.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

/** The schema of the value at `path`, found by walking the schema the way zod does. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
	let node: z.core.$ZodType | undefined = schema;
	for (const key of path) {
		node = unwrap(node);
		if (!node) return undefined;
		const def = node._zod.def;
		if (def.type === 'object') node = (def as z.core.$ZodObjectDef).shape[String(key)];
		else if (def.type === 'array') node = (def as z.core.$ZodArrayDef).element;
		else return undefined;
	}
	return unwrap(node);
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
