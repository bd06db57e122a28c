/**
 * The package as a team installs it: `npm pack`, the tarball installed into a fresh npm workspace
 * in a temp folder (no link to this checkout), then `init`, `new`, `check`, `build`, `preview`
 * and `dev` through its bin, on the Node that runs the tests and on Node 22, the lowest it
 * supports. The installed package folder is made read-only and compared before and after: a
 * journal's state belongs in the journal's folder. (Tests that run as root can write anyway; the comparison
 * still catches it.) The same install serves a monorepo whose content lives elsewhere.
 */
import { execFile, spawn, type ExecFileException } from 'node:child_process';
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
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.ts';
import { freePort, serverEnv } from './server-process.ts';

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

const execFileAsync = promisify(execFile);

/**
 * Runs a command to its end without blocking: the journeys on each Node run side by side, each
 * mostly waiting for its build.
 */
async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
	const options = {
		cwd,
		env: { ...process.env, JOURNAL_TODAY: TODAY, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8' as const,
		maxBuffer: 64 * 1024 * 1024,
	};
	try {
		const { stdout, stderr } = await execFileAsync(command, args, options);
		return { status: 0, stdout, output: `${stdout}\n${stderr}` };
	} catch (error) {
		const failed = error as ExecFileException & { stdout: string; stderr: string };
		// Not started at all (no such command): nothing to report but the error.
		if (typeof failed.code !== 'number') throw error;
		return {
			status: failed.code,
			stdout: failed.stdout,
			output: `${failed.stdout}\n${failed.stderr}`,
		};
	}
}

function succeed(result: Awaited<ReturnType<typeof run>>) {
	expect(result.status, result.output).toBe(0);
	return result.output;
}

/** A Node 22 binary, installed from the npm registry once and kept in the temp folder. */
async function node22Bin(): Promise<string> {
	const prefix = join(tmpdir(), 'outcome-journal-node22');
	const bin = join(prefix, 'node_modules/.bin');
	if (!existsSync(join(bin, 'node')))
		succeed(
			await run(
				'npm',
				['install', '--prefix', prefix, '--no-audit', '--no-fund', 'node@22'],
				tmpdir(),
			),
		);
	return bin;
}

beforeAll(async () => {
	const root = mkdtempSync(join(tmpdir(), 'journal-package-'));
	const packed = await run('npm', ['pack', '--pack-destination', root], repoRoot);
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
	succeed(await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], workspace));
	packageDir = join(workspace, 'node_modules/outcome-journal');
	bin = join(workspace, 'node_modules/.bin/outcome-journal');
	before = snapshot(packageDir);
	succeed(await run('chmod', ['-R', 'a-w', packageDir], workspace));
}, 15 * MINUTES);

afterAll(async () => {
	if (packageDir) await run('chmod', ['-R', 'u+w', packageDir], workspace);
});

/**
 * Starts `command` (`preview` or `dev`), reads `paths` from it once it answers, and stops it;
 * with what it printed by then.
 */
