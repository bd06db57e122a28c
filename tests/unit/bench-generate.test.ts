import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	BENCH_TODAY,
	generateJournal,
	SHAPE,
	SHAPES,
	type GeneratedJournal,
	type Shape,
} from '../../scripts/bench/generate.ts';
import { writeJournalRepo } from '../../scripts/bench/git-history.ts';
import { checkJournal } from '../../src/lib/content/check.ts';
import { loadJournal, type LoadedJournal } from '../../src/lib/content/load.ts';
import { MetricSchema } from '../../src/lib/content/schema.ts';
import { parseSeries } from '../../src/lib/content/series.ts';
import { parseYamlWithLines } from '../../src/lib/content/yaml-lines.ts';
import { getLastUpdated } from '../../src/lib/site/last-updated.ts';
import { daysBetween } from '../../src/lib/utils/dates.ts';

const SIZE = 80;

function writeRepo(journal: GeneratedJournal): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'bench-journal-')), 'journal');
	writeJournalRepo(dir, journal.commits);
	return dir;
}

/** Every file under `dir` (outside .git) → its bytes. */
function readTree(dir: string): Map<string, Buffer> {
	return new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile() && !relative(dir, d.parentPath).startsWith('.git'))
			.map((d) => [
				relative(dir, join(d.parentPath, d.name)),
				readFileSync(join(d.parentPath, d.name)),
			]),
	);
}

