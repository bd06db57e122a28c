/**
 * A journal made by `npm run init`, laid out as its GitHub workflow sees it: the journal checked
 * out at <workspace>/journal and this repository (the generator) at <workspace>/generator. With
 * the workflow read back from the skeleton, tests run its steps the way the runner would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKFLOW_PATH } from '../scripts/commands/init.ts';
import { repoRoot } from './helpers.ts';

/** The flags and date every skeleton in the tests is made with, so two runs make the same files. */
export const SKELETON = {
	flags: ['--author', 'ana', '--team', 'payments', '--generator', 'acme/outcome-journal@v9.8.7'],
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
	needs?: string;
	permissions?: Record<string, string>;
	environment?: { name: string; url: string };
	concurrency?: { group: string; 'cancel-in-progress': boolean };
	steps: Step[];
}

export interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	env: Record<string, string>;
	jobs: Record<string, Job>;
}

export interface Workspace {
	/** $GITHUB_WORKSPACE */
	root: string;
	/** Where the workflow checks out the journal (init's DIR). */
	journal: string;
	workflow: Workflow;
}

/** Runs `init` into <workspace>/journal and links this repository in as <workspace>/generator. */
export function makeWorkspace(): Workspace {
	const root = mkdtempSync(join(tmpdir(), 'journal-workspace-'));
	const journal = join(root, 'journal');
	const init = spawnSync(process.execPath, ['scripts/cli.ts', 'init', journal, ...SKELETON.flags], {
		cwd: repoRoot,
		env: { ...process.env, JOURNAL_TODAY: SKELETON.today },
		encoding: 'utf8',
	});
	if (init.status !== 0) throw new Error(`init failed:\n${init.stderr}`);
	symlinkSync(repoRoot, join(root, 'generator'));
	const workflow = parse(readFileSync(join(journal, WORKFLOW_PATH), 'utf8')) as Workflow;
	return { root, journal, workflow };
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
	for (const [name, value] of Object.entries(workspace.workflow.env))
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

/** Whether an `if:` holds on `event` (only the event-name comparisons the workflow uses). */
export function runsOn(condition: string | undefined, event: string): boolean {
	if (condition === undefined) return true;
	const match = /^github\.event_name (==|!=) '(\w+)'$/.exec(condition.trim());
	if (!match) throw new Error(`unknown condition in the workflow: ${condition}`);
	return (match[1] === '==') === (event === match[2]);
}

/** A job's steps that run on `event`. */
export function stepsOn(job: Job, event: string): Step[] {
	return job.steps.filter((step) => runsOn(step.if, event));
}

/** The environment a step's commands see: the workflow's `env` and the step's, evaluated. */
export function stepEnv(workspace: Workspace, step: Step, event: string): Record<string, string> {
	const values = expressionValues(workspace, event);
	const env = { ...workspace.workflow.env, ...step.env };
	return Object.fromEntries(
		Object.entries(env).map(([name, value]) => [name, evaluate(value, values)]),
	);
}
