import { describe, expect, it } from 'vitest';
import {
	getShard,
	getSiteLocation,
	isSearchEnabled,
	UsageError,
} from '../../src/lib/content/env.ts';

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

describe('getShard', () => {
	it('builds the whole site when JOURNAL_SHARD is unset or empty', () => {
		expect(getShard({})).toBeUndefined();
		expect(getShard({ JOURNAL_SHARD: '' })).toBeUndefined();
	});

	it('reads a year shard and the lists shard', () => {
		expect(getShard({ JOURNAL_SHARD: 'year:2024' })).toEqual({ kind: 'year', year: '2024' });
		expect(getShard({ JOURNAL_SHARD: 'lists' })).toEqual({ kind: 'lists' });
	});

	it.each(['2024', 'year:24', 'year:2024-01', 'year:', 'list', 'Lists', 'year-2024'])(
		'rejects "%s", naming the variable and what it allows',
		(value) => {
			expect(() => getShard({ JOURNAL_SHARD: value })).toThrow(UsageError);
			expect(() => getShard({ JOURNAL_SHARD: value })).toThrow(
				`JOURNAL_SHARD="${value}" must be "year:YYYY" (one year's entry pages) or "lists" (every other page).`,
			);
		},
	);
});
