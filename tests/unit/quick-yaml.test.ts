import { describe, expect, it } from 'vitest';
import { parseYamlQuickly } from '../../src/lib/content/quick-yaml.ts';
import { parseYamlCarefully } from '../../src/lib/content/yaml-lines.ts';
import { agreement, yamlTexts } from '../yaml-agreement.ts';

const expectAgreement = (text: string) => agreement(parseYamlQuickly, text);

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
 * Values on the edges of what the quick path reads: numbers it must resolve as YAML 1.2 does,
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

describe('parseYamlQuickly', () => {
	it('reads every file of the sample journal and the fixtures as the careful parser does', () => {
		const texts = [...yamlTexts('content'), ...yamlTexts('tests/fixtures')];
		const outcomes = texts.map(expectAgreement);
		// Most files take the quick path; the rest are left to the careful parser.
		expect(outcomes.filter((o) => o === 'agreed').length).toBeGreaterThan(texts.length / 2);
	});

	it('reads thousands of generated documents as the careful parser does, or leaves them', () => {
		const next = random(12);
		const outcomes = Array.from({ length: 3000 }, () => expectAgreement(generate(next)));
		// Enough documents are read for the comparison to mean something.
		expect(outcomes.filter((o) => o === 'agreed').length).toBeGreaterThan(600);
	});

	it('reads a typical entry, with the line of every key and item', () => {
		const text =
			"title: It's 2x faster\ndate: 2026-01-05\nauthors: [ana, bo]\nmetrics:\n  - metric: p95\n    before: 808\n    after: 6.5e2\nnext:\n- step: 'Roll out, then ''measure'''\n  done: true\nnote:\n";
		expect(expectAgreement(text)).toBe('agreed');
		const parsed = parseYamlQuickly(text, 2);
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
		['block scalars and comments', 'note: |\n  key: not a key\n  more\n# a comment\nnext: 1\n'],
		['folded scalars', 'summary: >-\n  one\n  two\ntitle: x\n'],
		['multi-line flow collections', 'tags: [a,\n  b]\nmeta: { x: 1,\n  y: [2, 3] }\n'],
		['nested sequences', 'm:\n  - - 1\n    - 2\n  -\n    a: b\n'],
		['flow sequences as items of a block sequence', "d:\n  - ['a', b]\n  - [c]\n"],
		['quoted keys and values', '"a b": \'c: d\'\n\'e\': "f\\n"\n'],
		['blank lines between keys', 'a: 1\n\n\nb:\n  - x\n\n  - y\n'],
		[
			'YAML 1.2 core scalars',
			'h: 0x1F\no: 0o17\nf: 1e3\ni: -.Inf\nnan: .NaN\nn: ~\nb: True\nd: 2026-02-30\ns: 0099\nz: -0\nhalf: -.5\nbig: 1e999\nlong: 9007199254740993\n',
		],
		[
			'scalars that other YAML versions read as numbers or booleans',
			'bin: 0b11\nsigned: +0x1F\nsep: 1_000\nyes: yes\non: off\nsexa: 1:20\n',
		],
		['windows line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
		['empty values and items', 'a:\nb: 1\nc:\n  -\n  - x\n  - \n'],
		['an empty document', ''],
		['a document of comments', '# nothing\n'],
		['unicode', 'title: Überprüfung — 検証\nauthors: [josé]\n'],
	])('agrees on %s, or defers', (_, text) => {
		expectAgreement(text);
	});

	it.each([
		['anchors and aliases', 'a: &x 1\nb: *x\n'],
		['tags', 'a: !foo 1\n'],
		['explicit keys', '? a\n: 1\n'],
		['merge keys', 'a: { x: 1 }\nb:\n  <<: { y: 2 }\n'],
		['syntax errors', 'a: [1\n'],
		['duplicate keys', 'a: 1\na: 2\n'],
		['tabs as indentation', 'a:\n\t- 1\n'],
		['keys that are not strings', '1: a\ntrue: b\n'],
		// An object lists such keys first, wherever they stand in the file.
		['keys that are array indexes', 'b: 1\n"2": a\n'],
		// js-yaml accepts continuation lines that YAML requires to be indented more.
		['quoted scalars over several lines', "title: 'a\nb'\n"],
		['flow collections over several lines', 'tags: [a,\nb]\n'],
	])('leaves %s to the careful parser', (_, text) => {
		expect(parseYamlQuickly(text)).toBeUndefined();
	});

	it('finds the lines of the text even when the data was changed before they were asked for', () => {
		const text = 'title: x\nauthors: [a, b]\nnext:\n  - step: s\n    due: 2026-01-05\n';
		const parsed = parseYamlQuickly(text, 2)!;
		const data = parsed.data as { title?: string; authors: string[]; next: object[] };
		delete data.title;
		data.authors.push('c');
		data.next.unshift({ step: 'new' });
		expect(Object.fromEntries(parsed.lines)).toEqual(
			Object.fromEntries(parseYamlCarefully(text, 2).lines),
		);
	});

	it('numbers lines from the given first line', () => {
		expect(new Map(parseYamlQuickly('a: 1\nb:\n  - x\n', 2)?.lines)).toEqual(
			new Map([
				['a', 2],
				['b', 3],
				['b.0', 4],
			]),
		);
	});
});
