import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJournal as checkOnly, type CheckResult } from '../../src/lib/content/check.ts';
import type { SourceDoc } from '../../src/lib/content/load.ts';
import {
	codeKey,
	openParseCache,
	ParseCache,
	parseCacheFile,
} from '../../src/lib/content/parse-cache.ts';
import { hostileFixture, makeJournal, sampleContent } from '../helpers.ts';

const TODAY = '2026-06-01';

/** A check that keeps its readings in `cache`, as the commands do. */
function checkJournal(root: string, today: string, cache?: ParseCache): CheckResult {
	const result = checkOnly(root, today, cache);
	cache?.save();
	return result;
}

/** A fresh cache file in a folder of its own. */
const newCacheFile = () => join(mkdtempSync(join(tmpdir(), 'parse-cache-')), 'readings.bin');

/** What a check found and read, as plain values: every doc's data, body and every line. */
function reading({ journal, problems }: CheckResult) {
	const docs = (list: SourceDoc<unknown>[]) =>
		list.map(({ id, file, raw, data, body, bodyLine, lines }) => ({
			id,
			file,
			raw,
			data,
			body,
			bodyLine,
			lines: [...lines].sort(),
		}));
	const { people, teams, features, metrics, entries } = journal;
	return { problems, docs: [people, teams, features, metrics, entries].map(docs) };
}

describe('the cache of readings', () => {
	it.each([
		['the sample journal', sampleContent],
		['the hostile journal', hostileFixture],
	])('gives %s the same check, data and lines as reading every file', (_, root) => {
		const file = newCacheFile();
		const uncached = reading(checkJournal(root, TODAY));
		const first = reading(checkJournal(root, TODAY, new ParseCache(file)));
		const cached = new ParseCache(file);
		const second = reading(checkJournal(root, TODAY, cached));
		expect(first).toEqual(uncached);
		expect(second).toEqual(uncached);
	});

	it('reads an edited file afresh and keeps the readings of the others', () => {
		const file = newCacheFile();
		const root = makeJournal();
		checkJournal(root, TODAY, new ParseCache(file));
		const path = join(root, 'people/ana.yml');
		const before = readFileSync(path, 'utf8');
		writeFileSync(path, before.replace(/^name: .*$/m, 'name: Ana Edited'));
		const { journal } = checkJournal(root, TODAY, new ParseCache(file));
		const ana = journal.people.find((p) => p.id === 'ana');
		expect(ana?.data).toMatchObject({ name: 'Ana Edited' });
		// The unchanged text's reading is still there, under its own key.
		const cache = new ParseCache(file);
		expect(cache.get(cache.key('people', before))).toBeUndefined();
		const team = readFileSync(join(root, 'teams/payments.yml'), 'utf8');
		expect(cache.get(cache.key('teams', team))?.data).toMatchObject({ name: 'Payments' });
	});

	it('gives two files with the same YAML data of their own', () => {
		const file = newCacheFile();
		const text =
			'---\ntitle: Twin\ndate: 2026-04-01\nauthors: [ana]\nstatus: shipped\n---\nBody.\n';
		const root = makeJournal({ 'entries/2026/twin-a.md': text, 'entries/2026/twin-b.md': text });
		checkJournal(root, TODAY, new ParseCache(file));
		const { journal } = checkJournal(root, TODAY, new ParseCache(file));
		const [a, b] = ['twin-a', 'twin-b'].map((id) => journal.entries.find((e) => e.id === id)!);
		expect(a!.data).toEqual(b!.data);
		expect(a!.data).not.toBe(b!.data);
		expect(a!.raw).not.toBe(b!.raw);
	});

	it('keeps no reading with a problem, so its message is worded afresh each time', () => {
		const file = newCacheFile();
		const text = 'name: Bo\nteam: [payments\n';
		const root = makeJournal({ 'people/bo.yml': text });
		const problemsOf = () =>
			checkJournal(root, TODAY, new ParseCache(file)).problems.filter(
				(p) => p.file === 'people/bo.yml',
			);
		const first = problemsOf();
		expect(first.length).toBeGreaterThan(0);
		expect(problemsOf()).toEqual(first);
		const cache = new ParseCache(file);
		expect(cache.get(cache.key('people', text))).toBeUndefined();
	});

	it('is a different cache for different reading code', () => {
		const file = newCacheFile();
		const root = makeJournal();
		checkJournal(root, TODAY, new ParseCache(file, 'code-1'));
		const team = readFileSync(join(root, 'teams/payments.yml'), 'utf8');
		const same = new ParseCache(file, 'code-1');
		expect(same.get(same.key('teams', team))).toBeDefined();
		const other = new ParseCache(file, 'code-2');
		expect(other.get(other.key('teams', team))).toBeUndefined();
	});

	it('keys the code by the text of the reading modules', () => {
		const folder = mkdtempSync(join(tmpdir(), 'reading-code-'));
		writeFileSync(join(folder, 'schema.ts'), 'export const a = 1;');
		writeFileSync(join(folder, 'notes.md'), 'not code');
		const before = codeKey([folder]);
		expect(codeKey([folder])).toBe(before);
		writeFileSync(join(folder, 'notes.md'), 'still not code');
		expect(codeKey([folder])).toBe(before);
		writeFileSync(join(folder, 'schema.ts'), 'export const a = 2;');
		expect(codeKey([folder])).not.toBe(before);
		expect(codeKey()).not.toBe(before);
	});

	it('starts afresh from a cache file it cannot read, and writes a good one', () => {
		const file = newCacheFile();
		writeFileSync(file, 'not a cache');
		const root = makeJournal();
		const uncached = reading(checkJournal(root, TODAY));
		expect(reading(checkJournal(root, TODAY, new ParseCache(file)))).toEqual(uncached);
		expect(reading(checkJournal(root, TODAY, new ParseCache(file)))).toEqual(uncached);
		expect(readFileSync(file).subarray(0, 11).toString()).not.toBe('not a cache');
	});

	it('writes nothing when a run reads nothing new', () => {
		const file = newCacheFile();
		const root = makeJournal();
		checkJournal(root, TODAY, new ParseCache(file));
		const written = statSync(file).mtimeMs;
		const size = statSync(file).size;
		writeFileSync(file, readFileSync(file)); // the same bytes, a new modification time
		const touched = statSync(file).mtimeMs;
		checkJournal(root, TODAY, new ParseCache(file));
		expect(statSync(file).mtimeMs).toBe(touched);
		expect(statSync(file).size).toBe(size);
		expect(touched).toBeGreaterThanOrEqual(written);
	});

	it('lives in the project’s node_modules/.cache, and nowhere without node_modules', () => {
		const project = mkdtempSync(join(tmpdir(), 'project-'));
		expect(parseCacheFile(project)).toBeUndefined();
		expect(openParseCache(project)).toBeUndefined();
		mkdirSync(join(project, 'node_modules'));
		expect(parseCacheFile(project)).toBe(
			join(project, 'node_modules', '.cache', 'outcome-journal', 'readings.bin'),
		);
		expect(openParseCache(project)).toBeInstanceOf(ParseCache);
	});

	it('checks without a cache when the reading code cannot be keyed', () => {
		const project = mkdtempSync(join(tmpdir(), 'project-'));
		mkdirSync(join(project, 'node_modules'));
		const unknown = () => {
			throw new Error('No node_modules/js-yaml/package.json above /somewhere.');
		};
		expect(openParseCache(project, unknown)).toBeUndefined();
	});
});
