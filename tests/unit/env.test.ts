import { describe, expect, it } from 'vitest';
import { getSiteLocation, UsageError } from '../../src/lib/content/env.ts';

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
		[{ JOURNAL_BASE: 'journal/' }, /JOURNAL_BASE="journal\/": expected a path starting with "\/"/],
		[
			{ JOURNAL_SITE: 'ftp://x.example' },
			/JOURNAL_SITE="ftp:\/\/x.example": expected an http\(s\) URL/,
		],
	])('rejects a value journal.yml would reject: %o', (env, message) => {
		expect(() => getSiteLocation(config, env)).toThrow(UsageError);
		expect(() => getSiteLocation(config, env)).toThrow(message);
	});
});
