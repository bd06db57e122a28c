import { describe, expect, it } from 'vitest';
import { checkJournal } from '../../src/lib/content/check.ts';
import { tagSlug } from '../../src/lib/content/tags.ts';
import { makeJournal } from '../helpers.ts';

const HOSTILE_TAGS = [
	'c',
	'c++',
	'c#',
	'tag',
	'..',
	'/',
	'../../etc',
	'!!!',
	'🚀',
	'日本語',
	'<script>alert(1)</script>',
	'${x}',
	'x'.repeat(300),
];

describe('tagSlug', () => {
	it('is always one URL segment of lowercase ASCII words, never empty', () => {
		for (const tag of HOSTILE_TAGS) expect(tagSlug(tag)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('keeps tags apart that differ in symbols or have no letters at all', () => {
		const slugs = HOSTILE_TAGS.map(tagSlug);
		expect(new Set(slugs).size).toBe(HOSTILE_TAGS.length);
		expect(tagSlug('c++')).toBe('c-plus-plus');
		expect(tagSlug('c#')).toBe('c-sharp');
	});

	it('is readable for ordinary tags and a stable hash for tags without letters or digits', () => {
		expect(tagSlug('Black Friday')).toBe('black-friday');
		expect(tagSlug('café')).toBe('cafe');
		expect(tagSlug('..')).toMatch(/^tag-[0-9a-f]{8}$/);
		expect(tagSlug('..')).toBe(tagSlug('..'));
	});

	it('cuts very long tags to a length every file system accepts, keeping them apart', () => {
		const a = tagSlug(`${'x'.repeat(200)}a`);
		const b = tagSlug(`${'x'.repeat(200)}b`);
		expect(a.length).toBeLessThanOrEqual(60);
		expect(a).not.toBe(b);
	});
});

/** An entry with the given tags line. */
const entry = (tags: string) =>
	[
		'---',
		'title: T',
		'date: 2026-04-01',
		'authors: [ana]',
		'status: shipped',
		tags,
		'---',
		'',
	].join('\n');

describe('the checker', () => {
	it.each([
		['Latency', 'latency'],
		['café', 'cafe'],
		['a b', 'a/b'],
		['..', tagSlug('..')],
	])('reports "%s" and "%s" as two spellings that would share a page', (rare, common) => {
		const root = makeJournal({
			'entries/a.md': entry(`tags: [checkout, ${JSON.stringify(rare)}]`),
			'entries/b.md': entry(`tags: [${JSON.stringify(common)}]`),
			'entries/c.md': entry(`tags: [${JSON.stringify(common)}]`),
		});
		const errors = checkJournal(root, '2026-06-01').problems.filter((p) => p.severity === 'error');
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: 'entries/a.md', line: 6, field: 'tags[1]' });
		expect(errors[0]!.message).toContain(`"${rare}"`);
		expect(errors[0]!.message).toContain(`"${common}"`);
		expect(errors[0]!.message).toContain('entries/b.md, entries/c.md');
		expect(errors[0]!.message).toContain(`/tags/${tagSlug(common)}/`);
	});

	it('accepts the same spelling in many entries', () => {
		const root = makeJournal({
			'entries/a.md': entry('tags: [latency]'),
			'entries/b.md': entry('tags: [latency, c, c++]'),
		});
		expect(checkJournal(root, '2026-06-01').problems.filter((p) => p.severity === 'error')).toEqual(
			[],
		);
	});
});
