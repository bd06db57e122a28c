import { describe, expect, it } from 'vitest';
import { findLeftOut, leftOutText } from '../../src/lib/content/audience.ts';
import { getAudience, UsageError } from '../../src/lib/content/env.ts';
import { makeJournal, runCli } from '../helpers.ts';

const entry = (file: string, visibility: 'internal' | 'public', draft = false) => ({
	file,
	data: { visibility, draft },
});

describe('getAudience', () => {
	it("takes journal.yml's audience, unless JOURNAL_AUDIENCE overrides it", () => {
		expect(getAudience({}, { audience: 'public' })).toBe('public');
		expect(getAudience({ JOURNAL_AUDIENCE: 'internal' }, { audience: 'public' })).toBe('internal');
		expect(getAudience({})).toBe('internal');
	});

	it('rejects any other JOURNAL_AUDIENCE', () => {
		expect(() => getAudience({ JOURNAL_AUDIENCE: 'everyone' })).toThrow(UsageError);
	});
});

describe('what an audience leaves out', () => {
	const entries = [
		entry('entries/b.md', 'internal'),
		entry('entries/a.md', 'internal'),
		entry('entries/draft.md', 'internal', true),
		entry('entries/shown.md', 'public'),
		{ file: 'entries/unreadable.md' },
	];

	it('is the internal entries of a public site, drafts and unreadable files aside', () => {
		expect(findLeftOut(entries, 'public')).toEqual(['entries/a.md', 'entries/b.md']);
		expect(findLeftOut(entries, 'internal')).toEqual([]);
	});

	it('is said with the first few file names, and nothing when nothing is left out', () => {
		expect(leftOutText([], 'public')).toBeUndefined();
		expect(leftOutText(['entries/a.md'], 'public')).toMatch(
			/^The public site leaves out 1 entry marked internal: entries\/a\.md\. /,
		);
		const many = ['a', 'b', 'c', 'd', 'e'].map((n) => `entries/${n}.md`);
		expect(leftOutText(many, 'public')).toContain(
			'leaves out 5 entries marked internal: entries/a.md, entries/b.md, entries/c.md and 2 more.',
		);
	});
});

describe('check and the audience', () => {
	it('prints what a public journal leaves out, and passes', async () => {
		const root = makeJournal({ 'journal.yml': 'title: T\naudience: public\n' });
		const result = await runCli(['check', '--content', root]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/The public site leaves out \d+ entr(y|ies) marked internal/);
	});

	it('says it as a notice for GitHub', async () => {
		const root = makeJournal({ 'journal.yml': 'title: T\naudience: public\n' });
		const result = await runCli(['check', '--content', root, '--format', 'github']);
		expect(result.stdout).toMatch(/^::notice title=Audience::The public site leaves out/m);
	});

	it('says nothing for an internal journal', async () => {
		const result = await runCli(['check', '--content', makeJournal()]);
		expect(result.stdout).not.toContain('leaves out');
	});
});
