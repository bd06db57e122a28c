/**
 * The package as a team installs it: `npm pack`, the tarball installed into a fresh npm workspace
 * in a temp folder (no link to this checkout), then `init`, `new`, `check`, `build` and `preview`
 * through its bin, on the Node that runs the tests and on Node 22, the lowest it supports. The
 * installed package folder is made read-only and compared before and after: a journal's state
 * belongs in the journal's folder. (Tests that run as root can write anyway; the comparison
 * still catches it.) The same install serves a monorepo whose content lives elsewhere.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.ts';

const TODAY = '2026-06-01';
const MINUTES = 60_000;

let workspace: string;
let packageDir: string;
let bin: string;
let before: Map<string, string>;

/** Every file and folder under `dir` with its size and modification time. */
function snapshot(dir: string): Map<string, string> {
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	return new Map(
		entries.map((e) => {
			const path = join(e.parentPath, e.name);
			const stat = lstatSync(path);
			return [path, `${stat.size} ${stat.mtimeMs}`];
		}),
	);
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
	const result = spawnSync(command, args, {
		cwd,
		env: { ...process.env, JOURNAL_TODAY: TODAY, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
	});
	return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

function succeed(result: ReturnType<typeof run>) {
	expect(result.status, result.output).toBe(0);
	return result.output;
}

/** A Node 22 binary, installed from the npm registry once and kept in the temp folder. */
function node22Bin(): string {
	const prefix = join(tmpdir(), 'outcome-journal-node22');
	const bin = join(prefix, 'node_modules/.bin');
	if (!existsSync(join(bin, 'node')))
		succeed(
			run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', 'node@22'], tmpdir()),
		);
	return bin;
}

beforeAll(() => {
	const root = mkdtempSync(join(tmpdir(), 'journal-package-'));
	const packed = run('npm', ['pack', '--pack-destination', root], repoRoot);
	const tarball = join(root, packed.stdout.trim().split('\n').at(-1)!);
	expect(existsSync(tarball), packed.output).toBe(true);

	// An npm workspace: packages/site depends on the tarball, as a journal depends on a version.
	workspace = join(root, 'mono');
	mkdirSync(join(workspace, 'packages/site'), { recursive: true });
	const manifest = (value: object) => `${JSON.stringify(value, null, '\t')}\n`;
	writeFileSync(
		join(workspace, 'package.json'),
		manifest({ name: 'mono', private: true, workspaces: ['packages/*'] }),
	);
	writeFileSync(
		join(workspace, 'packages/site/package.json'),
		manifest({
			name: 'site',
			private: true,
			scripts: { build: 'outcome-journal build --content ../../docs/journal' },
			dependencies: { 'outcome-journal': `file:${tarball}` },
		}),
	);
	succeed(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], workspace));
	packageDir = join(workspace, 'node_modules/outcome-journal');
	bin = join(workspace, 'node_modules/.bin/outcome-journal');
	before = snapshot(packageDir);
	succeed(run('chmod', ['-R', 'a-w', packageDir], workspace));
}, 15 * MINUTES);

afterAll(() => {
	if (packageDir) run('chmod', ['-R', 'u+w', packageDir], workspace);
});

/** A free TCP port for a preview server. */
function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Starts `preview`, reads `paths` from it, and stops it. */
async function preview(journal: string, env: Record<string, string>, paths: string[]) {
	const port = await freePort();
	const server = spawn(bin, ['preview', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: journal,
		env: { ...process.env, ...env },
		stdio: 'ignore',
	});
	try {
		const base = `http://127.0.0.1:${port}`;
		for (let tries = 0; ; tries++) {
			const ready = await fetch(base).then(
				(r) => r.ok,
				() => false,
			);
			if (ready) break;
			if (tries > 120) throw new Error('preview did not answer within a minute');
			await new Promise((r) => setTimeout(r, 500));
		}
		return await Promise.all(
			paths.map(async (path) => {
				const response = await fetch(base + path);
				return { status: response.status, text: await response.text() };
			}),
		);
	} finally {
		server.kill();
	}
}

