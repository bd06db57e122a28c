/**
 * How a plain (unquoted) YAML scalar resolves: the `yaml` package's YAML 1.2 core schema
 * (yaml/dist/schema/core), which the careful parser uses. The quick parsers (quick-yaml.ts,
 * plain-yaml.ts) resolve by this table so that every parser reads a value alike.
 */

export interface CoreScalar {
	tag: 'null' | 'bool' | 'int' | 'float';
	test: RegExp;
	construct: (text: string) => unknown;
}

const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** One entry per tag, tried in this order; a plain scalar that matches none is a string. */
export const CORE_SCALARS: readonly CoreScalar[] = [
	{ tag: 'null', test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null },
	{
		tag: 'bool',
		test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
		construct: (s) => s[0] === 't' || s[0] === 'T',
	},
	{
		tag: 'int',
		test: /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
		construct: (s) =>
			s.startsWith('0o')
				? parseInt(s.slice(2), 8)
				: s.startsWith('0x')
					? parseInt(s.slice(2), 16)
					: parseInt(s, 10),
	},
	{
		tag: 'float',
		test: new RegExp(`${FLOAT.source}|${INFINITY.source}|${NAN.source}`),
		construct: (s) =>
			NAN.test(s) ? NaN : INFINITY.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
	},
];

/** The value of the plain scalar `text`. */
export function resolvePlain(text: string): unknown {
	for (const { test, construct } of CORE_SCALARS) if (test.test(text)) return construct(text);
	return text;
}
