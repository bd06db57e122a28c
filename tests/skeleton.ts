/**
 * A journal repository made by `outcome-journal init`, laid out as its GitHub workflow sees it:
 * checked out at the workspace's root, with the package's command in node_modules/.bin as
 * `npm ci` puts it there (here a link to this checkout's bin). With the workflow read back from
 * the skeleton, tests run its steps the way the runner would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKFLOW_PATH } from '../scripts/commands/init.ts';
import { repoRoot } from './helpers.ts';

/** The flags and date every skeleton in the tests is made with, so two runs make the same files. */
export const SKELETON = {
	flags: ['--author', 'ana', '--team', 'payments'],
	today: '2026-06-01',
};

/** What configure-pages reports for a project site at https://acme.github.io/payments-journal/. */
export const PAGES_OUTPUTS = { base_path: '/payments-journal', origin: 'https://acme.github.io' };

export interface Step {
	name?: string;
	id?: string;
	if?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string | number>;
	env?: Record<string, string>;
	'working-directory'?: string;
}

export interface Job {
	if?: string;
	'runs-on'?: string;
	needs?: string;
	permissions?: Record<string, string>;
	environment?: { name: string; url: string };
	concurrency?: { group: string; 'cancel-in-progress': boolean };
	steps: Step[];
}

export interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	env?: Record<string, string>;
	jobs: Record<string, Job>;
}

export interface Workspace {
	/** $GITHUB_WORKSPACE, where the journal is checked out (init's DIR). */
	root: string;
	/** The same folder, by the name the tests read it under. */
	journal: string;
	/** The workflow's text, as init wrote it. */
	text: string;
	workflow: Workflow;
}

/** Runs `init` into a new workspace and links the package's command into its node_modules/.bin. */
export function makeWorkspace(): Workspace {
	const root = mkdtempSync(join(tmpdir(), 'journal-workspace-'));
	const init = spawnSync(process.execPath, ['scripts/cli.ts', 'init', root, ...SKELETON.flags], {
		cwd: repoRoot,
		env: { ...process.env, JOURNAL_TODAY: SKELETON.today },
		encoding: 'utf8',
	});
	if (init.status !== 0) throw new Error(`init failed:\n${init.stderr}`);
	mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
	symlinkSync(
		join(repoRoot, 'bin/outcome-journal.js'),
		join(root, 'node_modules/.bin/outcome-journal'),
	);
	const text = readFileSync(join(root, WORKFLOW_PATH), 'utf8');
	return { root, journal: root, text, workflow: parse(text) as Workflow };
}

/** The values of the expressions the workflow uses, on one event. */
export function expressionValues(workspace: Workspace, event: string): Record<string, string> {
	const values: Record<string, string> = {
		'github.workspace': workspace.root,
		'github.event_name': event,
		...Object.fromEntries(
			Object.entries(PAGES_OUTPUTS).map(([key, value]) => [`steps.pages.outputs.${key}`, value]),
		),
	};
	for (const [name, value] of Object.entries(workspace.workflow.env ?? {}))
		values[`env.${name}`] = evaluate(value, values);
	return values;
}

/** Replaces each `${{ expression }}`; an expression the tests do not know fails loudly. */
export function evaluate(text: string, values: Record<string, string>): string {
	return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
		const value = values[expression];
		if (value === undefined) throw new Error(`unknown expression in the workflow: ${expression}`);
		return value;
	});
}

/** Whether an `if:` holds on `event` (only the conditions the workflow uses). */
export function runsOn(condition: string | undefined, event: string): boolean {
	if (condition === undefined || condition.trim() === 'always()') return true;
	const match = /^github\.event_name (==|!=) '(\w+)'$/.exec(condition.trim());
	if (!match) throw new Error(`unknown condition in the workflow: ${condition}`);
	return (match[1] === '==') === (event === match[2]);
}

/** A job's steps that run on `event`. */
export function stepsOn(job: Job, event: string): Step[] {
	return job.steps.filter((step) => runsOn(step.if, event));
}

/** The names of the jobs that run on `event`. */
export function jobsOn(workflow: Workflow, event: string): string[] {
	return Object.entries(workflow.jobs)
		.filter(([, job]) => runsOn(job.if, event))
		.map(([name]) => name);
}

/** The environment a step's commands see: the workflow's `env` and the step's, evaluated. */
export function stepEnv(workspace: Workspace, step: Step, event: string): Record<string, string> {
	const values = expressionValues(workspace, event);
	const env = { ...workspace.workflow.env, ...step.env };
	return Object.fromEntries(
		Object.entries(env).map(([name, value]) => [name, evaluate(value, values)]),
	);
}
