import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJournal } from '../../src/lib/content/check.ts';
import { readJournalConfig } from '../../src/lib/content/load.ts';
import { makeJournal } from '../helpers.ts';

describe('journal.yml', () => {
	it('is read once for the checker and every later reader, until it changes', () => {
		const root = makeJournal({ 'journal.yml': 'title: First\n' });
		const { journal } = checkJournal(root, '2026-01-01');
		expect(journal.config.title).toBe('First');
		expect(readJournalConfig(root)).toBe(journal.config);
		expect(readJournalConfig(root)).toBe(journal.config);

		writeFileSync(join(root, 'journal.yml'), 'title: Second one\n');
		expect(readJournalConfig(root).title).toBe('Second one');
	});

	it('sees an edit that keeps the size, by its modification time', () => {
		const root = makeJournal({ 'journal.yml': 'title: AAAA\n' });
		expect(readJournalConfig(root).title).toBe('AAAA');
		writeFileSync(join(root, 'journal.yml'), 'title: BBBB\n');
		utimesSync(join(root, 'journal.yml'), new Date(), new Date(Date.now() + 5000));
		expect(readJournalConfig(root).title).toBe('BBBB');
	});

	it('reports its problems on every check, not only the first', () => {
		const root = makeJournal({ 'journal.yml': 'title: J\nfollow_up_days: soon\n' });
		const problemsOf = () =>
			checkJournal(root, '2026-01-01').problems.filter((p) => p.file === 'journal.yml');
		const first = problemsOf();
		expect(first).toEqual([expect.objectContaining({ line: 2, field: 'follow_up_days' })]);
		expect(problemsOf()).toEqual(first);
	});
});
