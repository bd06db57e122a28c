import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../../scripts/commands/init.ts';
import {
	jobsOn,
	makeWorkspace,
	PAGES_OUTPUTS,
	stepEnv,
	stepsOn,
	type Step,
	type Workspace,
} from '../skeleton.ts';
import { getBuild } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

let workspace: Workspace;
beforeAll(() => {
	workspace = makeWorkspace();
});

const job = (name: string) => workspace.workflow.jobs[name]!;
const uses = (steps: Step[], action: string) =>
	steps.filter((s) => s.uses?.split('@')[0] === action);
const runs = (steps: Step[]) => steps.flatMap((s) => (s.run ? [s.run] : []));

/** Runs a `run:` step as the runner would: bash, in the workspace, with its env. */
function runStep(step: Step, event: string, env: Record<string, string> = {}) {
	return spawnSync('bash', ['-e', '-c', step.run!], {
		cwd: join(workspace.root, step['working-directory'] ?? '.'),
		// setup-node puts the .nvmrc Node first on PATH.
		env: {
			...process.env,
			PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
			...stepEnv(workspace, step, event),
			...env,
		},
		encoding: 'utf8',
	});
}

describe('the GitHub workflow that init writes', () => {
	it('runs on pull requests, pushes to main, daily and by hand, reading contents only by default', () => {
		const { on, permissions } = workspace.workflow;
		expect(Object.keys(on).sort()).toEqual(
			['pull_request', 'push', 'schedule', 'workflow_dispatch'].sort(),
		);
		expect(on.push).toEqual({ branches: ['main'] });
		expect(permissions).toEqual({ contents: 'read' });
	});

	it('pins every action to a full commit SHA, its version in a comment', () => {
		const lines = workspace.text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines)
			expect(line).toMatch(/uses: actions\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
	});

	it('gives each job only the permissions it uses', () => {
		expect(job('check').permissions).toEqual({ contents: 'read' });
		expect(job('build').permissions).toEqual({ contents: 'read', pages: 'read' });
		expect(job('deploy').permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	});

	it('checks out the journal once per job and installs the package with npm ci, Node from .nvmrc', () => {
		for (const name of ['check', 'build']) {
			const steps = job(name).steps;
			const checkouts = uses(steps, 'actions/checkout');
			expect(checkouts).toHaveLength(1);
			expect(checkouts[0]?.with).not.toHaveProperty('repository');
			expect(checkouts[0]?.with).not.toHaveProperty('path');
			expect(uses(steps, 'actions/setup-node')[0]?.with).toMatchObject({
				'node-version-file': '.nvmrc',
			});
			expect(runs(steps)[0]).toMatch(/^npm ci\b/);
		}
		expect(existsSync(join(workspace.root, '.nvmrc'))).toBe(true);
	});

	it('on a pull request, checks with annotations, builds, keeps the site as an artifact and deploys nothing', () => {
		expect(jobsOn(workspace.workflow, 'pull_request')).toEqual(['check']);
		const steps = stepsOn(job('check'), 'pull_request');
		const commands = runs(steps);
		const check = commands.indexOf('npx --no outcome-journal check --format github');
		const build = commands.indexOf('npx --no outcome-journal build');
		expect(check).toBeGreaterThan(0);
		expect(build).toBeGreaterThan(check);
		const [artifact] = uses(steps, 'actions/upload-artifact');
		expect(artifact?.with?.path).toBe('dist');
		expect(uses(steps, 'actions/upload-pages-artifact')).toEqual([]);
	});

	it("passes the check step on the new journal, and annotates a broken entry by its path in the journal's repository", () => {
		const [check] = stepsOn(job('check'), 'pull_request').filter((s) =>
			s.run?.includes('check --format github'),
		);
		const clean = runStep(check!, 'pull_request');
		expect(clean.status, clean.stderr).toBe(0);
		expect(clean.stdout).not.toContain('::error');

		const broken = join(workspace.journal, CONTENT_DIR, 'entries/2026/broken.md');
		writeFileSync(
			broken,
			'---\ntitle: T\ndate: 2026-04-01\nauthors: [zed]\nstatus: shipped\n---\n',
		);
		try {
			const failed = runStep(check!, 'pull_request');
			expect(failed.status).toBe(1);
			expect(failed.stdout).toContain(`::error file=${CONTENT_DIR}/entries/2026/broken.md,line=4,`);

			// The summary runs even when the check failed, and lists its problems and what is due.
			const [summary] = stepsOn(job('check'), 'pull_request').filter((s) =>
				s.run?.includes('GITHUB_STEP_SUMMARY'),
			);
			expect(summary?.if).toBe('always()');
			const file = join(mkdtempSync(join(tmpdir(), 'journal-summary-')), 'summary.md');
			const written = runStep(summary!, 'pull_request', { GITHUB_STEP_SUMMARY: file });
			expect(written.status, written.stderr).toBe(0);
			const text = readFileSync(file, 'utf8');
			expect(text).toContain('entries/2026/broken.md');
			expect(text).toContain('"zed" is not a known person');
			expect(text).toMatch(/Nothing is due|due/);
		} finally {
			rmSync(broken);
		}
	});

	it('on main, builds with the Pages base and origin and uploads what it built; the audience comes from journal.yml', () => {
		expect(jobsOn(workspace.workflow, 'push')).toEqual(['build', 'deploy']);
		const steps = stepsOn(job('build'), 'push');
		const pages = steps.findIndex((s) => s.uses?.startsWith('actions/configure-pages@'));
		const build = steps.findIndex((s) => s.run === 'npx --no outcome-journal build');
		expect(steps[pages]?.id).toBe('pages');
		expect(pages).toBeGreaterThan(-1);
		expect(build).toBeGreaterThan(pages);
		const env = stepEnv(workspace, steps[build]!, 'push');
		expect(env).toEqual({
			JOURNAL_BASE: `${PAGES_OUTPUTS.base_path}/`,
			JOURNAL_SITE: PAGES_OUTPUTS.origin,
		});
		const [upload] = uses(steps.slice(build), 'actions/upload-pages-artifact');
		expect(upload?.with?.path).toBe('dist');
		expect(readFileSync(join(workspace.journal, CONTENT_DIR, 'journal.yml'), 'utf8')).toMatch(
			/^audience: public$/m,
		);
	});

	it('deploys to GitHub Pages after the build, one deployment at a time', () => {
		const deploy = job('deploy');
		expect(deploy.needs).toBe('build');
		expect(deploy.environment?.name).toBe('github-pages');
		expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
		expect(uses(deploy.steps, 'actions/deploy-pages')).toHaveLength(1);
	});
});

describe('the new journal, built as its workflow builds it on main', () => {
	const built = () => getBuild('skeleton');
	let slugs: string[];
	beforeAll(() => {
		slugs = readJournalFiles(join(built().journal, CONTENT_DIR)).entries.map((e) => e.id);
	});

	it('has a page for its first entry, linked under the Pages base', () => {
		expect(slugs).toHaveLength(1);
		for (const slug of slugs) {
			expect(existsSync(join(built().outDir, 'entries', slug, 'index.html'))).toBe(true);
		}
		const home = parse(readFileSync(join(built().outDir, 'index.html'), 'utf8'));
		const hrefs = home.querySelectorAll('a[href^="/"]').map((a) => a.getAttribute('href')!);
		expect(hrefs.length).toBeGreaterThan(0);
		expect(hrefs.filter((h) => !h.startsWith(`${PAGES_OUTPUTS.base_path}/`))).toEqual([]);
		expect(hrefs).toContain(`${PAGES_OUTPUTS.base_path}/entries/${slugs[0]}/`);
	});

	it('writes absolute links to the Pages address in the feed, and a sitemap', () => {
		const feed = new XMLParser().parse(readFileSync(join(built().outDir, 'rss.xml'), 'utf8'));
		const items = [feed.rss.channel.item].flat();
		expect(items.map((i: { link: string }) => i.link)).toEqual(
			slugs.map((slug) => `${PAGES_OUTPUTS.origin}${PAGES_OUTPUTS.base_path}/entries/${slug}/`),
		);
		expect(existsSync(join(built().outDir, 'sitemap-index.xml'))).toBe(true);
	});
});