async function serve(
	command: 'preview' | 'dev',
	journal: string,
	env: Record<string, string>,
	paths: string[],
) {
	const port = await freePort();
	const server = spawn(bin, [command, '--port', String(port), '--host', '127.0.0.1'], {
		cwd: journal,
		env: { ...serverEnv(), JOURNAL_TODAY: TODAY, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	for (const stream of [server.stdout, server.stderr]) stream.on('data', (d) => (output += d));
	try {
		const base = `http://127.0.0.1:${port}`;
		for (let tries = 0, last = ''; ; tries++) {
			const ready = await fetch(base).then(
				async (r) => r.ok || ((last = `${r.status} ${(await r.text()).slice(0, 2000)}`), false),
				() => false,
			);
			if (ready) break;
			if (tries > 600)
				throw new Error(`${command} did not answer within a minute:\n${output}\n${last}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const pages = await Promise.all(
			paths.map(async (path) => {
				const response = await fetch(base + path);
				return { status: response.status, text: await response.text() };
			}),
		);
		return { pages, output };
	} finally {
		server.kill();
	}
}

/** `init`, `new`, `check`, `build`, `preview` and `dev` in a new journal folder of the workspace. */
function adopt(name: string, pathPrefix?: () => Promise<string>) {
	let journal: string;
	let env: Record<string, string>;
	let buildOutput: string;
	// Each step needs the one before it: in order, though the two journeys run side by side.
	const inOrder = { concurrent: false };
	beforeAll(async () => {
		env = pathPrefix ? { PATH: `${await pathPrefix()}:${process.env.PATH}` } : {};
		journal = join(workspace, 'packages', name);
		succeed(
			await run(bin, ['init', journal, '--author', 'ana', '--team', 'payments'], workspace, env),
		);
	}, 10 * MINUTES);

	it('runs on the Node it is given', inOrder, async () => {
		const version = (await run('node', ['--version'], journal, env)).stdout.trim();
		expect(version).toMatch(pathPrefix ? /^v22\./ : /^v\d+\./);
	});

	it('writes a new entry public, as the journal is public, and checks clean', inOrder, async () => {
		const written = succeed(
			await run(bin, ['new', '--title', 'Cut checkout latency', '--author', 'ana'], journal, env),
		);
		expect(written).toContain('entries/2026/cut-checkout-latency.md');
		expect(written).toContain('visibility: public');
		expect(succeed(await run(bin, ['check'], journal, env)).trim()).toBe('No problems found.');
	});

	it('check names an internal entry that the public site leaves out', inOrder, async () => {
		writeFileSync(
			join(journal, 'content/entries/2026/quiet-fix.md'),
			'---\ntitle: Quiet fix\ndate: 2026-05-01\nauthors: [ana]\nstatus: shipped\n---\n',
		);
		expect(succeed(await run(bin, ['check'], journal, env))).toContain(
			'The public site leaves out 1 entry marked internal: entries/2026/quiet-fix.md.',
		);
	});

	it(
		'builds into the journal folder, quietly but for the left-out entry',
		{ ...inOrder, timeout: 5 * MINUTES },
		async () => {
			buildOutput = succeed(await run(bin, ['build'], journal, env));
			expect(buildOutput).toContain('leaves out 1 entry marked internal');
			expect(buildOutput).not.toContain("check ran on Astro's thread");
			expect(buildOutput).not.toMatch(/does not exist|is empty|No files found/);
			expect(buildOutput).toContain('Indexed 2 entries for search');
		},
	);

	it('built the home page, the new entry and the search index', inOrder, () => {
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

	it('previews the build', { ...inOrder, timeout: 2 * MINUTES }, async () => {
		const { pages } = await serve('preview', journal, env, ['/', '/entries/cut-checkout-latency/']);
		const [home, entry] = pages;
		expect(home?.status).toBe(200);
		expect(entry?.status).toBe(200);
		expect(entry?.text).toContain('Cut checkout latency');
	});

	it(
		'serves the journal in dev, checked on its own thread by the compiled checker',
		{ ...inOrder, timeout: 2 * MINUTES },
		async () => {
			const { pages, output } = await serve('dev', journal, env, [
				'/entries/cut-checkout-latency/',
			]);
			expect(pages[0]?.text).toContain('Cut checkout latency');
			// The check's report reaches the terminal; no message says it fell back to Astro's thread.
			expect(output).toContain('leaves out 1 entry marked internal');
			expect(output).not.toContain("check ran on Astro's thread");
		},
	);

	it("keeps Astro's state in the journal folder and leaves the package as it was", inOrder, () => {
		expect(existsSync(join(journal, '.astro'))).toBe(true);
		expect(readdirSync(join(journal, 'node_modules/.astro')).length).toBeGreaterThan(0);
		expect(existsSync(join(workspace, '.astro'))).toBe(false);
		expect(existsSync(join(workspace, 'node_modules/.astro'))).toBe(false);
		expect(snapshot(packageDir)).toEqual(before);
	});
}

// The two Nodes' journeys run side by side, each its steps in order.
describe('the packed package, installed and run on this Node', { concurrent: true }, () =>
	adopt('journal'),
);

describe('the packed package on Node 22', { concurrent: true }, () =>
	adopt('journal22', node22Bin),
);

describe('in a monorepo: a workspace folder builds content kept elsewhere', () => {
	it(
		'builds docs/journal from packages/site with --content, through its npm script',
		async () => {
			const content = join(workspace, 'docs/journal');
			mkdirSync(dirname(content), { recursive: true });
			cpSync(join(workspace, 'packages/journal/content'), content, { recursive: true });
			const site = join(workspace, 'packages/site');
			expect(succeed(await run(bin, ['check', '--content', '../../docs/journal'], site))).toContain(
				'leaves out 1 entry',
			);
			succeed(await run('npm', ['run', 'build'], site));
			expect(existsSync(join(site, 'dist/entries/cut-checkout-latency/index.html'))).toBe(true);
			expect(existsSync(join(content, 'dist'))).toBe(false);
			expect(snapshot(packageDir)).toEqual(before);
		},
		5 * MINUTES,
	);
});
