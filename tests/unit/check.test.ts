import { describe, expect, it } from 'vitest';
import { checkJournal } from '../../src/lib/content/check.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import { makeJournal, minimalFixture } from '../helpers.ts';

const TODAY = '2026-06-01';

function problemsOf(files: Record<string, string | null>): Problem[] {
	return checkJournal(makeJournal(files), TODAY).problems;
}

function errorsOf(files: Record<string, string | null>) {
	return problemsOf(files).filter((p) => p.severity === 'error');
}

/** An entry file with the given frontmatter lines (line 1 is `---`, so the first line is line 2). */
function entry(...lines: string[]): string {
	return ['---', ...lines, '---', 'Body.', ''].join('\n');
}

const VALID = ['title: Test entry', 'date: 2026-04-01', 'authors: [ana]', 'status: shipped'];

describe('checkJournal on the minimal fixture', () => {
	it('reports no errors, and warns about the due entry and the overdue step', () => {
		const problems = checkJournal(minimalFixture, TODAY).problems;
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(
			problems.map(({ file, line, field, severity }) => ({ file, line, field, severity })),
		).toEqual([
			{ file: 'entries/2025/old-rollout.md', line: 5, field: 'status', severity: 'warning' },
			{ file: 'entries/2026/q1/batching.md', line: 26, field: 'next[0].due', severity: 'warning' },
		]);
	});

	it('honours today: nothing is due or overdue before the dates', () => {
		// Only what is dated after this "today" is worth a look: the published entries and the
		// verification. The draft, written ahead, is not.
		const problems = checkJournal(minimalFixture, '2025-12-15').problems;
		expect(problems.map(({ file, field, severity }) => [file, field, severity])).toEqual([
			['entries/2026/q1/baseline.md', 'date', 'warning'],
			['entries/2026/q1/batching.md', 'date', 'warning'],
			['entries/2026/q1/batching.md', 'verified_by.on', 'warning'],
		]);
		for (const { message } of problems) expect(message).toContain('is in the future');
	});

	it('skips drafts for follow-up warnings', () => {
		const problems = checkJournal(minimalFixture, '2027-01-01').problems;
		expect(problems.some((p) => p.file.endsWith('unfinished.md'))).toBe(false);
	});
});

