import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_FLAGS, missingFlags } from '../../bin/node-flags.js';
import { makeJournal, repoRoot, runCli } from '../helpers.ts';

describe('missingFlags', () => {
	it('names the flags a command needs that the process was not started with', () => {
		expect(COMMAND_FLAGS.check!.length).toBeGreaterThan(0);
		expect(missingFlags('check', [])).toEqual(COMMAND_FLAGS.check);
		expect(missingFlags('check', ['--inspect', ...COMMAND_FLAGS.check!])).toEqual([]);
		expect(missingFlags('new', [])).toEqual([]);
		expect(missingFlags('toString', [])).toEqual([]);
		expect(missingFlags(undefined, [])).toEqual([]);
	});

	it('are what `npm run check` starts Node with, so that it need not start twice', () => {
		const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
			scripts: Record<string, string>;
		};
		expect(scripts.check).toBe(`node ${COMMAND_FLAGS.check!.join(' ')} scripts/run.js check`);
	});
});

describe('a command started without its flags', () => {
	it('starts Node again with them and passes on its exit code', () => {
		const probe = join(makeJournal(), 'probe.mjs');
		writeFileSync(
			probe,
			[
				`import { rerunWithFlags } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'bin/node-flags.js')).href)};`,
				'const code = rerunWithFlags();',
				'if (code === undefined) { console.log(JSON.stringify(process.execArgv)); process.exitCode = 3; }',
				'else process.exitCode = code;',
			].join('\n'),
		);
		const run = spawnSync(process.execPath, [probe, 'check'], { encoding: 'utf8' });
		expect(JSON.parse(run.stdout)).toEqual(COMMAND_FLAGS.check);
		expect(run.status).toBe(3);
		const other = spawnSync(process.execPath, [probe, 'new'], { encoding: 'utf8' });
		expect(JSON.parse(other.stdout)).toEqual([]);
	});

	const BROKEN = {
		'entries/x.md': '---\ntitle: T\ndate: 2026-04-01\nauthors: [zed]\nstatus: shipped\n---\n',
	};

	it('runs again with them, with the same output and exit code', async () => {
		for (const root of [makeJournal(), makeJournal(BROKEN)]) {
			const args = ['check', '--content', root];
			const inProcess = await runCli(args);
			const started = spawnSync(process.execPath, [join(repoRoot, 'scripts/run.js'), ...args], {
				cwd: repoRoot,
				encoding: 'utf8',
				env: { ...process.env, JOURNAL_TODAY: '2026-06-01' },
			});
			expect(started.status).toBe(inProcess.code);
			expect(started.stdout.trim()).toBe(inProcess.stdout);
		}
	});
});
