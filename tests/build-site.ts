/** Builds the site for a content root into a temp folder, as `npm run build` does. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers.ts';

export interface BuildResult {
	code: number;
	output: string;
	outDir: string;
}

/**
 * How a build is started: `npm` is `npm run build` (Astro, then the search index in a process of
 * its own); `astro` is a plain `astro build`, which indexes inside the build.
 */
const COMMANDS = {
	npm: [join(repoRoot, 'scripts/run.js'), 'build'],
	astro: [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
};

export function buildSite(
	content: string,
	env: Record<string, string> = {},
	command: keyof typeof COMMANDS = 'npm',
): BuildResult {
	const outDir = mkdtempSync(join(tmpdir(), 'journal-dist-'));
	const result = spawnSync(process.execPath, [...COMMANDS[command], '--outDir', outDir], {
		cwd: repoRoot,
		env: {
			...process.env,
			JOURNAL_TODAY: '2026-06-01',
			...env,
			JOURNAL_CONTENT: content,
			ASTRO_TELEMETRY_DISABLED: '1',
		},
		encoding: 'utf8',
	});
	return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, outDir };
}

export interface ShardedBuild {
	/** The merged site. */
	outDir: string;
	/** Each shard's own output folder, by its JOURNAL_SHARD value. */
	shards: Record<string, string>;
}

/**
 * Builds every shard that `npm run shards -- list` names, each into its own temp folder, and
 * merges them with `npm run shards -- merge`, as the CI matrix in docs/past-one-machine.md does.
 */
export function buildShardedSite(content: string, env: Record<string, string> = {}): ShardedBuild {
	const cli = (...args: string[]) => {
		const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/cli.ts'), ...args], {
			cwd: repoRoot,
			env: { ...process.env, ...env, JOURNAL_CONTENT: content },
			encoding: 'utf8',
		});
		if (result.status !== 0) throw new Error(`shards ${args[0]} failed:\n${result.stderr}`);
		return result.stdout;
	};
	const shards: Record<string, string> = {};
	for (const shard of JSON.parse(cli('shards', 'list')) as string[]) {
		const result = buildSite(content, { ...env, JOURNAL_SHARD: shard });
		if (result.code !== 0) throw new Error(`shard ${shard} failed:\n${result.output}`);
		shards[shard] = result.outDir;
	}
	const outDir = join(mkdtempSync(join(tmpdir(), 'journal-merged-')), 'dist');
	cli('shards', 'merge', '--out', outDir, ...Object.values(shards));
	return { outDir, shards };
}