describe('each error class names file, line, field and what was expected', () => {
	it('YAML syntax error, with its line', () => {
		const [p] = errorsOf({
			'entries/x.md': entry('title: ok', 'date: [2026-01-01', 'authors: [ana]'),
		});
		expect(p).toMatchObject({ file: 'entries/x.md', field: null, severity: 'error' });
		expect(p!.message).toMatch(/^YAML syntax error/);
		expect(p!.line).toBeGreaterThanOrEqual(3);
	});

	it('YAML syntax error in a .yml file', () => {
		const [p] = errorsOf({ 'people/ana.yml': 'name: Ana\nteam: [payments\n' });
		expect(p).toMatchObject({ file: 'people/ana.yml', severity: 'error' });
		expect(p!.message).toMatch(/YAML syntax error/);
	});

	it('missing frontmatter', () => {
		expect(errorsOf({ 'entries/x.md': '# Just a heading\n' })).toEqual([
			{
				file: 'entries/x.md',
				line: 1,
				field: null,
				severity: 'error',
				message: expect.stringContaining('missing frontmatter'),
			},
		]);
	});

	it('unknown key, with a suggestion', () => {
		expect(errorsOf({ 'entries/x.md': entry(...VALID, 'feature: [one-click]') })).toEqual([
			{
				file: 'entries/x.md',
				line: 6,
				field: 'feature',
				severity: 'error',
				message: 'unknown key "feature". Did you mean "features"?',
			},
		]);
	});

	it('unknown nested key lists the allowed keys when nothing is close', () => {
		const [p] = errorsOf({
			'entries/x.md': entry(...VALID, 'metrics:', '  - metric: latency', '    zzz: 1'),
		});
		expect(p).toMatchObject({ line: 8, field: 'metrics[0].zzz' });
		expect(p!.message).toContain('Allowed keys: metric, before, after');
	});

	it('wrong type', () => {
		expect(
			errorsOf({
				'entries/x.md': entry(...VALID, 'metrics:', '  - metric: latency', '    before: fast'),
			}),
		).toEqual([
			{
				file: 'entries/x.md',
				line: 8,
				field: 'metrics[0].before',
				severity: 'error',
				message: 'expected a number, got the text "fast".',
			},
		]);
	});

	it('missing required field', () => {
		expect(
			errorsOf({ 'entries/x.md': entry('title: T', 'date: 2026-04-01', 'status: shipped') }),
		).toEqual([
			expect.objectContaining({
				line: 1,
				field: 'authors',
				message: expect.stringContaining('required'),
			}),
		]);
	});

	it('bad enum value, with a suggestion', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				...VALID,
				'metrics:',
				'  - metric: latency',
				'    after: 2',
				'    method: ab-test',
			),
		});
		expect(errors).toEqual([
			expect.objectContaining({ line: 9, field: 'metrics[0].method', severity: 'error' }),
		]);
		expect(errors[0]!.message).toContain('expected one of: ab_test, holdout');
		expect(errors[0]!.message).toContain('Did you mean "ab_test"?');
	});

	it('bad role inside an author object', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				'title: T',
				'date: 2026-04-01',
				'authors:',
				'  - person: ana',
				'    role: boss',
				'status: shipped',
			),
		});
		expect(errors).toEqual([expect.objectContaining({ line: 6, field: 'authors[0].role' })]);
	});

	it('impossible date', () => {
		expect(
			errorsOf({
				'entries/x.md': entry('title: T', 'date: 2026-02-30', 'authors: [ana]', 'status: shipped'),
			}),
		).toEqual([
			{
				file: 'entries/x.md',
				line: 3,
				field: 'date',
				severity: 'error',
				message: '"2026-02-30" is not a real calendar date.',
			},
		]);
	});

	it('date in the wrong format', () => {
		const [p] = errorsOf({ 'entries/x.md': entry(...VALID, 'measure_by: 14/03/2026') });
		expect(p).toMatchObject({
			line: 6,
			field: 'measure_by',
			message: '"14/03/2026": expected a date as YYYY-MM-DD, like 2026-03-14.',
		});
	});

	it('non-http URL', () => {
		expect(
			errorsOf({
				'entries/x.md': entry(...VALID, 'links:', '  - label: PR', '    url: ftp://example.com/x'),
			}),
		).toEqual([
			expect.objectContaining({
				line: 8,
				field: 'links[0].url',
				message: 'expected an http(s) URL.',
			}),
		]);
	});

	it('a number with a unit outside a metric’s result: the number alone, no metric file', () => {
		expect(errorsOf({ 'journal.yml': 'follow_up_days: 30d\n' })).toEqual([
			expect.objectContaining({
				field: 'follow_up_days',
				message:
					'expected a number, got the text "30d". Write the number alone (follow_up_days: 30).',
			}),
		]);
		// In a result that names no metric, the unit still goes to a metric's file.
		const unnamed = errorsOf({
			'entries/x.md': entry(...VALID, 'metrics:', '  - after: 45 min'),
		}).find((p) => p.field === 'metrics[0].after');
		expect(unnamed?.message).toBe(
			'expected a number, got the text "45 min". Write the number alone (after: 45); the unit belongs in the metric\'s file, metrics/<id>.yml, as unit: min.',
		);
	});

	it('verified_by written as a bare id, with the form it takes', () => {
		expect(errorsOf({ 'entries/x.md': entry(...VALID, 'verified_by: bo') })).toEqual([
			expect.objectContaining({
				field: 'verified_by',
				message: 'expected a mapping, like { person: ana, on: 2026-04-12 }, got the text "bo".',
			}),
		]);
	});

	it('a URL without its scheme, with the fix', () => {
		const url = (value: string) =>
			errorsOf({
				'entries/x.md': entry(...VALID, 'links:', '  - label: PR', `    url: ${value}`),
			}).map((p) => p.message);
		expect(url('www.example.com/pull/1')).toEqual([
			'expected an http(s) URL, like https://www.example.com/pull/1.',
		]);
		expect(url('see the PR')).toEqual(['expected an http(s) URL.']);
	});

	it('bad file name', () => {
		expect(errorsOf({ 'entries/My_Entry.md': entry(...VALID) })).toEqual([
			expect.objectContaining({
				file: 'entries/My_Entry.md',
				line: 1,
				field: null,
				message: expect.stringContaining('rename it to "my-entry.md"'),
			}),
		]);
	});

	it('duplicate slugs across folders name both files', () => {
		const errors = errorsOf({ 'entries/2024/batching.md': entry(...VALID) });
		expect(errors.map((e) => e.file)).toEqual([
			'entries/2024/batching.md',
			'entries/2026/q1/batching.md',
		]);
		expect(errors[0]!.message).toContain('entries/2026/q1/batching.md');
		expect(errors[1]!.message).toContain('entries/2024/batching.md');
	});

	it.each([
		[
			'authors (bare id)',
			entry('title: T', 'date: 2026-04-01', 'authors: [ana, anna]', 'status: shipped'),
			4,
			'authors[1]',
			'"anna" is not a known person',
		],
		[
			'authors (object)',
			entry('title: T', 'date: 2026-04-01', 'authors:', '  - person: zed', 'status: shipped'),
			5,
			'authors[0].person',
			'"zed" is not a known person',
		],
		['team', entry(...VALID, 'team: paymnts'), 6, 'team', 'Did you mean "payments"?'],
		[
			'features',
			entry(...VALID, 'features: [one-clik]'),
			6,
			'features[0]',
			'Did you mean "one-click"?',
		],
		[
			'metric',
			entry(...VALID, 'metrics:', '  - metric: latncy'),
			7,
			'metrics[0].metric',
			'Did you mean "latency"?',
		],
		[
			'next step owner',
			entry(...VALID, 'next:', '  - step: Do it', '    owner: bob'),
			8,
			'next[0].owner',
			'Did you mean "bo"?',
		],
		[
			'verified_by',
			entry(...VALID, 'verified_by:', '  person: cyy', '  on: 2026-04-02'),
			7,
			'verified_by.person',
			'Did you mean "cy"?',
		],
		['follows', entry(...VALID, 'follows: baseline-x'), 6, 'follows', 'is not a known entry slug'],
	])('dangling id in an entry: %s', (_name, text, line, field, message) => {
		const errors = errorsOf({ 'entries/x.md': text });
		expect(errors).toEqual([
			expect.objectContaining({
				file: 'entries/x.md',
				line,
				field,
				severity: 'error',
				message: expect.stringContaining(message),
			}),
		]);
	});

	it.each([
		['team lead', 'teams/growth.yml', 'name: Growth\nlead: nobody\n', 2, 'lead', 'person'],
		['person team', 'people/cy.yml', 'name: Cy\nteam: grwth\n', 2, 'team', 'team'],
		[
			'feature team',
			'features/one-click.md',
			'---\nname: One\nteam: nope\n---\n',
			3,
			'team',
			'team',
		],
	])('dangling id: %s', (_name, file, text, line, field, noun) => {
		expect(errorsOf({ [file]: text })).toEqual([
			expect.objectContaining({
				file,
				line,
				field,
				message: expect.stringContaining(`is not a known ${noun}`),
			}),
		]);
	});

	it('follows cycles are reported on every entry in the cycle', () => {
		const errors = errorsOf({
			'entries/a.md': entry(...VALID, 'follows: b'),
			'entries/b.md': entry(...VALID, 'follows: a'),
		});
		expect(errors.map((e) => [e.file, e.line, e.field])).toEqual([
			['entries/a.md', 6, 'follows'],
			['entries/b.md', 6, 'follows'],
		]);
		expect(errors[0]!.message).toContain('cycle');
	});

	it('reports only the entries inside a cycle, not those leading into it', () => {
		const errors = errorsOf({
			'entries/a.md': entry(...VALID, 'follows: b'),
			'entries/b.md': entry(...VALID, 'follows: c'),
			'entries/c.md': entry(...VALID, 'follows: d'),
			'entries/d.md': entry(...VALID, 'follows: b'),
			'entries/e.md': entry(...VALID, 'follows: c'),
		});
		expect(errors.map((e) => e.file)).toEqual(['entries/b.md', 'entries/c.md', 'entries/d.md']);
		expect(errors[0]!.message).toContain('b → c → d → b');
	});

	it('status measured without an after value or a summary', () => {
		expect(
			errorsOf({
				'entries/x.md': entry(
					'title: T',
					'date: 2026-04-01',
					'authors: [ana]',
					'status: measured',
					'metrics:',
					'  - metric: latency',
					'    before: 3',
				),
			}),
		).toEqual([
			expect.objectContaining({
				line: 5,
				field: 'status',
				message: expect.stringContaining('needs a metric with an "after" value or a "summary"'),
			}),
		]);
	});

	it('the measured rule still runs when another field is wrong', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				'title: T',
				'date: 2026-04-01',
				'authors: [ana]',
				'status: measured',
				'colour: red',
			),
		});
		expect(errors.map((e) => e.field).sort()).toEqual(['colour', 'status']);
	});

	it('an alias that collides with a slug', () => {
		expect(errorsOf({ 'entries/x.md': entry(...VALID, 'aliases: [old-x, baseline]') })).toEqual([
			expect.objectContaining({
				line: 6,
				field: 'aliases[1]',
				message: expect.stringContaining('slug of an existing entry'),
			}),
		]);
	});

	it('a bad journal.yml', () => {
		expect(errorsOf({ 'journal.yml': 'title: J\nfollow_up_days: soon\nbase: journal/\n' })).toEqual(
			[
				expect.objectContaining({ file: 'journal.yml', line: 2, field: 'follow_up_days' }),
				expect.objectContaining({ file: 'journal.yml', line: 3, field: 'base' }),
			],
		);
	});

	it.each(['//evil.example/x/', '/a/../b/', 'https://evil.example/', '/a b/'])(
		'base %s in journal.yml, which is not a plain path',
		(base) => {
			expect(errorsOf({ 'journal.yml': `base: '${base}'\n` })).toEqual([
				expect.objectContaining({
					line: 1,
					field: 'base',
					message: expect.stringMatching(/^expected a path such as \/journal\//),
				}),
			]);
		},
	);

	it('numbers that overflow or would lose precision, in YAML and in a CSV series', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				...VALID,
				'metrics:',
				'  - metric: latency',
				'    before: 1e309',
				'    after: 9007199254740993',
				'    target: 0x20000000000001',
			),
			'metrics/latency.csv':
				'date,value\n2026-01-01,-1e400\n2026-01-02,12345678901234567890\n2026-01-03,1.5e300\n',
		});
		expect(errors.map(({ file, line, field, message }) => [file, line, field, message])).toEqual([
			[
				'entries/x.md',
				8,
				'metrics[0].before',
				'"1e309" is not a finite number; numbers must lie within ±1.8e308.',
			],
			[
				'entries/x.md',
				9,
				'metrics[0].after',
				expect.stringMatching(/^"9007199254740993" is too large to keep exactly; whole numbers/),
			],
			[
				'entries/x.md',
				10,
				'metrics[0].target',
				expect.stringMatching(/^"0x20000000000001" is too large/),
			],
			[
				'metrics/latency.csv',
				2,
				'value',
				expect.stringMatching(/^"-1e400" is not a finite number/),
			],
			[
				'metrics/latency.csv',
				3,
				'value',
				expect.stringMatching(/^"12345678901234567890" is too large/),
			],
		]);
	});

	it('years are kept as written, and no default measure_by passes 9999-12-31', () => {
		const root = makeJournal({
			'entries/x.md': entry('title: T', 'date: 0099-03-01', 'authors: [ana]', 'status: shipped'),
			'entries/y.md': entry('title: T', 'date: 9999-12-31', 'authors: [ana]', 'status: shipped'),
			'entries/z.md': entry(
				...VALID.slice(0, 1),
				'date: 9999-12-31',
				...VALID.slice(2),
				'measure_by: 9999-12-31',
			),
		});
		const { journal, problems } = checkJournal(root, TODAY);
		expect(journal.entries.find((e) => e.id === 'x')?.data?.date).toBe('0099-03-01');
		expect(problems.filter((p) => p.severity === 'error')).toEqual([
			{
				file: 'entries/y.md',
				line: 3,
				field: 'date',
				severity: 'error',
				message:
					'9999-12-31 plus follow_up_days (30) is past 9999-12-31, the last date the journal can write; fix the date or set measure_by.',
			},
		]);
	});

	it('a bad metric CSV row names its line', () => {
		expect(
			errorsOf({
				'metrics/latency.csv': 'date,value\n2026-01-05,1930\n2026-01-12,fast\n2026-01-01,1\n',
			}),
		).toEqual([
			expect.objectContaining({ file: 'metrics/latency.csv', line: 3, field: 'value' }),
			expect.objectContaining({
				file: 'metrics/latency.csv',
				line: 4,
				field: 'date',
				message: expect.stringContaining('ascending'),
			}),
		]);
	});

	it('warns about files that would be silently ignored', () => {
		const warnings = problemsOf({
			'people/ana.yaml': 'name: Ana\n',
			'people/old/bo.yml': 'name: Bo\n',
			'entrys/x.md': entry(...VALID),
		}).filter((p) => p.severity === 'warning' && p.message.startsWith('ignored'));
		expect(warnings.map((w) => [w.file, w.message])).toEqual([
			['entrys', expect.stringContaining('Did you mean "entries"?')],
			['people/ana.yaml', 'ignored: files in people/ must end in .yml.'],
			['people/old/', expect.stringContaining('folders inside people/ are not read')],
		]);
	});

	it('reports every problem, not the first', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				'title: T',
				'date: 2026-02-30',
				'authors: [zed]',
				'status: done',
				'feature: []',
			),
			'people/bo.yml': 'name: Bo\nteam: nope\n',
		});
		expect(errors.map((e) => `${e.file}:${e.line}:${e.field}`)).toEqual([
			'entries/x.md:3:date',
			'entries/x.md:4:authors[0]',
			'entries/x.md:5:status',
			'entries/x.md:6:feature',
			'people/bo.yml:2:team',
		]);
	});
});

