import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonSchemas } from '../../scripts/commands/schema.ts';
import { toSlug } from '../../scripts/commands/new.ts';
import { makeJournal, repoRoot, runCli, sampleContent } from '../helpers.ts';

const BROKEN = {
	'entries/x.md': '---\ntitle: T\ndate: 2026-04-01\nauthors: [zed]\nstatus: shipped\n---\n',
};

describe('npm run check', () => {
	it('exits 0 and says so when there are no problems', async () => {
		// After every entry's date and before every due date: without the entry due in 2025, and
		// without the verification dated after that day.
		const batching = 'entries/2026/q1/batching.md';
		const text = readFileSync(join(repoRoot, 'tests/fixtures/minimal', batching), 'utf8');
		const root = makeJournal({
			[batching]: text.replace('  on: 2026-04-12\n', ''),
			'entries/2025/old-rollout.md': null,
		});
		const result = await runCli(['check', '--content', root], { JOURNAL_TODAY: '2026-03-15' });
		expect(result).toMatchObject({ code: 0, stdout: 'No problems found.' });
	});

	it('exits 0 with warnings only', async () => {
		const result = await runCli(['check', '--content', makeJournal()]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('0 errors and 2 warnings in 2 files.');
	});

	it('exits 1 with errors, grouped under the file name', async () => {
		const result = await runCli(['check', '--content', makeJournal(BROKEN)]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(
			'entries/x.md\n  error   line 4   authors[0]: "zed" is not a known person',
		);
	});

	it('reads JOURNAL_CONTENT when --content is not given', async () => {
		const result = await runCli(['check'], { JOURNAL_CONTENT: makeJournal(BROKEN) });
		expect(result.code).toBe(1);
	});

	it('prints JSON: an array of {file, line, field, severity, message}', async () => {
		const result = await runCli(['check', '--content', makeJournal(BROKEN), '--format', 'json']);
		const problems = JSON.parse(result.stdout);
		expect(problems).toContainEqual({
			file: 'entries/x.md',
			line: 4,
			field: 'authors[0]',
			severity: 'error',
			message: '"zed" is not a known person (people/<id>.yml).',
		});
		expect(
			problems.every((p: object) => Object.keys(p).join() === 'file,line,field,severity,message'),
		).toBe(true);
	});

	it('prints one problem a line as path:line:column with --format compact', async () => {
		const root = makeJournal({
			...BROKEN,
			'entries/y.md':
				'---\ntitle: T\ndate: 2026-04-01\nauthors: [ana]\nstatus: shipped\nmetrics:\n  - metric: latency\n    after: 45 min\n---\n',
		});
		const folder = basename(root);
		const result = await runCli(
			['check', '--content', folder, '--format', 'compact'],
			{},
			dirname(root),
		);
		expect(result.code).toBe(1);
		const lines = result.stdout.split('\n');
		expect(lines).toContain(
			`${folder}/entries/x.md:4:1: error authors[0]: "zed" is not a known person (people/<id>.yml).`,
		);
		expect(lines).toContain(
			`${folder}/entries/y.md:8:5: error metrics[0].after: expected a number, got the text "45 min". Write the number alone (after: 45); the unit belongs in metrics/latency.yml as unit: min.`,
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/^.*\/old-rollout\.md:5:1: warning status: due for follow-up/),
		);
		expect(lines.at(-1)).toMatch(/^2 errors and \d+ warnings? in \d+ files\.$/);
		expect(lines.slice(0, -1).every((l) => /^[^:]+:\d+:\d+: (error|warning) /.test(l))).toBe(true);
	});

	it('prints GitHub annotations with paths from the working directory', async () => {
		const root = makeJournal(BROKEN);
		const folder = basename(root);
		const result = await runCli(
			['check', '--content', folder, '--format', 'github'],
			{},
			dirname(root),
		);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(
			`::error file=${folder}/entries/x.md,line=4,title=authors[0]::"zed" is not a known person (people/<id>.yml).`,
		);
		expect(result.stdout).toMatch(
			/^::warning file=.*old-rollout\.md,line=5,title=status::due for follow-up/m,
		);
	});

	it.each([
		[['check', '--bogus'], /Unknown option '--bogus'/],
		[['check', '--content', '/nonexistent/journal'], /does not exist/],
		[['check', '--format', 'xml'], /--format must be text, compact, json or github/],
		[['frobnicate'], /Unknown command "frobnicate"/],
	])('exits 2 with a one-line message for a usage error: %s', async (args, message) => {
		const result = await runCli(args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr.split('\n')).toHaveLength(1);
	});

	it('exits 2 for a bad JOURNAL_TODAY', async () => {
		const result = await runCli(['check', '--content', makeJournal()], {
			JOURNAL_TODAY: '2026-13-01',
		});
		expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('JOURNAL_TODAY') });
	});

	it('finds no errors in the sample journal', async () => {
		const result = await runCli(['check', '--content', sampleContent, '--format', 'json'], {
			JOURNAL_TODAY: '2026-11-24',
		});
		const errors = JSON.parse(result.stdout).filter(
			(p: { severity: string }) => p.severity === 'error',
		);
		expect(errors).toEqual([]);
		expect(result.code).toBe(0);
	});
});