const git = (dir: string, ...args: string[]) =>
	execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('the synthetic journal', () => {
	let dir: string;
	let journal: LoadedJournal;
	/** A larger journal, in memory only, for proportions and rarer fields. */
	let big: GeneratedJournal;

	beforeAll(() => {
		dir = writeRepo(generateJournal(SIZE, 7));
		journal = loadJournal(dir);
		big = generateJournal(2000, 3);
	});

	it('is byte for byte the same for the same seed, history included', () => {
		const again = writeRepo(generateJournal(SIZE, 7));
		expect(readTree(again)).toEqual(readTree(dir));
		expect(git(again, 'rev-parse', 'HEAD')).toBe(git(dir, 'rev-parse', 'HEAD'));
	});

	it('differs for another seed', () => {
		const other = generateJournal(SIZE, 8).files;
		const same = [...generateJournal(SIZE, 7).files].filter(
			([path, text]) => other.get(path) === text,
		);
		expect(same.length).toBeLessThan(other.size / 2);
	});

	it('passes the checker with no errors', () => {
		const { problems } = checkJournal(dir, BENCH_TODAY);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
	});

	it('reads no result after its today', () => {
		const readOn = [...big.files.values()].flatMap((text) =>
			[...text.matchAll(/^ {4}measured_on: (\S+)$/gm)].map((m) => m[1]!),
		);
		expect(readOn.length).toBeGreaterThan(100);
		expect(readOn.filter((date) => date > BENCH_TODAY)).toEqual([]);
	});

	it('has people, teams, features and metrics in the promised proportion to entries', () => {
		const files = [...big.files.keys()];
		const count = (pattern: RegExp) => files.filter((f) => pattern.test(f)).length;
		const entries = count(/^entries\/.*\.md$/);
		expect(entries).toBe(2000);
		expect(count(/^people\/.*\.yml$/) / entries).toBeCloseTo(SHAPE.people, 3);
		expect(count(/^teams\/.*\.yml$/) / entries).toBeCloseTo(SHAPE.teams, 3);
		expect(count(/^features\/.*\.md$/) / entries).toBeCloseTo(SHAPE.features, 3);
		expect(count(/^metrics\/.*\.yml$/) / entries).toBeCloseTo(SHAPE.metrics, 3);
		expect(count(/^metrics\/.*\.csv$/)).toBe(count(/^metrics\/.*\.yml$/));
	});

	it('spreads entries over five years in year and team folders', () => {
		const years = new Set(journal.entries.map((e) => e.data!.date.slice(0, 4)));
		expect(years.size).toBe(5);
		const teams = new Set(journal.teams.map((t) => t.id));
		const nested = journal.entries.filter((e) => {
			const [, year, team] = e.file.split('/');
			return year === e.data!.date.slice(0, 4) && teams.has(team!);
		});
		expect(nested.length).toBeGreaterThan(SIZE / 2);
	});

	it('links entries into follows chains of more than one step', () => {
		const follows = new Map(journal.entries.map((e) => [e.id, e.data!.follows]));
		const chainLength = (slug: string | undefined): number =>
			slug ? 1 + chainLength(follows.get(slug)) : 0;
		expect(Math.max(...journal.entries.map((e) => chainLength(e.id)))).toBeGreaterThanOrEqual(3);
	});

	it('writes bodies of 150 to 600 words with headings, lists, tables and code', () => {
		const bodies = journal.entries.map((e) => e.body!);
		const words = bodies.map(
			(b) => b.replace(/```[\s\S]*?```/g, '').match(/\S*[a-z]\S*/gi)?.length ?? 0,
		);
		expect(Math.min(...words)).toBeGreaterThanOrEqual(SHAPES.typical.words.min);
		expect(Math.max(...words)).toBeLessThanOrEqual(SHAPES.typical.words.max);
		expect(bodies.every((b) => b.includes('## What happened'))).toBe(true);
		expect(bodies.some((b) => /^- /m.test(b))).toBe(true);
		expect(bodies.some((b) => /^\| --- \|/m.test(b))).toBe(true);
		expect(bodies.some((b) => /^```\w+$/m.test(b))).toBe(true);
	});

	it('uses every part of the entry format', () => {
		const data = journal.entries.map((e) => e.data!);
		expect(new Set(data.map((d) => d.status)).size).toBe(5);
		expect(new Set(data.map((d) => d.visibility))).toEqual(new Set(['public', 'internal']));
		const results = data.flatMap((d) => d.metrics ?? []);
		expect(
			results.some((r) => r.after !== undefined && r.measured_on && r.method && r.window),
		).toBe(true);
		const steps = data.flatMap((d) => d.next ?? []);
		expect(new Set(steps.map((s) => s.done))).toEqual(new Set([true, false]));
		expect(steps.every((s) => s.owner && s.due)).toBe(true);
		expect(data.some((d) => d.verified_by)).toBe(true);
		expect(data.some((d) => d.authors.some((a) => typeof a === 'object' && a.role))).toBe(true);
		expect(data.every((d) => d.tags?.length)).toBe(true);
		expect(big.entries.some((e) => e.draft)).toBe(true);
		expect(big.entries.some((e) => e.aliases.length)).toBe(true);
	});

	it('has metrics that go up and down, each with a valid weekly CSV series', () => {
		const metrics = [...big.files].filter(([path]) => /^metrics\/.*\.yml$/.test(path));
		const directions = metrics.map(([path, text]) => {
			const parsed = MetricSchema.safeParse(parseYamlWithLines(text).data);
			expect(parsed.error, path).toBeUndefined();
			return parsed.data!.direction;
		});
		expect(new Set(directions)).toEqual(new Set(['up', 'down']));
		for (const [path] of metrics) {
			const csv = path.replace(/\.yml$/, '.csv');
			const { points, problems } = parseSeries(big.files.get(csv)!, csv);
			expect(problems).toEqual([]);
			expect(points.length).toBeGreaterThan(5 * 52);
			for (let i = 1; i < points.length; i++)
				expect(daysBetween(points[i - 1]!.date, points[i]!.date)).toBe(7);
		}
	});

	it('commits its history over the five years, so "last updated" comes from git', () => {
		const commits = Number(git(dir, 'rev-list', '--count', 'HEAD'));
		expect(commits).toBeGreaterThan(SIZE / 2);
		expect(big.commits.length).toBeGreaterThanOrEqual(200);
		const files = journal.entries.map((e) => e.file);
		const updated = getLastUpdated(dir, files);
		const revised = journal.entries.filter((e) => updated.get(e.file)! > e.data!.date);
		expect(revised.length).toBeGreaterThan(0);
		expect(new Set(updated.values()).size).toBeGreaterThan(SIZE / 4);
	});
});

/** Prose words of a body, counted independently of the generator: fenced code left out. */
const proseWords = (body: string) =>
	body.replace(/```[\s\S]*?```/g, '').match(/\S*[a-z]\S*/gi)?.length ?? 0;
const codeBlocks = (body: string) => body.match(/^```\w+$/gm)?.length ?? 0;
const hasTable = (body: string) => /^\| -+:? \|/m.test(body);

describe('the journal shapes', () => {
	const loaded = new Map<Shape, LoadedJournal>();
	const dirs = new Map<Shape, string>();
	beforeAll(() => {
		for (const shape of ['short', 'long'] as const) {
			const dir = writeRepo(generateJournal(SIZE, 5, shape));
			dirs.set(shape, dir);
			loaded.set(shape, loadJournal(dir));
		}
	});

	it("gives today's journal, byte for byte, as the typical shape", () => {
		expect(generateJournal(SIZE, 7, 'typical').files).toEqual(generateJournal(SIZE, 7).files);
	});

	it('is deterministic for each shape, and each shape differs from the others', () => {
		for (const shape of ['short', 'long'] as const)
			expect(generateJournal(SIZE, 5, shape).files).toEqual(generateJournal(SIZE, 5, shape).files);
		const entry = (shape: Shape) =>
			[...generateJournal(SIZE, 5, shape).files].find(([path]) => path.startsWith('entries/'))![1];
		expect(new Set([entry('typical'), entry('short'), entry('long')]).size).toBe(3);
	});

	it('writes short entries of 50 to 150 words, with no code, no table and at most one metric', () => {
		const entries = loaded.get('short')!.entries;
		const words = entries.map((e) => proseWords(e.body!));
		expect(Math.min(...words)).toBeGreaterThanOrEqual(50);
		expect(Math.max(...words)).toBeLessThanOrEqual(150);
		// Spread over the range, not bunched at one end.
		expect(Math.max(...words) - Math.min(...words)).toBeGreaterThan(60);
		expect(entries.filter((e) => codeBlocks(e.body!) > 0)).toEqual([]);
		expect(entries.filter((e) => e.body!.includes('| --'))).toEqual([]);
		expect(Math.max(...entries.map((e) => e.data!.metrics?.length ?? 0))).toBe(1);
	});

	it('writes long entries of 600 to 1,500 words, each with a table and two to four code blocks', () => {
		const entries = loaded.get('long')!.entries;
		const words = entries.map((e) => proseWords(e.body!));
		expect(Math.min(...words)).toBeGreaterThanOrEqual(600);
		expect(Math.max(...words)).toBeLessThanOrEqual(1500);
		expect(Math.max(...words) - Math.min(...words)).toBeGreaterThan(400);
		for (const e of entries) {
			expect(hasTable(e.body!), e.file).toBe(true);
			expect(codeBlocks(e.body!), e.file).toBeGreaterThanOrEqual(2);
			expect(codeBlocks(e.body!), e.file).toBeLessThanOrEqual(4);
		}
		// Entries with results carry a second table: the metrics before and after.
		expect(entries.some((e) => (e.body!.match(/^\| ---/gm)?.length ?? 0) >= 2)).toBe(true);
	});

	it('passes the checker with no errors in every shape', () => {
		for (const shape of ['short', 'long'] as const) {
			const { problems } = checkJournal(dirs.get(shape)!, BENCH_TODAY);
			expect(
				problems.filter((p) => p.severity === 'error'),
				shape,
			).toEqual([]);
		}
	});
});
