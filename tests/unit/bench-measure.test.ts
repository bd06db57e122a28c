import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/bench/chromium.ts';
import { readDistStats } from '../../scripts/bench/dist-stats.ts';
import { sampleProcessTree } from '../../scripts/bench/process-tree.ts';
import { measureQueryBytes, serveStatic } from '../../scripts/bench/query.ts';
import { runCli, repoRoot } from '../helpers.ts';

const MiB = 1024 ** 2;

/** A node process that starts two children holding `mib` MiB each, and prints once all hold it. */
const TREE = (mib: number) => `
const { spawn } = require('node:child_process');
const hold = 'const b = Buffer.alloc(${mib} * 1024 * 1024, 1); console.log("held"); setInterval(() => b[0]++, 1000);';
let held = 0;
for (let i = 0; i < 2; i++) {
	const child = spawn(process.execPath, ['-e', hold], { stdio: ['ignore', 'pipe', 'inherit'] });
	child.stdout.on('data', () => { if (++held === 2) console.log('ready'); });
}
setInterval(() => {}, 1000);
`;

function writeFiles(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

describe('the process-tree sampler', () => {
	it.skipIf(process.platform !== 'linux')(
		'sums the resident memory of a process and all its descendants',
		async () => {
			const parent = spawn(process.execPath, ['-e', TREE(100)], {
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			try {
				await new Promise<void>((resolve) =>
					parent.stdout!.on(
						'data',
						(chunk: Buffer) => chunk.toString().includes('ready') && resolve(),
					),
				);
				const sampler = sampleProcessTree(parent.pid!, 20);
				await new Promise((resolve) => setTimeout(resolve, 100));
				const usage = sampler.stop();
				expect(usage.peakProcesses).toBe(3);
				expect(usage.samples).toBeGreaterThan(1);
				// Each child holds 100 MiB: only the sum over the tree reaches 200 MiB.
				expect(usage.peakRss).toBeGreaterThan(200 * MiB);
				// Filling 200 MiB takes the children some CPU; the parent's own share is counted too.
				expect(usage.cpuMs).toBeGreaterThan(0);
			} finally {
				spawnSync('pkill', ['-P', String(parent.pid)]);
				parent.kill();
			}
		},
	);

	it('reports nothing for a process that does not exist', () => {
		const usage = sampleProcessTree(2 ** 22 + 12345).stop();
		expect(usage.peakProcesses).toBe(0);
	});
});

describe('the dist statistics', () => {
	it('counts pages and bytes, and measures entry pages only for the given slugs', () => {
		const dir = writeFiles({
			'index.html': 'x'.repeat(500),
			'entries/a/index.html': 'x'.repeat(100),
			'entries/b/index.html': 'x'.repeat(300),
			'entries/c/index.html': 'x'.repeat(200),
			'entries/old-a/index.html': 'x'.repeat(10),
			'pagefind/pagefind.js': 'x'.repeat(40),
		});
		expect(readDistStats(dir, ['a', 'b', 'c', 'draft'])).toEqual({
			pages: 5,
			bytes: 1150,
			entryPages: 3,
			medianEntryPage: 200,
			largestEntryPage: { path: 'entries/b/index.html', bytes: 300 },
			searchIndexBytes: 40,
			largestPage: { path: 'index.html', bytes: 500 },
		});
	});

	it('has no search index size when the build wrote none', () => {
		const dir = writeFiles({ 'entries/a/index.html': 'a' });
		expect(readDistStats(dir, ['a']).searchIndexBytes).toBeNull();
	});
});

describe('finding Chromium', () => {
	const dir = writeFiles({ 'bin/chromium': '#!/bin/sh\n', 'other/chrome': '#!/bin/sh\n' });
	chmodSync(join(dir, 'bin/chromium'), 0o755);
	chmodSync(join(dir, 'other/chrome'), 0o755);

	it('takes CHROMIUM_PATH first, and nothing else when it is not runnable', () => {
		const chrome = join(dir, 'other/chrome');
		expect(findChromium({ CHROMIUM_PATH: chrome, PATH: join(dir, 'bin') })).toBe(chrome);
		expect(
			findChromium({ CHROMIUM_PATH: join(dir, 'other/missing'), PATH: join(dir, 'bin') }),
		).toBeUndefined();
	});

	it('otherwise finds chromium on PATH', () => {
		expect(findChromium({ PATH: `${join(dir, 'other')}:${join(dir, 'bin')}` })).toBe(
			join(dir, 'bin/chromium'),
		);
		expect(findChromium({ PATH: join(dir, 'other') })).toBeUndefined();
	});
});

describe('the query measurement', () => {
	it('counts what Chromium downloads to search a Pagefind index', async () => {
		const pages = ['apple orchard harvest', 'apple pie recipe', 'pear tree'];
		const dir = writeFiles(
			Object.fromEntries(
				pages.map((text, i) => [
					`p${i}/index.html`,
					`<html lang="en"><body><h1>${text}</h1></body></html>`,
				]),
			),
		);
		const pagefind = spawnSync(
			process.execPath,
			[join(repoRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dir],
			{ encoding: 'utf8' },
		);
		expect(pagefind.status, pagefind.stderr).toBe(0);
		const server = await serveStatic(dir);
		try {
			const result = await measureQueryBytes(
				server.origin,
				{ kind: 'api', bundle: '/pagefind/' },
				'apple',
			);
			expect(result.results).toBe(2);
			// At least the script and the WebAssembly it loads come over the wire, with headers.
			const wasm = statSync(join(dir, 'pagefind/wasm.en.pagefind')).size;
			const script = statSync(join(dir, 'pagefind/pagefind.js')).size;
			expect(result.bytes).toBeGreaterThan(wasm + script);
		} finally {
			await server.close();
		}
	});
});

describe('npm run bench', () => {
	it.each([
		[['--entries', '10,abc'], /--entries must be/],
		[['--skip', 'dev,lunch'], /--skip does not know "lunch"/],
		[['--port', '0'], /--port must be a positive whole number/],
		[['--pairs', '0'], /--pairs must be a positive whole number/],
		[['--shapes', 'typical,tiny'], /--shapes does not know "tiny"/],
	])('exits 2 for a bad flag: %s', async (args, message) => {
		const result = await runCli(['bench', ...args]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});
});
