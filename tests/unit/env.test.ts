import { describe, expect, it } from 'vitest';
import { getSiteLocation, isSearchEnabled, UsageError } from '../../src/lib/content/env.ts';

const config = { base: '/journal/', site: 'https://journal.example.com' };

describe('getSiteLocation', () => {
	it("keeps journal.yml's base and site when no variable is set", () => {
		expect(getSiteLocation(config, {})).toEqual(config);
		expect(getSiteLocation(config, { JOURNAL_BASE: '', JOURNAL_SITE: '' })).toEqual(config);
	});

	it('lets JOURNAL_BASE and JOURNAL_SITE override them', () => {
		expect(
			getSiteLocation(config, {
				JOURNAL_BASE: '/payments/',
				JOURNAL_SITE: 'https://acme.github.io',
			}),
		).toEqual({ base: '/payments/', site: 'https://acme.github.io' });
		expect(getSiteLocation({ base: '/' }, { JOURNAL_SITE: 'https://x.example' })).toEqual({
			base: '/',
			site: 'https://x.example',
		});
	});

	it.each([
		[{ JOURNAL_BASE: 'journal/' }, /JOURNAL_BASE="journal\/": expected a path such as \/journal\//],
		[
			{ JOURNAL_BASE: '//evil.example/x/' },
			/JOURNAL_BASE="\/\/evil.example\/x\/": expected a path/,
		],
		[{ JOURNAL_BASE: '/a/../b/' }, /expected a path such as/],
		[
			{ JOURNAL_SITE: 'ftp://x.example' },
			/JOURNAL_SITE="ftp:\/\/x.example": expected an http\(s\) URL/,
		],
	])('rejects a value journal.yml would reject: %o', (env, message) => {
		expect(() => getSiteLocation(config, env)).toThrow(UsageError);
		expect(() => getSiteLocation(config, env)).toThrow(message);
	});
});

describe('JOURNAL_SEARCH', () => {
	it('builds the search index unless it is 0', () => {
		expect(isSearchEnabled({})).toBe(true);
		expect(isSearchEnabled({ JOURNAL_SEARCH: '1' })).toBe(true);
		expect(isSearchEnabled({ JOURNAL_SEARCH: '0' })).toBe(false);
	});

	it('rejects any other value', () => {
		expect(() => isSearchEnabled({ JOURNAL_SEARCH: 'no' })).toThrow(UsageError);
	});
});
