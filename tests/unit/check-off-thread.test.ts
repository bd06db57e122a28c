import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkJournal } from '../../src/lib/content/check.ts';
import { parseCacheFile } from '../../src/lib/content/parse-cache.ts';
import { checkOffThread } from '../../src/lib/integration/check-off-thread.ts';
import {
	checkedDataOf,
	checkedDataReady,
	checkedJournal,
	dropCheckedJournal,
	handOverLater,
	type CheckedData,
} from '../../src/lib/integration/checked-data.ts';
import { journalIntegration } from '../../src/lib/integration/integration.ts';
import { makeJournal } from '../helpers.ts';

const TODAY = '2026-06-01';

/** A journal with one warning: a shipped entry whose follow-up is long due. */
const files = {
	'entries/2026/due.md':
		'---\ntitle: Due\ndate: 2026-01-02\nauthors: [ana]\nstatus: shipped\n---\nText.\n',
};

/** Every file that passed the schema, by absolute path, with its data, as the checker read it. */
function dataByPath(root: string): Map<string, unknown> {
	const { journal } = checkJournal(root, TODAY);
	const { people, teams, features, metrics, entries } = journal;
	return new Map(
		[...people, ...teams, ...features, ...metrics, ...entries].flatMap((doc) =>
			doc.data === undefined ? [] : [[join(root, doc.file), doc.data] as const],
		),
	);
}

/** A folder with node_modules, where the checker keeps its cache. */
function projectFolder(): string {
	const cwd = mkdtempSync(join(tmpdir(), 'project-'));
	mkdirSync(join(cwd, 'node_modules'));
	return cwd;
}

/** Runs the integration's setup hook for `command` on the journal at `root`, as Astro would. */
function setUp(
	root: string,
	command: 'build' | 'dev',
	logger: { warn: (text: string) => void; error: () => void } = { warn() {}, error() {} },
): void {
	const setup = journalIntegration({ root, today: TODAY }).hooks['astro:config:setup'] as (
		options: unknown,
	) => void;
	const cacheDir = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'cache-'))}/`);
	setup({ command, config: { cacheDir }, logger });
}

describe('the check on another thread', () => {
	afterEach(dropCheckedJournal);

	it('reports what the checker finds, with the data of every file that passed, and keeps the cache after', async () => {
		const root = makeJournal(files);
		const cwd = projectFolder();
		const report = await checkOffThread(root, TODAY, 123, { cwd });
		// Only a check on this thread, after the worker failed, says why it ran here.
		expect(report.onThisThread).toBeUndefined();
		const here = checkJournal(root, TODAY);
		expect(report.problems).toEqual(here.problems);
		expect(report.problems.map((p) => p.file)).toContain('entries/2026/due.md');
		expect(report.checked.readAt).toBe(123);
		expect(report.checked.data).toEqual(dataByPath(root));
		expect(report.checked.data.get(join(root, 'entries/2026/due.md'))).toMatchObject({
			title: 'Due',
		});
		await vi.waitFor(() => expect(existsSync(parseCacheFile(cwd)!)).toBe(true));
	});

	it('checks on this thread when the worker ends without a report, or fails', async () => {
		const root = makeJournal(files);
		const scratch = mkdtempSync(join(tmpdir(), 'worker-'));
		const here = checkJournal(root, TODAY);
		for (const [name, code, why] of [
			['ends.mjs', 'process.exit(3);', 'its thread stopped with code 3'],
			['throws.mjs', 'throw new Error("no");', 'its thread failed: no'],
		]) {
			writeFileSync(join(scratch, name!), code!);
			const worker = pathToFileURL(join(scratch, name!));
			const report = await checkOffThread(root, TODAY, 1, { cwd: projectFolder(), worker });
			expect(report.problems).toEqual(here.problems);
			expect(report.checked.data).toEqual(dataByPath(root));
			expect(report.onThisThread).toBe(why);
		}
	});

	it('in dev, lets Vite start before the check is done; the loaders wait for it, and the terminal hears of its problems', async () => {
		const root = makeJournal(files);
		const warned: string[] = [];
		const logger = { warn: (text: string) => warned.push(text), error: () => {} };
		const file = join(root, 'entries/2026/due.md');
		// Older than the check, so that its data counts as unchanged since.
		const longAgo = new Date('2026-01-01T00:00:00Z');
		utimesSync(file, longAgo, longAgo);
		setUp(root, 'dev', logger);
		// A worker's message arrives on a later turn of the event loop, never during the hook.
		expect(checkedDataOf(file)).toBeUndefined();
		expect(warned).toEqual([]);
		await checkedDataReady();
		expect(checkedDataOf(file)).toMatchObject({ title: 'Due' });
		expect(warned.join('\n')).toContain('entries/2026/due.md');
		expect(warned.join('\n')).not.toContain("ran on Astro's thread");
	});

	it('in a build, hands over data that counts as current however new its file, and no journal', async () => {
		const root = makeJournal(files);
		const warned: string[] = [];
		setUp(root, 'build', { warn: (text) => warned.push(text), error: () => {} });
		const file = join(root, 'entries/2026/due.md');
		expect(checkedDataOf(file)).toBeUndefined();
		await checkedDataReady();
		expect(warned.join('\n')).not.toContain("ran on Astro's thread");
		// Written a moment ago, yet the build's files do not change under it.
		expect(checkedDataOf(file)).toMatchObject({ title: 'Due' });
		expect(checkedJournal()).toBeUndefined();
	});
});

describe('a hand-over that comes later', () => {
	afterEach(dropCheckedJournal);

	it('holds the loaders until it comes, and fails them with the check’s error', async () => {
		let arrive!: (checked: CheckedData) => void;
		handOverLater(new Promise((resolve) => (arrive = resolve)));
		let ready = false;
		const waiting = checkedDataReady().then(() => (ready = true));
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(ready).toBe(false);
		arrive({ config: { title: 'J' } as CheckedData['config'], data: new Map([['/j/a.yml', 1]]) });
		await waiting;
		expect(checkedDataOf('/j/a.yml')).toBe(1);

		handOverLater(Promise.reject(new Error('the check broke')));
		await expect(checkedDataReady()).rejects.toThrow('the check broke');
	});
});
