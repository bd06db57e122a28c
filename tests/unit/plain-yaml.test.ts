import { describe, expect, it } from 'vitest';
import { parsePlainYaml } from '../../src/lib/content/plain-yaml.ts';
import { agreement, yamlTexts } from '../yaml-agreement.ts';

const agreed = (text: string) => agreement(parsePlainYaml, text);

function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Mostly plain keys, so that most generated documents are read and compared. */
const KEYS = 'a b c d e title on x_y a-b B2'.split(' ');
const ODD_KEYS = ['true', 'null', '__proto__', '1', 'a.b', 'a b', '-a', '"a"'];

/** Values of a typical entry. */
const COMMON = ['x', 'a b', '12', '-3', '1.5', 'true', '~', '2026-01-05', '[a, b]', "'q'", '"q"'];

/**
 * Values on the edges of what the plain reader takes: numbers it must resolve as YAML 1.2 does,
 * indicators, quotes, flow sequences, colons and hashes, spaces that are not YAML's.
 */
const ODD_VALUES = [
	...['1', '-1', '+1', '0x1F', '0o17', '1e3', '-.5', '1.', '.5', '0', '-0', '00', '0099', '1_000'],
	...['9007199254740993', '1e999', '.inf', '.NaN', '~', 'null', 'Null', 'True', 'FALSE', 'yes'],
	...['2026-02-30', 'a b', 'a  b', 'a: b', 'a:b', 'a:', 'a #b', 'a#b', 'x, y', 'a [b] {c}'],
	...['[a, b]', '[a,b,]', '[]', '[ ]', '[a, , b]', '[1, 0x1F, x]', '[a b,  c ]', '[a:b]', '[-1]'],
	...['["a"]', "['a']", '[a]]', '[[a]]', '[a] b', '"q"', '"a\\"b"', '"a\'b"', "'it''s'", "'a'b'"],
	...[
		"''",
		'""',
		'"a\\n"',
		'"a # b"',
		'http://x.y/z?q=1#f',
		'-',
		'-x',
		'- x',
		'--',
		'-:',
		'{a: 1}',
	],
	...['|', '>', '!x', '&a', '*a', '%x', '@x', '`x', '?x', ':x', '? x', 'é — 検証', '\u00a0x'],
	...['x\u00a0', 'a\u3000', "it's", 'say "hi"', '.', '...', 'a...', '\\x', '=', '<<', 'a\tb'],
];

function generate(next: () => number): string {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const value = () => pick(next() < 0.8 ? COMMON : ODD_VALUES);
	const lines: string[] = [];
	const pad = (n: number) => ' '.repeat(n);
	const mapping = (indent: number, depth: number, first = '') => {
		const count = 1 + Math.floor(next() * 3);
		for (let i = 0; i < count; i++) {
			const lead = i === 0 && first ? first : pad(indent);
			const key = pick(next() < 0.95 ? KEYS : ODD_KEYS);
			// An inline value, a nested mapping, a nested sequence (indented or not) or nothing.
			const kind = depth > 2 ? 0 : Math.floor(next() * 5);
			if (kind <= 1) {
				lines.push(`${lead}${key}: ${value()}`);
				continue;
			}
			lines.push(`${lead}${key}:`);
			if (kind === 2) mapping(indent + 2, depth + 1);
			if (kind === 3) sequence(indent + pick([0, 2]), depth + 1);
		}
	};
	const sequence = (indent: number, depth: number) => {
		const count = 1 + Math.floor(next() * 3);
		for (let i = 0; i < count; i++) {
			if (next() < 0.5) lines.push(`${pad(indent)}- ${value()}`);
			else mapping(indent + 2, depth + 1, `${pad(indent)}- `);
		}
	};
	mapping(0, 0);
	// Now and then a line that the reader must leave alone, or spaces it must ignore.
	const at = Math.floor(next() * lines.length);
	const twist = pick([
		'',
		'',
		'',
		'',
		'',
		'',
		' ',
		'   ',
		'\n',
		'\n# c',
		'\t',
		'  # c',
		'\n  x',
		'\n ',
		'\n---',
	]);
	lines[at] += twist;
	if (next() < 0.1) lines[at] = ` ${lines[at]}`;
	return lines.join('\n');
}

describe('parsePlainYaml', () => {
	it('reads every file of the sample journal and the fixtures as the careful parser does', () => {
		const outcomes = [...yamlTexts('content'), ...yamlTexts('tests/fixtures')].map(agreed);
		expect(outcomes.filter((o) => o === 'agreed').length).toBeGreaterThan(outcomes.length * 0.8);
	});

	it('reads thousands of generated documents as the careful parser does, or leaves them', () => {
		const next = random(12);
		const outcomes = Array.from({ length: 3000 }, () => agreed(generate(next)));
		// Enough documents are read for the comparison to mean something.
		expect(outcomes.filter((o) => o === 'agreed').length).toBeGreaterThan(600);
	});

	it('reads a typical entry, with the line of every key and item', () => {
		const text =
			"title: It's 2x faster\ndate: 2026-01-05\nauthors: [ana, bo]\nmetrics:\n  - metric: p95\n    before: 808\n    after: 6.5e2\nnext:\n- step: 'Roll out, then ''measure'''\n  done: true\nnote:\n";
		expect(agreed(text)).toBe('agreed');
		const parsed = parsePlainYaml(text, 2);
		expect(parsed?.data).toEqual({
			title: "It's 2x faster",
			date: '2026-01-05',
			authors: ['ana', 'bo'],
			metrics: [{ metric: 'p95', before: 808, after: 650 }],
			next: [{ step: "Roll out, then 'measure'", done: true }],
			note: null,
		});
		expect(parsed?.errors).toEqual([]);
		expect(Object.fromEntries(parsed!.lines)).toEqual({
			title: 2,
			date: 3,
			authors: 4,
			'authors.0': 4,
			'authors.1': 4,
			metrics: 5,
			'metrics.0': 6,
			'metrics.0.metric': 6,
			'metrics.0.before': 7,
			'metrics.0.after': 8,
			next: 9,
			'next.0': 10,
			'next.0.step': 10,
			'next.0.done': 11,
			note: 12,
		});
	});

	it.each([
		['comments', 'a: 1 # one\n'],
		['block scalars', 'note: |\n  text\n'],
		['values over several lines', 'title: one\n  two\n'],
		['escapes in double quotes', 'a: "x\\ty"\n'],
		['flow mappings', 'a: {x: 1}\n'],
		['duplicate keys', 'a: 1\na: 2\n'],
		['keys that are not plain names', '"a": 1\n1: x\ntrue: y\n'],
		['numbers that cannot be kept exactly', 'a: 9007199254740993\n'],
		['tabs', 'a:\t1\n'],
		['windows line ends', 'a: 1\r\n'],
		['a root that is not a mapping', '- a\n'],
		['an empty document', ''],
		['anchors, aliases and tags', 'a: &x 1\nb: *x\nc: !t 1\n'],
	])('leaves %s to the other parsers', (_, text) => {
		expect(parsePlainYaml(text)).toBeUndefined();
	});
});