describe('npm run new', () => {
	const args = (root: string, ...extra: string[]) => [
		'new',
		'--content',
		root,
		'--title',
		'Cached FX rates at the edge',
		'--author',
		'ana',
		...extra,
	];

	it('writes entries/<year>/<slug>.md that passes the checker', async () => {
		const root = makeJournal();
		const result = await runCli(args(root, '--team', 'payments', '--date', '2026-05-02'));
		expect(result.code).toBe(0);
		const path = join(root, 'entries/2026/cached-fx-rates-at-the-edge.md');
		expect(result.stdout).toContain('entries/2026/cached-fx-rates-at-the-edge.md');
		const text = readFileSync(path, 'utf8');
		expect(text).toContain('date: 2026-05-02');
		expect(text).toContain('team: payments');
		for (const heading of ['## What we did', '## What happened', "## What's next"])
			expect(text).toContain(heading);
		for (const field of [
			'features',
			'summary',
			'metrics',
			'method: ab_test | holdout',
			'next',
			'measure_by: 2026-06-01',
			'follows',
			'links',
			'tags',
			'aliases',
			'verified_by',
			'visibility',
			'draft',
		]) {
			expect(text).toContain(field);
		}
		const check = await runCli(['check', '--content', root, '--format', 'json'], {
			JOURNAL_TODAY: '2026-05-03',
		});
		expect(
			JSON.parse(check.stdout).filter((p: { file: string }) => p.file.includes('cached-fx')),
		).toEqual([]);
	});

	it('uses JOURNAL_TODAY as the default date', async () => {
		const root = makeJournal();
		await runCli(args(root), { JOURNAL_TODAY: '2027-01-09' });
		expect(
			readFileSync(join(root, 'entries/2027/cached-fx-rates-at-the-edge.md'), 'utf8'),
		).toContain('date: 2027-01-09');
	});

	it('refuses to overwrite an existing file and leaves it untouched', async () => {
		const root = makeJournal();
		const path = join(root, 'entries/2026/cached-fx-rates-at-the-edge.md');
		await runCli(args(root, '--date', '2026-05-02'));
		writeFileSync(path, 'my own words\n');
		const again = await runCli(args(root, '--date', '2026-05-02'));
		expect(again.code).toBe(1);
		expect(readFileSync(path, 'utf8')).toBe('my own words\n');
	});

	it('refuses a slug already used in another folder', async () => {
		const root = makeJournal();
		const result = await runCli([
			'new',
			'--content',
			root,
			'--title',
			'Batching',
			'--author',
			'ana',
			'--date',
			'2027-02-01',
		]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('already used by entries/2026/q1/batching.md');
		expect(existsSync(join(root, 'entries/2027/batching.md'))).toBe(false);
	});

	it('refuses an unknown author, with a suggestion', async () => {
		const root = makeJournal();
		const result = await runCli(['new', '--content', root, '--title', 'X', '--author', 'anna']);
		expect(result).toMatchObject({
			code: 1,
			stderr: expect.stringContaining('Did you mean "ana"?'),
		});
		expect(readdirSync(join(root, 'entries'))).toEqual(['2025', '2026']);
	});

	it('refuses an unknown team', async () => {
		const result = await runCli([
			'new',
			'--content',
			makeJournal(),
			'--title',
			'X',
			'--author',
			'ana',
			'--team',
			'paymnts',
		]);
		expect(result).toMatchObject({
			code: 1,
			stderr: expect.stringContaining('Did you mean "payments"?'),
		});
	});

	it.each([
		[['--author', 'ana'], /--title/],
		[['--title', 'X'], /--author/],
		[['--title', 'X', '--author', 'ana', '--date', '2026-02-30'], /--date/],
	])('exits 2 for missing or bad flags: %s', async (flags, message) => {
		const result = await runCli(['new', '--content', makeJournal(), ...flags]);
		expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
	});

	it('names the file with --slug, which a title in a script without Latin letters needs', async () => {
		const root = makeJournal();
		const title = [
			'new',
			'--content',
			root,
			'--title',
			'チェックアウトの高速化',
			'--author',
			'ana',
		];
		const bare = await runCli([...title, '--date', '2026-05-02']);
		expect(bare).toMatchObject({ code: 2, stderr: expect.stringContaining('--slug') });
		const named = await runCli([...title, '--date', '2026-05-02', '--slug', 'faster-checkout']);
		expect(named.code).toBe(0);
		const text = readFileSync(join(root, 'entries/2026/faster-checkout.md'), 'utf8');
		expect(text).toContain('チェックアウトの高速化');
		const bad = await runCli([...title, '--slug', 'Faster Checkout']);
		expect(bad).toMatchObject({
			code: 2,
			stderr: expect.stringContaining(
				'--slug "Faster Checkout" must use only lowercase letters, digits and "-", like faster-checkout.',
			),
		});
		// A slug taken by another entry is refused like a title's.
		const taken = await runCli([...title, '--slug', 'batching']);
		expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('already used by') });
	});

	it('makes file-name slugs from any title', () => {
		expect(toSlug('Ação: reduzir o tempo de checkout em 40%!')).toBe(
			'acao-reduzir-o-tempo-de-checkout-em-40',
		);
		expect(toSlug('A'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
	});
});

describe('npm run schema', () => {
	it('writes one JSON Schema per kind of file', async () => {
		const out = makeJournal();
		const result = await runCli(['schema', '--out', out]);
		expect(result.code).toBe(0);
		const entry = JSON.parse(readFileSync(join(out, 'entry.schema.json'), 'utf8'));
		expect(entry.required).toEqual(['title', 'date', 'authors', 'status']);
		expect(entry.additionalProperties).toBe(false);
		expect(entry.properties.date).toMatchObject({
			type: 'string',
			pattern: '^\\d{4}-\\d{2}-\\d{2}$',
		});
		expect(entry.properties.metrics.items.properties.method.enum).toContain('staged_rollout');
	});

	it('matches the committed files in public/schema', () => {
		for (const [name, schema] of Object.entries(toJsonSchemas())) {
			const committed = readFileSync(
				join(repoRoot, 'public/schema', `${name}.schema.json`),
				'utf8',
			);
			expect(JSON.parse(committed), `${name}: run npm run schema`).toEqual(schema);
		}
	});
});

describe('npm run follow-ups', () => {
	/** 1-based line of the first line of `file` that contains `text`. */
	const lineWith = (file: string, text: string) =>
		readFileSync(file, 'utf8')
			.split('\n')
			.findIndex((l) => l.includes(text)) + 1;

	it('prints the due entries and overdue steps by owner as text by default', async () => {
		const result = await runCli(['follow-ups', '--content', makeJournal()]);
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')).toEqual([
			'Follow-ups as of 2026-06-01: 1 entry waiting for a result and 1 overdue next step.',
			'',
			'Bo Chen (bo)',
			'  waiting  Rolled out the new receipts page',
			'           measure by 2025-12-31, 152 days late · /entries/old-rollout/',
			'  overdue  Apply batching to refunds',
			'           due 2026-05-01, 31 days late · from Batched price lookups · /entries/batching/',
		]);
	});

	it('honours JOURNAL_TODAY and JOURNAL_AUDIENCE', async () => {
		const root = makeJournal();
		const early = await runCli(['follow-ups', '--content', root], { JOURNAL_TODAY: '2025-12-15' });
		expect(early.stdout).toBe('Nothing is due as of 2025-12-15.');
		// Both items come from internal entries.
		const pub = await runCli(['follow-ups', '--content', root], { JOURNAL_AUDIENCE: 'public' });
		expect(pub.stdout).toBe('Nothing is due as of 2026-06-01.');
	});

	it('prints JSON with absolute links when journal.yml sets site', async () => {
		const root = makeJournal({
			'journal.yml': 'title: J\nsite: https://journal.example.com\nbase: /journal/\n',
		});
		const result = await runCli(['follow-ups', '--content', root, '--format', 'json']);
		const report = JSON.parse(result.stdout);
		expect(report.as_of).toBe('2026-06-01');
		expect(report.owners.map((o: { person: string }) => o.person)).toEqual(['bo']);
		expect(report.owners[0].due[0]).toMatchObject({
			entry: 'old-rollout',
			url: 'https://journal.example.com/journal/entries/old-rollout/',
			measure_by: '2025-12-31',
			days_late: 152,
		});
		expect(report.owners[0].overdue[0]).toMatchObject({
			step: 'Apply batching to refunds',
			due: '2026-05-01',
			url: 'https://journal.example.com/journal/entries/batching/',
		});
	});

	it('prints markdown for a chat post', async () => {
		const result = await runCli(['follow-ups', '--content', makeJournal(), '--format', 'markdown']);
		expect(result.stdout).toContain('### [Bo Chen](/people/bo/)');
		expect(result.stdout).toContain(
			'- Waiting for a result: [Rolled out the new receipts page](/entries/old-rollout/), measure by 2025-12-31 (152 days late)',
		);
	});

	it('prints GitHub warnings at the line of the status or due field, from the working directory', async () => {
		const root = makeJournal();
		const folder = basename(root);
		const result = await runCli(
			['follow-ups', '--content', folder, '--format', 'github'],
			{},
			dirname(root),
		);
		const rollout = join(root, 'entries/2025/old-rollout.md');
		const batching = join(root, 'entries/2026/q1/batching.md');
		expect(result.stdout.split('\n')).toEqual([
			expect.stringMatching(
				new RegExp(
					`^::warning file=${folder}/entries/2025/old-rollout\\.md,line=${lineWith(rollout, 'status:')},title=Follow-up due \\(Bo Chen\\)::"Rolled out the new receipts page" is shipped`,
				),
			),
			expect.stringMatching(
				new RegExp(
					`^::warning file=${folder}/entries/2026/q1/batching\\.md,line=${lineWith(batching, 'due: 2026-05-01')},title=Overdue next step \\(Bo Chen\\)::"Apply batching to refunds" was due 2026-05-01`,
				),
			),
		]);
		expect(result.code).toBe(0);
	});

	it('exits 1 and says the list may be incomplete when the journal has errors', async () => {
		const result = await runCli(['follow-ups', '--content', makeJournal(BROKEN)]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('Rolled out the new receipts page');
		expect(result.stderr).toMatch(/has 1 error.*npm run check/);
	});

	it('exits 2 for an unknown format', async () => {
		const result = await runCli(['follow-ups', '--format', 'slack']);
		expect(result).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('--format must be text, json, markdown or github'),
		});
	});
});