/** `init`, `new`, `check`, `build` and `preview` in a new journal folder of the workspace. */
function adopt(name: string, pathPrefix?: () => string) {
	let journal: string;
	let env: Record<string, string>;
	let buildOutput: string;
	beforeAll(() => {
		env = pathPrefix ? { PATH: `${pathPrefix()}:${process.env.PATH}` } : {};
		journal = join(workspace, 'packages', name);
		succeed(run(bin, ['init', journal, '--author', 'ana', '--team', 'payments'], workspace, env));
	}, 10 * MINUTES);

	it('runs on the Node it is given', () => {
		const version = run('node', ['--version'], journal, env).stdout.trim();
		expect(version).toMatch(pathPrefix ? /^v22\./ : /^v\d+\./);
	});

	it('writes a new entry public, as the journal is public, and checks clean', () => {
		const written = succeed(
			run(bin, ['new', '--title', 'Cut checkout latency', '--author', 'ana'], journal, env),
		);
		expect(written).toContain('entries/2026/cut-checkout-latency.md');
		expect(written).toContain('visibility: public');
		expect(succeed(run(bin, ['check'], journal, env)).trim()).toBe('No problems found.');
	});

	it('check names an internal entry that the public site leaves out', () => {
		writeFileSync(
			join(journal, 'content/entries/2026/quiet-fix.md'),
			'---\ntitle: Quiet fix\ndate: 2026-05-01\nauthors: [ana]\nstatus: shipped\n---\n',
		);
		expect(succeed(run(bin, ['check'], journal, env))).toContain(
			'The public site leaves out 1 entry marked internal: entries/2026/quiet-fix.md.',
		);
	});

	it(
		'builds into the journal folder, quietly but for the left-out entry',
		() => {
			buildOutput = succeed(run(bin, ['build'], journal, env));
			expect(buildOutput).toContain('leaves out 1 entry marked internal');
			expect(buildOutput).not.toMatch(/does not exist|is empty|No files found/);
			expect(buildOutput).toContain('Indexed 2 entries for search');
		},
		5 * MINUTES,
	);

	it('built the home page, the new entry and the search index', () => {
		const dist = join(journal, 'dist');
		const home = parse(readFileSync(join(dist, 'index.html'), 'utf8'));
		expect(home.textContent).toContain('1 team');
		expect(home.textContent).not.toContain('1 teams');
		expect(home.querySelector('a[href="/entries/cut-checkout-latency/"]')).not.toBeNull();
		const entry = readFileSync(join(dist, 'entries/cut-checkout-latency/index.html'), 'utf8');
		expect(parse(entry).querySelector('h1')?.textContent).toContain('Cut checkout latency');
		expect(existsSync(join(dist, 'entries/quiet-fix'))).toBe(false);
		const index = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
		expect(index.languages.en.page_count).toBe(2);
	});

	it(
		'previews the build',
		async () => {
			const [home, entry] = await preview(journal, env, ['/', '/entries/cut-checkout-latency/']);
			expect(home?.status).toBe(200);
			expect(entry?.status).toBe(200);
			expect(entry?.text).toContain('Cut checkout latency');
		},
		2 * MINUTES,
	);

	it("keeps Astro's state in the journal folder and leaves the package as it was", () => {
		expect(existsSync(join(journal, '.astro'))).toBe(true);
		expect(readdirSync(join(journal, 'node_modules/.astro')).length).toBeGreaterThan(0);
		expect(existsSync(join(workspace, '.astro'))).toBe(false);
		expect(existsSync(join(workspace, 'node_modules/.astro'))).toBe(false);
		expect(snapshot(packageDir)).toEqual(before);
	});
}

describe('the packed package, installed and run on this Node', () => adopt('journal'));

describe('the packed package on Node 22', () => adopt('journal22', node22Bin));

describe('in a monorepo: a workspace folder builds content kept elsewhere', () => {
	it(
		'builds docs/journal from packages/site with --content, through its npm script',
		() => {
			const content = join(workspace, 'docs/journal');
			mkdirSync(dirname(content), { recursive: true });
			cpSync(join(workspace, 'packages/journal/content'), content, { recursive: true });
			const site = join(workspace, 'packages/site');
			expect(succeed(run(bin, ['check', '--content', '../../docs/journal'], site))).toContain(
				'leaves out 1 entry',
			);
			succeed(run('npm', ['run', 'build'], site));
			expect(existsSync(join(site, 'dist/entries/cut-checkout-latency/index.html'))).toBe(true);
			expect(existsSync(join(content, 'dist'))).toBe(false);
			expect(snapshot(packageDir)).toEqual(before);
		},
		5 * MINUTES,
	);
});
