/**
 * Hostile files: each gives an error (or the warning docs/security.md promises) naming the file, or is
 * read as its author meant; none crashes the checker, reads outside the content root, or
 * prints more than a short excerpt of what it holds.
 */
import {
	copyFileSync,
	mkdirSync,
	readdirSync,
	lstatSync,
	realpathSync,
	rmSync,
	symlinkSync,
	truncateSync,
	writeFileSync,
	mkdtempSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJournal } from '../../src/lib/content/check.ts';
import {
	listFolder,
	MAX_FILE_BYTES,
	readListedFile,
	toRelative,
} from '../../src/lib/content/files.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import { hostileFixture, makeJournal, runCli } from '../helpers.ts';

const TODAY = '2026-06-01';
const VALID = ['title: Test entry', 'date: 2026-04-01', 'authors: [ana]', 'status: shipped'];
const entry = (...lines: string[]) => ['---', ...lines, '---', 'Body.', ''].join('\n');

/** Problems of the minimal fixture after `change` alters a copy of it. */
function problemsAfter(change: (root: string) => void): Problem[] {
	const root = makeJournal();
	change(root);
	return checkJournal(root, TODAY).problems;
}

const errorsAfter = (change: (root: string) => void) =>
	problemsAfter(change).filter((p) => p.severity === 'error');

/** A folder outside every journal, holding a secret that no message may print. */
function outside(): { dir: string; secret: string; file: string } {
	const dir = mkdtempSync(join(tmpdir(), 'outside-'));
	const secret = 'root:x:0:0:SECRET-LINE-THAT-MUST-NOT-BE-PRINTED:/root:/bin/bash';
	const file = join(dir, 'secret.yml');
	writeFileSync(file, `${secret}\n`.repeat(20));
	mkdirSync(join(dir, 'more'));
	writeFileSync(join(dir, 'more', 'outside-entry.md'), entry(...VALID));
	return { dir, secret, file };
}

describe('toRelative', () => {
	it('gives what path.relative gives, taking the short way only for a plain path under the root', () => {
		const roots = ['/a/b', '/a/b/', '/', 'content', './content', '/a/b/../b', '/a/./b', ''];
		const paths = [
			...['/a/b/x', '/a/b/x/y.md', '/a/b/../c', '/a/b/x/../y', '/a/b/.x', '/a/bx/y', '/a/b'],
			...['/a/b/', '/a/b//x', '/a/b/x//', '/a/b/x/.', '/a/./b/x', '/c', 'content/x', 'x'],
			...['content/./x', 'content//x', 'a/b'],
		];
		for (const root of roots)
			for (const path of paths)
				expect(toRelative(root, path), `${root} → ${path}`).toBe(relative(root, path));
	});
});

describe('files that are too big, binary or not UTF-8', () => {
	it.each([5, 50])('a %i MB entry is an error naming the file and the limit', (mb) => {
		const [p, ...rest] = errorsAfter((root) => {
			const path = join(root, 'entries/big.md');
			writeFileSync(path, entry(...VALID));
			// Grown to size without writing every byte: only its size may be looked at.
			truncateSync(path, mb * 1024 * 1024);
		});
		expect(rest).toEqual([]);
		expect(p).toMatchObject({ file: 'entries/big.md', line: 1, severity: 'error' });
		expect(p!.message).toBe(
			`is ${mb} MB; content files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Move large data out of the journal.`,
		);
	});

	it('files read one after another are each read whole, a long one and then a short one', () => {
		const long = 'A line of a long body.\n'.repeat(20_000);
		const root = makeJournal({
			'entries/a-long.md': entry(...VALID) + long,
			'entries/b-short.md': entry(...VALID),
		});
		const { journal } = checkJournal(root, TODAY);
		const body = (id: string) => journal.entries.find((doc) => doc.id === id)?.body;
		expect(body('a-long')).toBe(`Body.\n${long}`);
		expect(body('b-short')).toBe('Body.\n');
	});

	it('a binary file named .md is an error, not text', () => {
		expect(
			errorsAfter((root) =>
				writeFileSync(
					join(root, 'entries/blob.md'),
					Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
				),
			),
		).toEqual([
			expect.objectContaining({
				file: 'entries/blob.md',
				message: expect.stringMatching(/^is a binary file/),
			}),
		]);
	});

	it('a Latin-1 file is an error naming its line, not text with replaced accents', () => {
		const latin1 = Buffer.from(entry(...VALID, 'summary: Résumé'), 'latin1');
		expect(errorsAfter((root) => writeFileSync(join(root, 'entries/x.md'), latin1))).toEqual([
			expect.objectContaining({
				file: 'entries/x.md',
				line: 6,
				message: expect.stringMatching(/^is not UTF-8 text: line 6/),
			}),
		]);
	});

	it('a UTF-8 byte-order mark and CRLF line endings are read as the author meant', () => {
		const text = `\uFEFF${entry(...VALID, 'measure_by: 2026-05-01', 'summary: Café').replaceAll('\n', '\r\n')}`;
		const root = makeJournal({ 'entries/x.md': text, 'people/dee.yml': '\uFEFFname: Dee\r\n' });
		const { journal, problems } = checkJournal(root, TODAY);
		expect(problems.filter((p) => p.file.endsWith('x.md') || p.file.endsWith('dee.yml'))).toEqual(
			[expect.objectContaining({ field: 'measure_by', severity: 'warning' })], // due: a valid entry
		);
		expect(journal.entries.find((e) => e.id === 'x')?.data).toMatchObject({
			date: '2026-04-01',
			measure_by: '2026-05-01',
			summary: 'Café',
		});
	});
});

