/** Sharded builds: which shard writes what, and joining the shards' folders into one site. */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/lib/content/env.ts';
import { astroCacheDir } from '../../src/lib/integration/cache-dir.ts';
import { mergeShards } from '../../src/lib/site/shard-merge.ts';
import { writesEntry, writesLists } from '../../src/lib/site/shard.ts';
import { makeJournal, runCli } from '../helpers.ts';

/** A temp folder holding `files` (path → text). */
function folder(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'shard-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

const newFolder = () => join(mkdtempSync(join(tmpdir(), 'merged-')), 'dist');

describe('what a shard writes', () => {
	it('a year shard writes the pages of the entries dated that year, and no list page', () => {
		const shard = { kind: 'year', year: '2025' } as const;
		expect(writesEntry(shard, '2025-01-01')).toBe(true);
		expect(writesEntry(shard, '2025-12-31')).toBe(true);
		expect(writesEntry(shard, '2024-12-31')).toBe(false);
		expect(writesLists(shard)).toBe(false);
	});

	it('the lists shard writes no entry page; a whole build writes everything', () => {
		expect(writesEntry({ kind: 'lists' }, '2025-01-01')).toBe(false);
		expect(writesLists({ kind: 'lists' })).toBe(true);
		expect(writesEntry(undefined, '2025-01-01')).toBe(true);
		expect(writesLists(undefined)).toBe(true);
	});

	it("gives each shard a cache of its own, apart from the whole build's", () => {
		const caches = [undefined, { kind: 'lists' } as const, { kind: 'year', year: '2025' } as const];
		expect(new Set(caches.map((shard) => astroCacheDir('/j', shard))).size).toBe(3);
	});
});

describe('mergeShards', () => {
	const css = 'body{color:red}';

	it('copies every file, and a file that several shards wrote identically once', () => {
		const a = folder({ 'index.html': 'home', '_astro/site.css': css });
		const b = folder({ 'entries/x/index.html': 'x', '_astro/site.css': css });
		const out = newFolder();
		expect(mergeShards([a, b], out)).toEqual({ files: 3, shared: 1, conflicts: [] });
		expect(readdirSync(out, { recursive: true }).sort()).toEqual([
			'_astro',
			'_astro/site.css',
			'entries',
			'entries/x',
			'entries/x/index.html',
			'index.html',
		]);
		expect(readFileSync(join(out, 'entries/x/index.html'), 'utf8')).toBe('x');
	});

	it('copies nothing when two shards wrote a file differently, and names it', () => {
		const a = folder({ 'index.html': 'home', '_astro/site.css': css });
		const b = folder({ 'entries/x/index.html': 'x', '_astro/site.css': 'body{}' });
		const out = newFolder();
		expect(mergeShards([a, b], out)).toEqual({
			files: 0,
			shared: 0,
			conflicts: [{ path: '_astro/site.css', shards: [a, b] }],
		});
		expect(existsSync(out)).toBe(false);
	});

	it('refuses a folder that is not empty, a missing shard and no shard at all', () => {
		const a = folder({ 'index.html': 'home' });
		expect(() => mergeShards([a], folder({ 'old.html': '' }))).toThrow(/is not empty/);
		expect(() => mergeShards([a, join(a, 'nowhere')], newFolder())).toThrow(/does not exist/);
		expect(() => mergeShards([], newFolder())).toThrow(UsageError);
	});
});

describe('npm run shards', () => {
	it('lists the lists shard and one shard per year of published entries, as JSON', async () => {
		const result = await runCli(['shards', 'list', '--content', makeJournal()]);
		expect(result).toMatchObject({ code: 0, stdout: '["lists","year:2025","year:2026"]' });
	});

	it('merges shard folders into --out', async () => {
		const a = folder({ 'index.html': 'home' });
		const b = folder({ 'entries/x/index.html': 'x' });
		const out = newFolder();
		const result = await runCli(['shards', 'merge', '--out', out, a, b], { JOURNAL_SEARCH: '0' });
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Merged 2 shards into .*: 2 files \(0 shared by shards/);
		expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('home');
	});

	it('exits 1 on a file two shards wrote differently, naming the file and both shards', async () => {
		const a = folder({ '404.html': 'one' });
		const b = folder({ '404.html': 'two' });
		const result = await runCli(['shards', 'merge', '--out', newFolder(), a, b]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('1 file written differently by two shards');
		expect(result.stderr).toContain(`  404.html: ${a} and ${b} differ`);
	});

	it('exits 2 without "list" or "merge"', async () => {
		for (const args of [['shards'], ['shards', 'build'], ['shards', 'list', 'extra']]) {
			const result = await runCli(args);
			expect(result.code, args.join(' ')).toBe(2);
		}
		expect((await runCli(['shards'])).stderr).toContain('shards needs "list" or "merge"');
	});
});
