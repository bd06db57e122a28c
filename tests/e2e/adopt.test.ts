import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../../scripts/commands/init.ts';
import {
	makeWorkspace,
	PAGES_OUTPUTS,
	SKELETON,
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

/** Runs a `run:` step as the runner would: bash, in its working directory, with its env. */
function runStep(step: Step, event: string) {
	const cwd = join(workspace.root, step['working-directory'] ?? '.');
	return spawnSync('bash', ['-e', '-c', step.run!], {
		cwd,
		// setup-node puts the .nvmrc Node first on PATH.
		env: {
			...process.env,
			PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
			...stepEnv(workspace, step, event),
		},
		encoding: 'utf8',
	});
}

describe('the GitHub workflow that npm run init writes', () => {
	it('runs on pull requests, pushes to main, daily and by hand, reading contents only by default', () => {
		const { on, permissions } = workspace.workflow;
		expect(Object.keys(on).sort()).toEqual(
			['pull_request', 'push', 'schedule', 'workflow_dispatch'].sort(),
		);
		expect(on.push).toEqual({ branches: ['main'] });
		expect(permissions).toEqual({ contents: 'read' });
	});

	it('checks out the generator next to the journal, pinned to the tag given to init', () => {
		const steps = job('journal').steps;
		const [journal, generator] = uses(steps, 'actions/checkout');
		expect(journal?.with?.path).toBe('journal');
		expect(generator?.with).toMatchObject({
			repository: '${{ env.GENERATOR_REPOSITORY }}',
			ref: '${{ env.GENERATOR_REF }}',
			path: 'generator',
		});
		const [repository, ref] = SKELETON.flags[SKELETON.flags.indexOf('--generator') + 1]!.split('@');
		expect(workspace.workflow.env).toMatchObject({
			GENERATOR_REPOSITORY: repository,
			GENERATOR_REF: ref,
		});
		expect(uses(steps, 'actions/setup-node')[0]?.with).toMatchObject({
			'node-version-file': 'generator/.nvmrc',
		});
		expect(existsSync(join(workspace.root, 'generator/.nvmrc'))).toBe(true);
	});

	it('points JOURNAL_CONTENT at the content init wrote, in the journal checkout', () => {
		const [check] = stepsOn(job('journal'), 'pull_request').filter((s) => s.run?.includes('check'));
		expect(stepEnv(workspace, check!, 'pull_request').JOURNAL_CONTENT).toBe(
			join(workspace.journal, CONTENT_DIR),
		);
	});

	it('on a pull request, installs the generator and runs check --format github, and deploys nothing', () => {
		const steps = stepsOn(job('journal'), 'pull_request');
		const runs = steps.filter((s) => s.run);
		expect(
			runs.map((s) => [s['working-directory'], s.run?.split(' ').slice(0, 2).join(' ')]),
		).toEqual([
			['generator', 'npm ci'],
			['journal', 'node ../generator/scripts/cli.ts'],
		]);
		expect(runs[1]?.run).toMatch(/ check --format github$/);
		expect(uses(steps, 'actions/upload-pages-artifact')).toEqual([]);
		expect(job('deploy').if).toBe("github.event_name != 'pull_request'");
	});

	it("passes the check step on the new journal, and annotates a broken entry by its path in the journal's repository", () => {
		const [check] = stepsOn(job('journal'), 'pull_request').filter((s) => s.run?.includes('check'));
		const clean = runStep(check!, 'pull_request');
		expect(clean.status, clean.stderr).toBe(0);
		expect(clean.stdout).not.toContain('::error');

		const broken = join(workspace.journal, CONTENT_DIR, 'entries/2026/broken.md');
		writeFileSync(
			broken,
			'---\ntitle: T\ndate: 2026-04-01\nauthors: [zed]\nstatus: shipped\n---\n',
		);
		const failed = runStep(check!, 'pull_request');
		expect(failed.status).toBe(1);
		expect(failed.stdout).toContain(`::error file=${CONTENT_DIR}/entries/2026/broken.md,line=4,`);
	});

	it('on main, builds with the Pages base and origin and uploads what it built', () => {
		const steps = stepsOn(job('journal'), 'push');
		const pages = steps.findIndex((s) => s.uses?.startsWith('actions/configure-pages@'));
		const build = steps.findIndex((s) => s.run === 'npm run build');
		expect(steps[pages]?.id).toBe('pages');
		expect(pages).toBeGreaterThan(-1);
		expect(build).toBeGreaterThan(pages);
		expect(steps[build]?.['working-directory']).toBe('generator');
		expect(stepEnv(workspace, steps[build]!, 'push')).toMatchObject({
			JOURNAL_BASE: `${PAGES_OUTPUTS.base_path}/`,
			JOURNAL_SITE: PAGES_OUTPUTS.origin,
			JOURNAL_AUDIENCE: 'public',
		});
		const [upload] = uses(steps.slice(build), 'actions/upload-pages-artifact');
		expect(upload?.with?.path).toBe('generator/dist');
	});

	it('deploys to GitHub Pages after the build, one deployment at a time', () => {
		const deploy = job('deploy');
		expect(deploy.needs).toBe('journal');
		expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
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