describe('frontmatter and YAML that cannot be read', () => {
	it('unterminated frontmatter is an error on line 1, with or without a body', () => {
		for (const text of ['---\ntitle: T\ndate: 2026-04-01\n', '---\ntitle: T\n\nSome body.\n']) {
			expect(errorsAfter((root) => writeFileSync(join(root, 'entries/x.md'), text))).toEqual([
				expect.objectContaining({
					file: 'entries/x.md',
					line: 1,
					message: expect.stringContaining('never closed'),
				}),
			]);
		}
	});

	it('a YAML alias bomb is an error on the line of its first alias, not gigabytes of data', () => {
		const bomb = [
			'title: T',
			'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
			...'bcdefghi'.split('').map((k, i) => {
				const prev = 'abcdefghi'[i];
				return `${k}: &${k} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
			}),
		];
		expect(
			errorsAfter((root) => writeFileSync(join(root, 'entries/x.md'), entry(...bomb))),
		).toEqual([
			expect.objectContaining({
				file: 'entries/x.md',
				line: 4,
				message: expect.stringMatching(/^YAML aliases \(\*name\) expand to too much data/),
			}),
		]);
	});
});

describe('symlinks and folders', () => {
	it('a person file that is a symlink to a file outside the root is an error that prints none of it', () => {
		const { file, secret } = outside();
		const problems = problemsAfter((root) => symlinkSync(file, join(root, 'people/eve.yml')));
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: 'people/eve.yml',
				severity: 'error',
				message: expect.stringContaining('outside the content root'),
			}),
		);
		expect(JSON.stringify(problems)).not.toContain(secret.slice(0, 20));
	});

	it('a listed file that has become a symlink to outside the root since is an error, not read', () => {
		const { file, secret } = outside();
		const root = makeJournal({ 'people/eve.yml': 'name: Eve\n' });
		const path = join(root, 'people/eve.yml');
		expect(listFolder(root, join(root, 'people'), false).files).toContain(path);
		rmSync(path);
		symlinkSync(file, path);
		const read = readListedFile(root, path, realpathSync(root));
		expect(read).toEqual({
			problem: expect.objectContaining({
				file: 'people/eve.yml',
				message: expect.stringContaining('outside the content root'),
			}),
		});
		expect(JSON.stringify(read)).not.toContain(secret.slice(0, 20));
	});

	it('a folder symlinked from outside the root is an error, and nothing in it is read', () => {
		const { dir } = outside();
		const root = makeJournal();
		symlinkSync(join(dir, 'more'), join(root, 'entries/linked'));
		const { journal, problems } = checkJournal(root, TODAY);
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: 'entries/linked',
				severity: 'error',
				message: expect.stringContaining('outside the content root'),
			}),
		);
		expect(journal.entries.map((e) => e.id)).not.toContain('outside-entry');
	});

	it('a symlink inside the root is followed', () => {
		const root = makeJournal({ 'entries/real/x.md': entry(...VALID) });
		symlinkSync(join(root, 'people/ana.yml'), join(root, 'people/ana-alias.yml'));
		const { journal, problems } = checkJournal(root, TODAY);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(journal.people.map((p) => p.id)).toContain('ana-alias');
	});

	it('a dangling symlink, a symlink loop and a folder symlinked into itself are errors', () => {
		const errors = errorsAfter((root) => {
			symlinkSync(join(root, 'nowhere.md'), join(root, 'entries/dangling.md'));
			symlinkSync(join(root, 'entries/loop-b.md'), join(root, 'entries/loop-a.md'));
			symlinkSync(join(root, 'entries/loop-a.md'), join(root, 'entries/loop-b.md'));
			symlinkSync(join(root, 'entries'), join(root, 'entries/2026/again'));
		});
		expect(errors.map(({ file, message }) => [file, message])).toEqual([
			[
				'entries/2026/again/',
				expect.stringMatching(/^is a symlink to a folder that is already read/),
			],
			[
				'entries/dangling.md',
				expect.stringMatching(/^is a symlink to ".*nowhere\.md", which does not/),
			],
			['entries/loop-a.md', expect.stringMatching(/^is a symlink loop/)],
			['entries/loop-b.md', expect.stringMatching(/^is a symlink loop/)],
		]);
	});

	it('a symlink to a long path is quoted by its end, which names the file', () => {
		const errors = errorsAfter((root) =>
			symlinkSync(
				join(root, 'x'.repeat(80), 'nowhere-to-be-found.md'),
				join(root, 'entries/dangling.md'),
			),
		);
		expect(errors.map(({ message }) => message)).toEqual([
			expect.stringMatching(/^is a symlink to "…x+\/nowhere-to-be-found\.md", which does not/),
		]);
		expect(errors[0]!.message.split('"')[1]).toHaveLength(50);
	});

	it('an entry 50 folders deep is read', () => {
		const deep = `entries/${Array.from({ length: 50 }, (_, i) => `d${i}`).join('/')}/deep.md`;
		const { journal, problems } = checkJournal(makeJournal({ [deep]: entry(...VALID) }), TODAY);
		expect(problems.filter((p) => p.file === deep)).toEqual([
			expect.objectContaining({ field: 'status', severity: 'warning' }),
		]);
		expect(journal.entries.map((e) => e.id)).toContain('deep');
	});

	it('a hidden .md file is skipped with a warning, so that it is not lost unnoticed', () => {
		expect(
			problemsAfter((root) => writeFileSync(join(root, 'entries/.idea.md'), entry(...VALID))),
		).toContainEqual({
			file: 'entries/.idea.md',
			line: 1,
			field: null,
			severity: 'warning',
			message:
				'ignored: names starting with "." are hidden and not read; rename the file to publish it.',
		});
	});
});

describe('images a body shows from beside it', () => {
	it('must be files inside the content root: missing, outside or malformed is an error on its line', () => {
		const { dir } = outside();
		writeFileSync(join(dir, 'secret.png'), 'not for the site');
		const body = [
			'![here](./here.png) ![remote](https://example.com/x.png) ![site](/favicon.svg)',
			'![missing](./missing.png)',
			// From entries/2026/ of a journal in the same temp folder as `dir`.
			`![outside](../../../${basename(dir)}/secret.png)`,
			'![escaped](../../../..%2Fetc%2Fhostname.png)',
			'![bad][ref]',
			'',
			'[ref]: %E0%A4%A.png',
		].join('\n');
		const root = makeJournal({ 'entries/2026/x.md': `${entry(...VALID)}${body}\n` });
		copyFileSync(
			join(hostileFixture, 'entries/2026/pixel.png'),
			join(root, 'entries/2026/here.png'),
		);
		symlinkSync(join(dir, 'secret.png'), join(root, 'entries/2026/linked.png'));
		writeFileSync(
			join(root, 'features/one-click.md'),
			'---\nname: One-click\n---\n![linked](../entries/2026/linked.png)\n',
		);
		const errors = checkJournal(root, TODAY).problems.filter((p) => p.severity === 'error');
		expect(errors.map(({ file, line, message }) => [file, line, message.split(/[;,]/)[0]])).toEqual(
			[
				// The symlink itself is an error where it lies, and so is every image that shows it.
				['entries/2026/linked.png', 1, expect.stringMatching(/^is a symlink to ".*secret\.png"$/)],
				['entries/2026/x.md', 9, 'image "./missing.png" does not exist'],
				[
					'entries/2026/x.md',
					10,
					expect.stringMatching(/^image ".*" is outside the content root$/),
				],
				['entries/2026/x.md', 11, 'image "../../../..%2Fetc%2Fhostname.png" does not exist'],
				['entries/2026/x.md', 12, 'image "%E0%A4%A.png" has a malformed %-escape'],
				[
					'features/one-click.md',
					4,
					'image "../entries/2026/linked.png" is outside the content root',
				],
			],
		);
	});
});

describe('images the build copies', () => {
	it('must be pictures the build can read, and never SVG, which runs script where it is served', () => {
		const body = [
			'![text](./text.png)',
			'![svg](./x.svg) ![upper-case svg](./Y.SVG)',
			'![svg named png](./svg.png)',
			'![pixel](./pixel.png)',
			'![by reference][s]',
			'',
			'[s]: ./x.svg',
		].join('\n');
		const root = makeJournal({ 'entries/2026/x.md': `${entry(...VALID)}${body}\n` });
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
		writeFileSync(join(root, 'entries/2026/text.png'), 'hello');
		writeFileSync(join(root, 'entries/2026/x.svg'), svg);
		writeFileSync(join(root, 'entries/2026/Y.SVG'), svg.replace('>', ' width="9" height="9">'));
		writeFileSync(join(root, 'entries/2026/svg.png'), svg.replace('>', ' width="9" height="9">'));
		copyFileSync(
			join(hostileFixture, 'entries/2026/pixel.png'),
			join(root, 'entries/2026/pixel.png'),
		);
		const errors = checkJournal(root, TODAY).problems.filter((p) => p.severity === 'error');
		const unreadable = 'is not a picture the build can read';
		const script = 'is an SVG, which can run script when opened from the site';
		expect(
			errors.map(({ file, line, field, message }) => [
				file,
				line,
				field,
				message.split(/[;(]/)[0]!.trim(),
			]),
		).toEqual([
			['entries/2026/x.md', 8, null, `image "./text.png" ${unreadable}`],
			['entries/2026/x.md', 9, null, `image "./x.svg" ${script}`],
			['entries/2026/x.md', 9, null, `image "./Y.SVG" ${script}`],
			['entries/2026/x.md', 10, null, `image "./svg.png" ${script}`],
			['entries/2026/x.md', 12, null, `image "./x.svg" ${script}`],
		]);
	});
});

describe('npm run check on a journal of hostile files', () => {
	/** Every file and folder under `dir` with its size and modification time. */
	const snapshot = (dir: string) =>
		readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.sort()
			.map((path) => {
				const stat = lstatSync(join(dir, path));
				return `${path} ${stat.size} ${stat.mtimeMs}`;
			});

	it('exits 1 with JSON naming each file, no stack trace, and writes nothing into the content', async () => {
		const { file, secret } = outside();
		const root = makeJournal({
			'entries/x.md': '---\ntitle: T\n',
			'entries/bin.md': '\0\0\0',
		});
		symlinkSync(file, join(root, 'people/eve.yml'));
		symlinkSync(join(root, 'entries/loop.md'), join(root, 'entries/loop.md'));
		const before = snapshot(root);
		const result = await runCli(['check', '--format', 'json'], { JOURNAL_CONTENT: root });
		expect(result.code).toBe(1);
		const files = (JSON.parse(result.stdout) as Problem[])
			.filter((p) => p.severity === 'error')
			.map((p) => p.file);
		expect(files).toEqual(['entries/bin.md', 'entries/loop.md', 'entries/x.md', 'people/eve.yml']);
		expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at |SECRET-LINE/);
		expect(result.stdout).not.toContain(secret);
		expect(snapshot(root)).toEqual(before);
	});
});
