/** When each content file last changed: from git history, else from the file's mtime. */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoDate } from '../utils/dates.ts';

/**
 * Reads the whole history of `root` in one `git log` (one call per file would make large
 * journals slow), keeping each file's newest commit date. Files git does not know, or a root
 * outside a repository, fall back to the modification time.
 */
export function getLastUpdated(root: string, files: readonly string[]): Map<string, string> {
	const fromGit = readGitDates(root);
	return new Map(
		files.map((file) => [file, fromGit.get(file) ?? toIsoDate(statSync(join(root, file)).mtime)]),
	);
}

function readGitDates(root: string): Map<string, string> {
	const dates = new Map<string, string>();
	let log: string;
	try {
		log = execFileSync('git', ['log', '--relative', '--name-only', '--format=%x00%cs', '--', '.'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 256 * 1024 * 1024,
		});
	} catch {
		return dates; // not a git checkout, or git is missing
	}
	for (const commit of log.split('\0').slice(1)) {
		const [date, ...names] = commit.trim().split('\n');
		for (const name of names) if (name && !dates.has(name)) dates.set(name, date!);
	}
	return dates;
}