describe('mdx: false in journal.yml', () => {
	const mdxEntry = { 'entries/2026/launch.mdx': entry(...VALID) };

	it('makes every .mdx entry an error, because MDX runs code at build time', () => {
		const errors = errorsOf({ 'journal.yml': 'title: T\nmdx: false\n', ...mdxEntry });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: 'entries/2026/launch.mdx', line: 1, field: null });
		expect(errors[0]!.message).toMatch(/mdx: false/);
	});

	it('allows .mdx entries by default', () => {
		expect(errorsOf(mdxEntry)).toEqual([]);
	});
});

describe('a body nested too deeply', () => {
	it.each([
		['block quotes', '> '],
		['block quotes without spaces', '>'],
		['lists', '- '],
		['ordered lists', '1. '],
	])('is a located error for %s, and the limit itself is allowed', (_, marker) => {
		const at = (depth: number) =>
			errorsOf({ 'entries/x.md': `${entry(...VALID)}text\n\n${marker.repeat(depth)}x\n` });
		expect(at(32)).toEqual([]);
		expect(at(33)).toEqual([
			{
				file: 'entries/x.md',
				line: 10,
				field: null,
				severity: 'error',
				message: expect.stringMatching(/nests block quotes or lists more than 32 deep here/),
			},
		]);
	});

	/** An entry whose body is `text`, then `lines` from line 10 on. */
	const errorsAt = (lines: string) =>
		errorsOf({ 'entries/x.md': `${entry(...VALID)}text\n\n${lines}\n` });
	const located = (line: number, message: RegExp) => [
		{
			file: 'entries/x.md',
			line,
			field: null,
			severity: 'error',
			message: expect.stringMatching(message),
		},
	];

	it('is a located error for lists nested by indentation alone, on the first line past the limit', () => {
		const list = (depth: number) =>
			Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
		expect(errorsAt(list(32))).toEqual([]);
		expect(errorsAt(list(200))).toEqual(
			located(42, /nests block quotes or lists more than 32 deep/),
		);
	});

	it('is a located error for the shortest line that nests too deeply: tabs, then a marker', () => {
		// Sixteen tabs are 64 columns, 32 levels; the marker makes 33, in 17 characters.
		expect(errorsAt(`${'\t'.repeat(16)}-`)).toEqual(
			located(10, /nests block quotes or lists more than 32 deep/),
		);
		expect(errorsAt(`${'\t'.repeat(15)}- x`)).toEqual([]);
	});

	it('is a located error for raw HTML nested past the limit', () => {
		const html = (depth: number) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
		expect(errorsAt(html(32))).toEqual([]);
		expect(errorsAt(`<p>\n${'<span>'.repeat(20)}\n${html(20)}`)).toEqual(
			located(12, /nests HTML elements more than 32 deep here/),
		);
		// Void elements and closed ones do not add up.
		expect(errorsAt('<br><img src="x.png"><hr>'.repeat(40) + '<i>a</i>'.repeat(40))).toEqual([]);
	});

	it('does not count what only looks nested inside a fenced code block', () => {
		expect(
			errorsAt(['```text', '> '.repeat(40) + 'x', '<div>'.repeat(40), '```'].join('\n')),
		).toEqual([]);
	});
});

