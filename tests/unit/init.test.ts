import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_DIR, DEPENDABOT_PATH, WORKFLOW_PATH } from '../../scripts/commands/init.ts';
import { loadJournal } from '../../src/lib/content/load.ts';
import { repoRoot, runCli } from '../helpers.ts';

const TODAY = '2026-06-01';
const tempDir = () => mkdtempSync(join(tmpdir(), 'journal-init-'));

function filesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)))
		.sort();
}

const init = (dir: string, ...flags: string[]) =>
	runCli(['init', dir, ...flags], { JOURNAL_TODAY: TODAY });

describe('npm run init', () => {
	it('writes the content, package.json, .nvmrc, .gitignore, the workflow and Dependabot settings', async () => {
		const dir = join(tempDir(), 'journal');
		const result = await init(dir, '--author', 'ana-souza', '--team', 'payments');
		expect(result.code).toBe(0);
		const journal = loadJournal(join(dir, CONTENT_DIR));
		expect(journal.people.map((p) => [p.id, p.data?.name, p.data?.team])).toEqual([
			['ana-souza', 'Ana Souza', 'payments'],
		]);
		expect(journal.teams.map((t) => [t.id, t.data?.name, t.data?.lead])).toEqual([
			['payments', 'Payments', 'ana-souza'],
		]);
		expect(journal.config.title).toBe('Payments Outcome Journal');
		expect(journal.config.audience).toBe('public');
		const [entry] = journal.entries;
		expect(journal.entries).toHaveLength(1);
		expect(entry?.data).toMatchObject({
			date: TODAY,
			authors: ['ana-souza'],
			team: 'payments',
			visibility: 'public',
		});
		const files = [
			WORKFLOW_PATH,
			DEPENDABOT_PATH,
			'package.json',
			'.nvmrc',
			'.gitignore',
			join(CONTENT_DIR, entry!.file),
			join(CONTENT_DIR, 'journal.yml'),
			join(CONTENT_DIR, 'people/ana-souza.yml'),
			join(CONTENT_DIR, 'teams/payments.yml'),
		];
		expect(filesIn(dir)).toEqual(files.sort());
		for (const file of files) expect(result.stdout).toContain(file);
	});

	it('writes a first entry from the same template as npm run new', async () => {
		const dir = join(tempDir(), 'journal');
		await init(dir, '--author', 'ana', '--team', 'payments');
		const [entry] = loadJournal(join(dir, CONTENT_DIR)).entries;
		const text = readFileSync(join(dir, CONTENT_DIR, entry!.file), 'utf8');
		const root = join(tempDir(), 'other');
		cpSync(join(dir, CONTENT_DIR), root, { recursive: true });
		const scaffolded = await runCli(
			['new', '--content', root, '--title', 'Another one', '--author', 'ana', '--team', 'payments'],
			{ JOURNAL_TODAY: TODAY },
		);
		const other = readFileSync(join(root, `entries/2026/another-one.md`), 'utf8');
		expect(scaffolded.code).toBe(0);
		// In a public journal, `new` writes entries public as init does: only the title differs.
		const differing = text.split('\n').filter((line, i) => line !== other.split('\n')[i]);
		expect(differing).toEqual(['title: "Started our outcome journal"']);
		expect(other).toContain('\nvisibility: public   # internal | public\n');
		expect(scaffolded.stdout).toContain('It is marked `visibility: public`');
	});

	it('with --audience internal, sets it in journal.yml and new entries stay internal by default', async () => {
		const dir = join(tempDir(), 'journal');
		const result = await init(dir, '--author', 'ana', '--audience', 'internal');
		expect(result.stdout).toContain('Audience: internal.');
		const root = join(dir, CONTENT_DIR);
		expect(loadJournal(root).config.audience).toBe('internal');
		await runCli(['new', '--content', root, '--title', 'Internal one', '--author', 'ana'], {
			JOURNAL_TODAY: TODAY,
		});
		const [added] = loadJournal(root).entries.filter((e) => e.id === 'internal-one');
		expect(added?.data?.visibility).toBe('internal');
	});

	it('pins this exact version in package.json, with the commands a journal runs, and Node 22.12 or later', async () => {
		const dir = join(tempDir(), 'payments journal');
		await init(dir);
		const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
		expect(manifest).toMatchObject({
			name: 'payments-journal',
			private: true,
			dependencies: { 'outcome-journal': version },
			engines: { node: '>=22.12' },
		});
		for (const script of ['dev', 'build', 'check', 'new'])
			expect(manifest.scripts[script]).toBe(`outcome-journal ${script}`);
		expect(readFileSync(join(dir, '.nvmrc'), 'utf8').trim()).toMatch(/^\d+$/);
		expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(
			expect.arrayContaining(['node_modules/', 'dist/', '.astro/']),
		);
	});

	it('has Dependabot update outcome-journal and the pinned actions', async () => {
		const dir = tempDir();
		await init(dir);
		const { updates } = parse(readFileSync(join(dir, DEPENDABOT_PATH), 'utf8'));
		expect(updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem'])).toEqual([
			'npm',
			'github-actions',
		]);
		expect(updates[0].allow).toEqual([{ 'dependency-name': 'outcome-journal' }]);
	});

	it('writes a journal that passes check with no problems at all', async () => {
		const dir = join(tempDir(), 'journal');
		await init(dir);
		const check = await runCli(['check', '--content', join(dir, CONTENT_DIR)], {
			JOURNAL_TODAY: TODAY,
		});
		expect(check).toMatchObject({ code: 0, stdout: 'No problems found.' });
	});

	it('writes into an existing empty folder', async () => {
		const dir = tempDir();
		expect((await init(dir)).code).toBe(0);
		expect(filesIn(dir)).toContain(WORKFLOW_PATH);
	});

	it.each([
		['a file', (dir: string) => writeFileSync(join(dir, 'README.md'), 'ours\n')],
		['an empty subfolder', (dir: string) => mkdirSync(join(dir, 'content'))],
		['a hidden file', (dir: string) => writeFileSync(join(dir, '.gitignore'), 'dist\n')],
	])('refuses a folder that holds %s, and changes nothing in it', async (_, fill) => {
		const dir = tempDir();
		fill(dir);
		const before = readdirSync(dir, { recursive: true });
		const result = await init(dir);
		expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('is not an empty') });
		expect(readdirSync(dir, { recursive: true })).toEqual(before);
	});

	it('refuses a path that is a file, and leaves the file alone', async () => {
		const file = join(tempDir(), 'journal');
		writeFileSync(file, 'mine\n');
		expect((await init(file)).code).toBe(1);
		expect(readFileSync(file, 'utf8')).toBe('mine\n');
	});

	it.each([
		[[], /Name the folder/],
		[['a', 'b'], /Unexpected argument "b"/],
		[['x', '--author', 'Ana'], /--author "Ana" is not an id/],
		[['x', '--team', 'pay ments'], /--team "pay ments" is not an id/],
		[['x', '--audience', 'everyone'], /--audience "everyone" must be "public" or "internal"/],
		[['x', '--generator', 'acme/outcome-journal'], /Unknown option '--generator'/],
		[['x', '--title', 'T'], /Unknown option '--title'/],
	])('exits 2 for bad arguments, writing nothing: %s', async (args, message) => {
		const cwd = tempDir();
		const result = await runCli(['init', ...args], { JOURNAL_TODAY: TODAY }, cwd);
		expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
		expect(readdirSync(cwd)).toEqual([]);
	});
});

describe('a template copy (content/ replaced, no JOURNAL_CONTENT)', () => {
	it('checks ./content and annotates files by their path from the repository root', async () => {
		const skeleton = join(tempDir(), 'skeleton');
		await init(skeleton);
		const copy = tempDir();
		cpSync(join(skeleton, CONTENT_DIR), join(copy, 'content'), { recursive: true });
		writeFileSync(
			join(copy, 'content/entries/x.md'),
			'---\ntitle: T\ndate: 2026-04-01\nauthors: [zed]\nstatus: shipped\n---\n',
		);
		const result = await runCli(['check', '--format', 'github'], { JOURNAL_TODAY: TODAY }, copy);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/^::error file=content\/entries\/x\.md,line=4,/m);
	});
});
