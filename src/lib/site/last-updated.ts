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

/**
 * Content root → its git dates and the commit they were read at. `astro dev` recomputes the site
 * data at every saved edit, and an edit changes no commit date: the history is read again only
 * when HEAD moves (a commit, a checkout, a pull).
 */
const readAt = new Map<string, { head: string; dates: Map<string, string> }>();

function readGitDates(root: string): Map<string, string> {
	const head = git(root, ['rev-parse', 'HEAD'])?.trim();
	if (head === undefined) return new Map(); // not a git checkout, or git is missing
	const cached = readAt.get(root);
	if (cached?.head === head) return cached.dates;
	const dates = new Map<string, string>();
	const log = git(root, ['log', head, '--relative', '--name-only', '--format=%x00%cs', '--', '.']);
	for (const commit of log?.split('\0').slice(1) ?? []) {
		const [date, ...names] = commit.trim().split('\n');
		for (const name of names) if (name && !dates.has(name)) dates.set(name, date!);
	}
	readAt.set(root, { head, dates });
	return dates;
}

/** git's output in `cwd`, or undefined when it fails. */
function git(cwd: string, args: string[]): string | undefined {
	try {
		return execFileSync('git', args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 256 * 1024 * 1024,
		});
	} catch {
		return undefined;
	}
}
