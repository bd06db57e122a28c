import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

describe('splitFrontmatter', () => {
	it('splits the YAML from the body and says where the body starts', () => {
		expect(splitFrontmatter('---\na: 1\nb: 2\n---\n# Body\n\ntext\n')).toEqual({
			yaml: 'a: 1\nb: 2',
			body: '# Body\n\ntext\n',
			bodyLine: 5,
		});
	});

	it('closes only on a line of "---" and spaces or tabs', () => {
		expect(splitFrontmatter('--- \na: 1\n----\n --- \n---x\n---\t\nbody')).toEqual({
			yaml: 'a: 1\n----\n --- \n---x',
			body: 'body',
			bodyLine: 7,
		});
	});

	it('reads empty frontmatter and a file that ends at the closing line', () => {
		expect(splitFrontmatter('---\n---\nbody')).toEqual({ yaml: '', body: 'body', bodyLine: 3 });
		expect(splitFrontmatter('---\na: 1\n---')).toEqual({ yaml: 'a: 1', body: '', bodyLine: 4 });
	});

	it('reports missing and unclosed frontmatter on line 1', () => {
		expect(splitFrontmatter('a: 1\n---\n')).toMatchObject({
			line: 1,
			error: /missing frontmatter/,
		});
		expect(splitFrontmatter('---')).toMatchObject({ line: 1, error: /never closed/ });
		expect(splitFrontmatter('---\na: 1\n----\n')).toMatchObject({ line: 1, error: /never closed/ });
	});

	it('says what went wrong when the opening line is TOML’s or comes after an empty line', () => {
		expect(splitFrontmatter('+++\ntitle = "T"\n+++\n')).toEqual({
			line: 1,
			error:
				'missing frontmatter: TOML frontmatter (+++) is not read; the file must start with a "---" line, then YAML fields, then "---".',
		});
		expect(splitFrontmatter('\n---\ntitle: T\n---\n')).toEqual({
			line: 1,
			error:
				'missing frontmatter: the file must start with a "---" line, then YAML fields, then "---", and line 1 is empty; remove the empty lines above "---".',
		});
	});

	it('reads an opening "---js" line as no frontmatter, never as code to run', () => {
		// gray-matter evaluates `---js` frontmatter (CVE-2022-25863); here it is only text.
		const split = splitFrontmatter('---js\n{ title: process.exit(1) }\n---\nbody');
		expect(split).toMatchObject({ line: 1, error: /missing frontmatter/ });
	});
});
