import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLastUpdated } from '../../src/lib/site/last-updated.ts';

/** Runs git in `cwd` as a throwaway identity, optionally at a fixed commit date. */
function git(cwd: string, args: string[], date?: string) {
	const who = {
		GIT_AUTHOR_NAME: 't',
		GIT_AUTHOR_EMAIL: 't@example.com',
		GIT_COMMITTER_NAME: 't',
		GIT_COMMITTER_EMAIL: 't@example.com',
	};
	execFileSync('git', args, {
		cwd,
		env: { ...process.env, ...who, ...(date ? { GIT_COMMITTER_DATE: date } : {}) },
	});
}

describe('getLastUpdated', () => {
	it('uses the newest commit that touched each file, and mtime for files git does not know', () => {
		const repo = mkdtempSync(join(tmpdir(), 'journal-git-'));
		const root = join(repo, 'content');
		mkdirSync(join(root, 'entries'), { recursive: true });
		git(repo, ['init', '-q']);
		writeFileSync(join(root, 'entries/a.md'), 'one');
		writeFileSync(join(root, 'entries/b.md'), 'one');
		git(repo, ['add', '.']);
		git(repo, ['commit', '-qm', 'first'], '2026-01-05T12:00:00Z');
		writeFileSync(join(root, 'entries/b.md'), 'two');
		git(repo, ['add', '.']);
		git(repo, ['commit', '-qm', 'second'], '2026-02-07T12:00:00Z');
		writeFileSync(join(root, 'entries/new.md'), 'untracked');
		utimesSync(
			join(root, 'entries/new.md'),
			new Date('2026-03-09T12:00:00Z'),
			new Date('2026-03-09T12:00:00Z'),
		);

		expect(getLastUpdated(root, ['entries/a.md', 'entries/b.md', 'entries/new.md'])).toEqual(
			new Map([
				['entries/a.md', '2026-01-05'],
				['entries/b.md', '2026-02-07'],
				['entries/new.md', '2026-03-09'],
			]),
		);
	});

	it('reads the history again once HEAD moves, and only dates change with commits', () => {
		const repo = mkdtempSync(join(tmpdir(), 'journal-git-'));
		git(repo, ['init', '-q']);
		writeFileSync(join(repo, 'a.md'), 'one');
		git(repo, ['add', '.']);
		git(repo, ['commit', '-qm', 'first'], '2026-01-05T12:00:00Z');
		expect(getLastUpdated(repo, ['a.md']).get('a.md')).toBe('2026-01-05');

		// A saved but uncommitted edit keeps the commit date, as a fresh read would.
		writeFileSync(join(repo, 'a.md'), 'edited');
		writeFileSync(join(repo, 'b.md'), 'new');
		utimesSync(
			join(repo, 'b.md'),
			new Date('2026-03-09T12:00:00Z'),
			new Date('2026-03-09T12:00:00Z'),
		);
		expect(getLastUpdated(repo, ['a.md', 'b.md'])).toEqual(
			new Map([
				['a.md', '2026-01-05'],
				['b.md', '2026-03-09'],
			]),
		);

		git(repo, ['add', '.']);
		git(repo, ['commit', '-qm', 'second'], '2026-04-11T12:00:00Z');
		expect(getLastUpdated(repo, ['a.md', 'b.md'])).toEqual(
			new Map([
				['a.md', '2026-04-11'],
				['b.md', '2026-04-11'],
			]),
		);
	});

	it('falls back to mtime outside a git repository', () => {
		const root = mkdtempSync(join(tmpdir(), 'journal-nogit-'));
		writeFileSync(join(root, 'x.md'), 'x');
		utimesSync(
			join(root, 'x.md'),
			new Date('2025-07-01T12:00:00Z'),
			new Date('2025-07-01T12:00:00Z'),
		);
		expect(getLastUpdated(root, ['x.md']).get('x.md')).toBe('2025-07-01');
	});
});
