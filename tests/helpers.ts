/** Test helpers: fixture journals in temp folders, and the CLI with captured output. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../scripts/cli.ts';
import type { EntryLike } from '../src/lib/facts/rollups.ts';
import type { Entry } from '../src/lib/content/schema.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const minimalFixture = join(repoRoot, 'tests/fixtures/minimal');
export const sampleContent = join(repoRoot, 'content');

/**
 * A copy of the minimal fixture journal with `files` written over it (null deletes a file).
 * Each scenario gets its own folder, so every error class has its own fixture journal.
 */
export function makeJournal(files: Record<string, string | null> = {}): string {
	const root = mkdtempSync(join(tmpdir(), 'journal-'));
	cpSync(minimalFixture, root, { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		const target = join(root, path);
		if (text === null) rmSync(target);
		else {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, text);
		}
	}
	return root;
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[], env: Record<string, string> = {}, cwd = repoRoot) {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const code = await main(args, { JOURNAL_TODAY: '2026-06-01', ...env }, cwd, {
		stdout: (t) => stdout.push(t),
		stderr: (t) => stderr.push(t),
	});
	return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** An entry as the roll-ups see it, with defaults for the required fields. */
export function makeEntry(slug: string, data: Partial<Entry>): EntryLike {
	return {
		slug,
		data: {
			title: slug,
			date: '2026-01-01',
			authors: ['ana'],
			status: 'shipped',
			visibility: 'internal',
			draft: false,
			...data,
		},
	};
}

/**
 * A JSON export value as its CSV cell reads back: null empty, text that a spreadsheet would run as
 * a formula behind an apostrophe (the CSV writer's escape_formulas), the rest as text.
 */
export function asCsvCell(value: unknown): string {
	if (value === null) return '';
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
	return String(value);
}
