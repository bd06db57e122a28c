/** The machine a run measured, so numbers are never read without it. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Machine } from './report.ts';

/** Cores, memory, Node, the Astro and Pagefind versions, and the load average now. */
export function describeMachine(repoRoot: string): Machine {
	const version = (name: string) => {
		try {
			const pkg = join(repoRoot, 'node_modules', name, 'package.json');
			return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
		} catch {
			return 'not installed';
		}
	};
	const load = loadavg();
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
		memoryBytes: totalmem(),
		node: process.version,
		platform: `${platform()} ${release()}`,
		astro: version('astro'),
		pagefind: version('pagefind'),
		loadBefore: load,
		loadAfter: load,
	};
}
