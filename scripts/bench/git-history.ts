/**
 * Writes a generated journal as a git repository with its whole history, through one
 * `git fast-import` stream (thousands of files and hundreds of commits in about a second), then
 * checks out the final tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import type { Commit } from './generate.ts';

/** Replaces `dir` with a repository whose history is `commits` and whose work tree is the last. */
export function writeJournalRepo(dir: string, commits: readonly Commit[]): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	git(dir, ['init', '-q', '-b', 'main']);
	git(dir, ['fast-import', '--quiet', '--done'], toFastImport(commits));
	git(dir, ['reset', '-q', '--hard', 'main']);
}

/** The fast-import stream for `commits` on `refs/heads/main`, each at noon UTC of its date. */
export function toFastImport(commits: readonly Commit[]): Buffer {
	const parts: Buffer[] = [];
	const data = (text: string) => {
		const bytes = Buffer.from(text);
		parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
	};
	for (const commit of commits) {
		const when = `${Date.parse(`${commit.date}T12:00:00Z`) / 1000} +0000`;
		const who = `${commit.author.name} <${commit.author.email}>`;
		parts.push(
			Buffer.from(`commit refs/heads/main\nauthor ${who} ${when}\ncommitter ${who} ${when}\n`),
		);
		data(commit.message);
		for (const [path, text] of commit.files) {
			parts.push(Buffer.from(`M 100644 inline ${path}\n`));
			data(text);
		}
	}
	parts.push(Buffer.from('done\n'));
	return Buffer.concat(parts);
}

function git(cwd: string, args: string[], input?: Buffer): void {
	const result = spawnSync('git', args, {
		cwd,
		input,
		encoding: 'utf8',
		// No user config or hooks: the same seed must give the same commits everywhere.
		env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0)
		throw new Error(`git ${args[0]} failed in ${cwd}: ${result.stderr || result.error}`);
}
