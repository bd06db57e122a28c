import { describe, expect, it } from 'vitest';
import { isSearchEnabled, UsageError } from '../../src/lib/content/env.ts';

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
