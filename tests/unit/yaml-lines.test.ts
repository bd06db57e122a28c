import { describe, expect, it } from 'vitest';
import { parseYamlWithLines } from '../../src/lib/content/yaml-lines.ts';

/** What a user's file reads as: the data, or the errors, and the line of every key. */
function read(text: string) {
	const { data, errors, lines } = parseYamlWithLines(text, 1);
	return { data, errors, lines: Object.fromEntries(lines) };
}

describe('parseYamlWithLines', () => {
	it('refuses a duplicate key on the line of the second one', () => {
		expect(read('title: a\nsummary: b\ntitle: c\n').errors).toEqual([
			{ line: 3, field: null, message: 'YAML syntax error: Map keys must be unique' },
		]);
	});

	it('expands anchors and aliases, and places each key on its own line', () => {
		expect(read('a: &x [1, 2]\nb: *x\n')).toEqual({
			data: { a: [1, 2], b: [1, 2] },
			errors: [],
			lines: { a: 1, 'a.0': 1, 'a.1': 1, b: 2 },
		});
	});

	it('keeps `<<` as an ordinary key (YAML 1.2 has no merge keys)', () => {
		expect(read('base: &b { x: 1 }\nitem:\n  <<: *b\n  y: 2\n').data).toEqual({
			base: { x: 1 },
			item: { '<<': { x: 1 }, y: 2 },
		});
	});

	it.each(['!!js/function "function () { return 1 }"', '!!js/regexp /x/', '!custom 1'])(
		'refuses the tag in `a: %s` instead of running or dropping it',
		(value) => {
			const { data, errors } = read(`title: t\na: ${value}\n`);
			expect(data).toBeUndefined();
			expect(errors).toEqual([
				{
					line: 2,
					field: null,
					message: expect.stringMatching(/^YAML syntax error: Unresolved tag/),
				},
			]);
		},
	);

	it.each([
		['9007199254740993', /is too large to keep exactly/],
		['1e999', /is not a finite number/],
	])('names the field of a number it cannot keep: %s', (value, message) => {
		expect(read(`title: t\nmetrics:\n  - after: ${value}\n`).errors).toEqual([
			{ line: 3, field: 'metrics[0].after', message: expect.stringMatching(message) },
		]);
	});

	it('keeps dates as written, even impossible ones, and reads numbers as YAML 1.2 does', () => {
		expect(
			read('a: 2026-02-30\nb: 0099-01-01\nc: 2026-01-05T10:00:00Z\nd: 0099\ne: yes\n').data,
		).toEqual({
			a: '2026-02-30',
			b: '0099-01-01',
			c: '2026-01-05T10:00:00Z',
			d: 99,
			e: 'yes',
		});
	});

	it('keeps `__proto__` as a plain key, not the prototype', () => {
		const { data } = read('__proto__: 1\n');
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		expect(Object.hasOwn(data as object, '__proto__')).toBe(true);
	});

	it('numbers lines from the line the YAML starts on in its file', () => {
		expect(Object.fromEntries(parseYamlWithLines('a: 1\nb:\n  - x\n', 2).lines)).toEqual({
			a: 2,
			b: 3,
			'b.0': 4,
		});
	});
});