describe('values that must not get through silently', () => {
	const metric = (...lines: string[]) =>
		entry(...VALID, 'metrics:', '  - metric: latency', ...lines);

	it('a number too close to zero to keep, in YAML and in a CSV series', () => {
		const errors = errorsOf({
			'entries/x.md': metric('    before: 1e-400', '    after: 0.0'),
			'metrics/latency.csv': 'date,value\n2026-01-01,1e-400\n2026-01-02,0e5\n',
		});
		expect(errors.map(({ file, line, field, message }) => [file, line, field, message])).toEqual([
			[
				'entries/x.md',
				8,
				'metrics[0].before',
				'"1e-400" is too close to zero to keep (it would read as 0); write 0, or a number at least 5e-324 in size.',
			],
			['metrics/latency.csv', 2, 'value', expect.stringMatching(/^"1e-400" is too close to zero/)],
		]);
	});

	it('before and after so far apart that the change cannot be shown', () => {
		const errors = errorsOf({
			'entries/x.md': metric(
				'    before: -1.7976931348623157e308',
				'    after: 1.7976931348623157e308',
			),
			'entries/y.md': entry(
				...VALID,
				'metrics:',
				'  - metric: latency',
				'    before: 1e-300',
				'    after: 1e10',
			),
		});
		expect(errors).toEqual([
			expect.objectContaining({
				file: 'entries/x.md',
				line: 9,
				field: 'metrics[0].after',
				message: expect.stringMatching(
					/^the change from before \(.*\) to after \(.*\) is too large to show/,
				),
			}),
			expect.objectContaining({ file: 'entries/y.md', line: 9, field: 'metrics[0].after' }),
		]);
		// Extremes whose change is finite are kept.
		expect(
			errorsOf({ 'entries/z.md': metric('    before: 1.7e308', '    after: 5e-324') }),
		).toEqual([]);
	});

	it('control characters in text, named by their code point', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				'title: "OK\\u0001"',
				...VALID.slice(1),
				'links:',
				'  - url: "https://example.com/a\\0b"',
			),
			'people/bo.yml': 'name: "Bo\\u001b[2J"\n',
		});
		expect(errors.map(({ file, line, field, message }) => [file, line, field, message])).toEqual([
			[
				'entries/x.md',
				2,
				'title',
				'contains the control character U+0001, which is invisible and cannot be published; remove it.',
			],
			['entries/x.md', 7, 'links[0].url', expect.stringContaining('control character U+0000')],
			['people/bo.yml', 1, 'name', expect.stringContaining('control character U+001B')],
		]);
	});

	it('required text that is only spaces', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				"title: '   '",
				...VALID.slice(1),
				'tags: ["  "]',
				'next:',
				'  - step: " "',
			),
		});
		expect(errors.map(({ line, field, message }) => [line, field, message])).toEqual([
			[2, 'title', 'must not be empty or only spaces.'],
			[6, 'tags[0]', 'must not be empty or only spaces.'],
			[8, 'next[0].step', 'must not be empty or only spaces.'],
		]);
	});

	it('verified_by naming one of the authors', () => {
		expect(
			errorsOf({
				'entries/x.md': entry(
					...VALID.slice(0, 2),
					'authors: [bo, { person: ana }]',
					VALID[3]!,
					'verified_by:',
					'  person: ana',
				),
			}),
		).toEqual([
			{
				file: 'entries/x.md',
				line: 7,
				field: 'verified_by.person',
				severity: 'error',
				message:
					'"ana" is an author of this entry; verified_by names someone other than the authors who confirmed the numbers.',
			},
		]);
	});

	it('language takes a language tag, English by default', () => {
		expect(checkJournal(makeJournal(), TODAY).journal.config.language).toBe('en');
		for (const language of ['ja', 'pt-BR', 'zh-Hant-TW'])
			expect(errorsOf({ 'journal.yml': `language: ${language}\n` }), language).toEqual([]);
		expect(errorsOf({ 'journal.yml': 'language: Japanese language\n' })).toEqual([
			expect.objectContaining({
				field: 'language',
				message: 'expected a language tag such as en, de, ja or zh-TW.',
			}),
		]);
	});

	it('follow_up_days: 0 says the real minimum', () => {
		expect(errorsOf({ 'journal.yml': 'follow_up_days: 0\n' })).toEqual([
			expect.objectContaining({ field: 'follow_up_days', message: 'must be at least 1.' }),
		]);
		expect(errorsOf({ 'journal.yml': 'follow_up_days: 4000\n' })).toEqual([
			expect.objectContaining({ field: 'follow_up_days', message: 'must be at most 3650.' }),
		]);
	});

	it.each(['https://example.com?x=1#y', 'https://example.com/sub/', 'https://example.com#top'])(
		'site %s, which is not an origin',
		(site) => {
			expect(errorsOf({ 'journal.yml': `site: '${site}'\n` })).toEqual([
				expect.objectContaining({
					line: 1,
					field: 'site',
					message:
						'expected an origin such as https://example.com, without a path, query or fragment; to serve the site under a path, set base (e.g. base: /journal/).',
				}),
			]);
		},
	);

	it('accepts an origin with or without its final slash', () => {
		expect(errorsOf({ 'journal.yml': 'site: https://example.com/\n' })).toEqual([]);
		expect(errorsOf({ 'journal.yml': 'site: http://localhost:4321\n' })).toEqual([]);
	});

	it('tags that only look alike: invisible characters, and compatibility forms that share a page', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				...VALID,
				'tags: [latency, "late\\u200bncy", "lat\\u00adency", "ｌａｔｅｎｃｙ"]',
			),
		});
		expect(errors.map(({ line, field, message }) => [line, field, message])).toEqual([
			[
				6,
				'tags[1]',
				'contains the invisible character U+200B (zero width space); remove it, so that the tag cannot look like another.',
			],
			[6, 'tags[2]', expect.stringContaining('invisible character U+00AD (soft hyphen)')],
			[
				6,
				'tags[3]',
				expect.stringContaining('would share the page /tags/latency/ with tag "latency"'),
			],
		]);
	});

	it('warns when a date is earlier than the entry, or a check is dated in the future', () => {
		const problems = problemsOf({
			'entries/x.md': entry(
				...VALID,
				'measure_by: 2026-03-01',
				'metrics:',
				'  - metric: latency',
				'    after: 1',
				'    measured_on: 2026-03-31',
				'verified_by: { person: bo, on: 9999-12-31 }',
			),
		}).filter((p) => p.file === 'entries/x.md' && !p.message.startsWith('due for follow-up'));
		expect(
			problems.map(({ line, field, severity, message }) => [line, field, severity, message]),
		).toEqual([
			[
				6,
				'measure_by',
				'warning',
				"measure_by 2026-03-01 is before the entry's date 2026-04-01; the result cannot be read before the change shipped. Fix either date.",
			],
			[
				10,
				'metrics[0].measured_on',
				'warning',
				expect.stringContaining("measured_on 2026-03-31 is before the entry's date 2026-04-01"),
			],
			[
				11,
				'verified_by.on',
				'warning',
				'verified_by.on 9999-12-31 is in the future (today is 2026-06-01); write the date the numbers were checked.',
			],
		]);
	});
});

