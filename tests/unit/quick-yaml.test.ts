import { describe, expect, it } from 'vitest';
import { parseYamlQuickly } from '../../src/lib/content/quick-yaml.ts';
import { agreement, yamlTexts } from '../yaml-agreement.ts';

const expectAgreement = (text: string) => agreement(parseYamlQuickly, text);

describe('parseYamlQuickly', () => {
	it('reads every file of the sample journal and the fixtures as the careful parser does', () => {
		const texts = [...yamlTexts('content'), ...yamlTexts('tests/fixtures')];
		const outcomes = texts.map(expectAgreement);
		// Most files take the quick path; the rest are left to the careful parser.
		expect(outcomes.filter((o) => o === 'agreed').length).toBeGreaterThan(texts.length / 2);
	});

	it.each([
		['block scalars and comments', 'note: |\n  key: not a key\n  more\n# a comment\nnext: 1\n'],
		['folded scalars', 'summary: >-\n  one\n  two\ntitle: x\n'],
		['multi-line flow collections', 'tags: [a,\n  b]\nmeta: { x: 1,\n  y: [2, 3] }\n'],
		['nested sequences', 'm:\n  - - 1\n    - 2\n  -\n    a: b\n'],
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
		// js-yaml accepts continuation lines that YAML requires to be indented more.
		['quoted scalars over several lines', "title: 'a\nb'\n"],
		['flow collections over several lines', 'tags: [a,\nb]\n'],
	])('leaves %s to the careful parser', (_, text) => {
		expect(parseYamlQuickly(text)).toBeUndefined();
	});

	it('numbers lines from the given first line', () => {
		expect(parseYamlQuickly('a: 1\nb:\n  - x\n', 2)?.lines).toEqual(
			new Map([
				['a', 2],
				['b', 3],
				['b.0', 4],
			]),
		);
	});
});
