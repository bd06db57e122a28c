/** Builds the site for a content root into a temp folder, as `npm run build` would. */
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

export function buildSite(content: string, env: Record<string, string> = {}): BuildResult {
	const outDir = mkdtempSync(join(tmpdir(), 'journal-dist-'));
	const result = spawnSync(
		process.execPath,
		[join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
		{
			cwd: repoRoot,
			env: {
				...process.env,
				JOURNAL_TODAY: '2026-06-01',
				...env,
				JOURNAL_CONTENT: content,
				ASTRO_TELEMETRY_DISABLED: '1',
			},
			encoding: 'utf8',
		},
	);
	return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, outDir };
}