describe('dates in the future', () => {
	it('warns about an entry shipped, or a result read, after today', () => {
		const problems = problemsOf({
			'entries/x.md': entry(
				'title: Test entry',
				'date: 2030-12-31',
				'authors: [ana]',
				'status: measured',
				'metrics:',
				'  - metric: latency',
				'    after: 1',
				'    measured_on: 2031-01-10',
			),
			'entries/y.md': entry(...VALID, `measure_by: ${TODAY}`),
		}).filter((p) => p.file === 'entries/x.md' || p.file === 'entries/y.md');
		expect(
			problems.map(({ file, line, field, severity, message }) => [
				file,
				line,
				field,
				severity,
				message,
			]),
		).toEqual([
			[
				'entries/x.md',
				3,
				'date',
				'warning',
				`date 2030-12-31 is in the future (today is ${TODAY}); write the date the change shipped.`,
			],
			[
				'entries/x.md',
				9,
				'metrics[0].measured_on',
				'warning',
				`metrics[0].measured_on 2031-01-10 is in the future (today is ${TODAY}); write the date the "after" was read (measure_by plans a measurement).`,
			],
		]);
	});
});

describe('messages say the fix', () => {
	it('a missing required field says it is missing and lists the allowed values', () => {
		const errors = errorsOf({
			'entries/x.md': entry('title: T', 'date: 2026-04-01'),
			'metrics/latency.yml': 'name: Latency\n',
		});
		expect(errors.map(({ file, field, message }) => [file, field, message])).toEqual([
			[
				'entries/x.md',
				'authors',
				'required field is missing; expected a list of person ids, like [ana].',
			],
			[
				'entries/x.md',
				'status',
				'required field is missing; expected one of: shipped, measuring, measured, inconclusive, reverted.',
			],
			['metrics/latency.yml', 'direction', 'required field is missing; expected one of: up, down.'],
		]);
	});

	it.each([
		[
			'06/12/2026',
			'"06/12/2026": expected a date as YYYY-MM-DD, like 2026-12-06 (or 2026-06-12 if 06 is the month).',
		],
		['14/03/2026', '"14/03/2026": expected a date as YYYY-MM-DD, like 2026-03-14.'],
		['03/14/2026', '"03/14/2026": expected a date as YYYY-MM-DD, like 2026-03-14.'],
		['2026-12-6', '"2026-12-6": expected a date as YYYY-MM-DD, like 2026-12-06.'],
		['2026/1/5', '"2026/1/5": expected a date as YYYY-MM-DD, like 2026-01-05.'],
		['soon', '"soon": expected a date as YYYY-MM-DD, such as 2026-01-31.'],
		['20261206', 'expected a date as YYYY-MM-DD, such as 2026-01-31, got the number 20261206.'],
	])('a wrong date %s echoes the value and suggests the right form', (value, message) => {
		expect(errorsOf({ 'entries/x.md': entry(...VALID, `measure_by: ${value}`) })).toEqual([
			expect.objectContaining({ line: 6, field: 'measure_by', message }),
		]);
	});

	it.each([
		['entries/x.md', entry('title: 2.0', ...VALID.slice(1)), 2, 'title', 'the number 2'],
		['people/zed.yml', 'name: true\n', 1, 'name', 'true'],
	])('%s: text that YAML read as a value says to quote it', (file, text, line, field, got) => {
		expect(errorsOf({ [file]: text })).toEqual([
			expect.objectContaining({
				line,
				field,
				message: `expected text, got ${got}. Put it in quotes to keep it as text.`,
			}),
		]);
	});

	it("a unit in a number points at the metric's unit", () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				...VALID,
				'metrics:',
				'  - metric: latency',
				'    before: 52 min',
				'    after: 45%',
				'    target: 1,930',
			),
		});
		expect(errors.map(({ line, field, message }) => [line, field, message])).toEqual([
			[
				8,
				'metrics[0].before',
				'expected a number, got the text "52 min". Write the number alone (before: 52); the unit belongs in metrics/latency.yml as unit: min.',
			],
			[
				9,
				'metrics[0].after',
				'expected a number, got the text "45%". Write the number alone (after: 45); the unit belongs in metrics/latency.yml as unit: %.',
			],
			[
				10,
				'metrics[0].target',
				'expected a number, got the text "1,930". Write it without separators (target: 1930).',
			],
		]);
	});

	it('uses words a writer knows, not schema jargon', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				'title: T',
				'date: 2026-04-01',
				'authors: ana',
				'status: shipped',
				'tags: latency',
				'draft: maybe',
				'metrics: { metric: latency }',
			),
		});
		expect(errors.map(({ field, message }) => [field, message])).toEqual([
			['authors', 'expected a list of person ids, like [ana], got the text "ana".'],
			['tags', 'expected a list of tags, like [latency], got the text "latency".'],
			['draft', 'expected true or false, got the text "maybe".'],
			['metrics', 'expected a list of items that each start with "- metric:", got a mapping.'],
		]);
	});

	it('never says undefined, null or NaN', () => {
		const messages = problemsOf({
			'entries/x.md': entry(
				'title:',
				'date: ~',
				'authors: [null]',
				'status:',
				'metrics:',
				'  - metric: latency',
				'    before: .nan',
				'    after: null',
			),
			'entries/y.md': entry(
				'title: [1]',
				'date: 2026-04-01',
				'authors: {}',
				'status: null',
				'verified_by: null',
				'tags: [null, 1]',
			),
			'entries/z.md': entry('title: T', 'date: 2026-04-01'),
			'people/bo.yml': 'name: null\nteam: ~\n',
			'journal.yml': 'follow_up_days: .nan\nsite: null\n',
		}).map((p) => p.message);
		expect(messages.length).toBeGreaterThan(8);
		expect(messages.filter((m) => /undefined|null|NaN/.test(m))).toEqual([]);
	});

	it('keeps "Did you mean" for ids close to existing ones', () => {
		const errors = errorsOf({
			'entries/x.md': entry(
				'title: T',
				'date: 2026-04-01',
				'authors: [anna]',
				'status: shiped',
				'team: paymnts',
				'features: [one-clik]',
				'metrics:',
				'  - metric: latncy',
				'    after: 1',
			),
		});
		expect(errors.map((p) => p.message)).toEqual([
			expect.stringContaining('Did you mean "ana"?'),
			expect.stringContaining('Did you mean "shipped"?'),
			expect.stringContaining('Did you mean "payments"?'),
			expect.stringContaining('Did you mean "one-click"?'),
			expect.stringContaining('Did you mean "latency"?'),
		]);
	});
});

describe('no text field can carry a character that the feeds (XML) cannot', () => {
	const BEL = '"a\\u0007b"';
	it.each([
		['journal.yml', `title: ${BEL}\n`, 'title'],
		['journal.yml', `description: ${BEL}\n`, 'description'],
		['people/bo.yml', `name: Bo\ntitle: ${BEL}\n`, 'title'],
		['people/bo.yml', `name: Bo\ngithub: ${BEL}\n`, 'github'],
		['teams/growth.yml', `name: ${BEL}\n`, 'name'],
		['teams/growth.yml', `name: G\ndescription: ${BEL}\n`, 'description'],
		['features/one-click.md', `---\nname: O\nflag: ${BEL}\n---\n`, 'flag'],
		['metrics/latency.yml', `name: L\ndirection: down\nunit: ${BEL}\n`, 'unit'],
		[
			'metrics/latency.yml',
			`name: L\ndirection: down\nsource: "https://x.example/\\u0007"\n`,
			'source',
		],
		['entries/x.md', entry(...VALID, `summary: ${BEL}`), 'summary'],
		[
			'entries/x.md',
			entry(...VALID, 'metrics:', '  - metric: latency', `    note: ${BEL}`),
			'metrics[0].note',
		],
		[
			'entries/x.md',
			entry(...VALID, 'metrics:', '  - metric: latency', `    window: ${BEL}`),
			'metrics[0].window',
		],
		[
			'entries/x.md',
			entry(...VALID, 'links:', `  - label: ${BEL}`, '    url: https://x.example/'),
			'links[0].label',
		],
		['entries/x.md', entry(...VALID, `tags: [${BEL}]`), 'tags[0]'],
	])('%s %s', (file, text, field) => {
		expect(errorsOf({ [file]: text })).toEqual([
			expect.objectContaining({
				file,
				field,
				message: expect.stringContaining('control character U+0007'),
			}),
		]);
	});
});
