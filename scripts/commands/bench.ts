/**
 * `npm run bench`: generate a synthetic journal per size and shape, then measure the project
 * against a bare Astro baseline on the same files, in alternating pairs within one run (see
 * scripts/bench/ and docs/benchmark.md).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/lib/content/env.ts';
import { parseCacheFile } from '../../src/lib/content/parse-cache.ts';
import { astroCacheDir } from '../../src/lib/integration/cache-dir.ts';
import { writeBaselineProject } from '../bench/baseline.ts';
import { measureDev, type DevTimes } from '../bench/dev.ts';
import { readDistStats } from '../bench/dist-stats.ts';
import {
	BENCH_TODAY,
	generateJournal,
	SHAPE_NAMES,
	TYPICAL_QUERY,
	type GeneratedJournal,
	type Shape,
} from '../bench/generate.ts';
import { writeJournalRepo } from '../bench/git-history.ts';
import { describeMachine } from '../bench/machine.ts';
import { runMeasured, type Run } from '../bench/measure.ts';
import { outOfMemory, projectedPeak } from '../bench/memory.ts';
import { benchMessages as say } from '../bench/messages.ts';
import { findChromium } from '../bench/chromium.ts';
import { measureQueryBytes, NO_BROWSER, serveStatic, type QueryTarget } from '../bench/query.ts';
import {
	toMarkdown,
	type BenchResult,
	type PairRun,
	type SizeMeasurements,
	type Timed,
} from '../bench/report.ts';
import type { Context } from '../context.ts';
import { astroBin } from './astro.ts';

export const STEPS = ['check', 'build', 'search', 'baseline', 'query', 'dev'] as const;
type Step = (typeof STEPS)[number];

/**
 * The project's own search page: the bench types into its input (not the header's search box,
 * which every page has) and counts the results it lists. Without dist/search/, the query is
 * measured through Pagefind's API instead.
 */
export const PROJECT_SEARCH_PAGE: QueryTarget = {
	kind: 'page',
	path: '/search/',
	input: '#search-q',
	result: '.search-results > li',
};

/**
 * The switch that turns search indexing off in a project build: the search integration skips
 * Pagefind when `JOURNAL_SEARCH=0`, so the bench can time the same build with and without it.
 */
export const SEARCH_OFF = { JOURNAL_SEARCH: '0' };

/**
 * Every timed build compiles its code afresh. Astro turns on Node's compile cache, which keeps
 * compiled modules between runs, its build chunks among them: the one that holds the content
 * store takes a large share of a big build to compile, and no time when an identical earlier
 * build cached it. Whichever build ran second (or a rerun of the deterministic baseline)
 * skipped it.
 */
const COLD_COMPILE = { NODE_DISABLE_COMPILE_CACHE: '1' };

/** Pagefind's JS API from a blank page: for a site without a search page of its own. */
const PAGEFIND_API: QueryTarget = { kind: 'api', bundle: '/pagefind/' };

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** `npm run build` without npm: Astro's build, then the search index. */
const buildCommand = [join(repoRoot, 'scripts/run.js'), 'build'];
/** What `npm run check` runs, Node's flags included, without npm's own start: `node …` → […]. */
const checkCommand = (
	JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
		scripts: { check: string };
	}
).scripts.check
	.split(' ')
	.slice(1);
const pagefindBin = join(repoRoot, 'node_modules/pagefind/lib/runner/bin.cjs');

interface BenchOptions {
	sizes: number[];
	shapes: Shape[];
	pairs: number;
	skip: Set<Step>;
	seed: number;
	port: number;
	out: string;
	work: string;
}

export async function runBench(
	ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	const options = readOptions(ctx);
	const print = (text: string) => ctx.out.stdout(text);
	const result: BenchResult = {
		seed: options.seed,
		startedAt: new Date().toISOString(),
		machine: describeMachine(repoRoot),
		pairs: options.pairs,
		sizes: [],
	};
	print(say.machine(result.machine));
	print(say.sharedMachine());
	mkdirSync(options.out, { recursive: true });
	const json = join(options.out, 'bench.json');
	const markdown = join(options.out, 'bench.md');
	// Written after every size and shape, so that a long run stopped midway keeps what it measured.
	const save = () => {
		result.machine.loadAfter = loadavg();
		writeFileSync(json, `${JSON.stringify(result, null, '\t')}\n`);
		writeFileSync(markdown, toMarkdown(result));
	};
	let failed = false;
	if (!options.skip.has('build') || !options.skip.has('baseline'))
		failed = !(await warmUp(options, ctx.env, print));
	for (const entries of [...options.sizes].sort((a, b) => a - b))
		for (const shape of options.shapes) {
			print(say.size(entries, shape, options.pairs));
			warnAboutMemory(result.sizes, entries, shape, print);
			const measured = await measureSize(entries, shape, options, ctx.env, print);
			result.sizes.push(measured.size);
			failed ||= measured.failed;
			save();
		}
	save();
	print(`\n${toMarkdown(result)}`);
	print(say.wrote(relative(ctx.cwd, json), relative(ctx.cwd, markdown)));
	return failed ? 1 : 0;
}

function readOptions(ctx: Pick<Context, 'flags' | 'cwd'>): BenchOptions {
	const { flags } = ctx;
	const entries = flags.entries ?? '1000,10000';
	const sizes = [...new Set(entries.split(',').map((s) => Number(s.trim())))];
	if (!sizes.every((n) => Number.isInteger(n) && n > 0))
		throw new UsageError(say.badSizes(entries));
	const shapes = [...new Set((flags.shapes ?? SHAPE_NAMES.join(',')).split(',').filter(Boolean))];
	for (const shape of shapes)
		if (!(SHAPE_NAMES as string[]).includes(shape))
			throw new UsageError(say.badShape(shape, SHAPE_NAMES));
	const skip = new Set((flags.skip ?? '').split(',').filter(Boolean));
	for (const step of skip)
		if (!(STEPS as readonly string[]).includes(step))
			throw new UsageError(say.badSkip(step, STEPS));
	const number = (flag: string, fallback: number) => {
		const value = Number(flags[flag] ?? fallback);
		if (!Number.isInteger(value) || value <= 0)
			throw new UsageError(say.badNumber(flag, String(flags[flag])));
		return value;
	};
	return {
		sizes,
		shapes: shapes as Shape[],
		pairs: number('pairs', 3),
		skip: skip as Set<Step>,
		seed: number('seed', 1),
		port: number('port', 4390),
		out: resolve(ctx.cwd, flags.out ?? 'bench-results'),
		work: join(tmpdir(), 'outcome-journal-bench'),
	};
}

/** Says beforehand when a size looks set to need more memory than the machine has. */
function warnAboutMemory(
	done: SizeMeasurements[],
	entries: number,
	shape: Shape,
	print: (text: string) => void,
): void {
	const peaks = done
		.filter((m) => m.shape === shape)
		.map((m) => ({
			entries: m.entries,
			peakRss:
				Math.max(
					0,
					...m.pairs.flatMap((p) => [
						p.project.withSearch?.peakRss ?? 0,
						p.project.withoutSearch?.peakRss ?? 0,
					]),
				) || null,
		}));
	const projected = projectedPeak(peaks, entries);
	if (projected !== null && projected > totalmem() * 0.9)
		print(say.memoryAhead(entries, projected, totalmem()));
}

/** Entries in the warm-up journal: enough to run every page kind, quick to build. */
const WARM_UP_ENTRIES = 200;

/**
 * The first Astro build on a machine, or in a fresh clone, is far slower than the next ones,
 * whatever the journal. Whichever build came first paid for it. So one untimed build of the
 * project (with search) and of the baseline (with Pagefind) on a small journal comes before
 * anything is timed.
 */
async function warmUp(
	options: BenchOptions,
	env: Context['env'],
	print: (text: string) => void,
): Promise<boolean> {
	const started = performance.now();
	const dir = join(options.work, 'journal-warm-up');
	writeJournalRepo(dir, generateJournal(WARM_UP_ENTRIES, options.seed).commits);
	const runEnv = benchEnv(env, dir);
	const baseDir = join(options.work, 'baseline-warm-up');
	writeBaselineProject(baseDir, dir, repoRoot);
	const steps: [string, string, string[]][] = [
		['project', repoRoot, [...buildCommand, '--outDir', join(options.work, 'dist-warm-up')]],
		['baseline', baseDir, [astroBin, 'build']],
		['pagefind', baseDir, [pagefindBin, '--site', join(baseDir, 'dist')]],
	];
	for (const [step, cwd, args] of steps) {
		const run = await runMeasured(process.execPath, args, { cwd, env: runEnv });
		if (run.code !== 0) {
			print(say.failed(`warm-up ${step}`, run.tail));
			return false;
		}
	}
	print(say.warmedUp(WARM_UP_ENTRIES, performance.now() - started));
	return true;
}

/** The environment every measured command runs in, for the journal at `dir`. */
function benchEnv(env: Context['env'], dir: string): Context['env'] {
	return {
		...env,
		JOURNAL_CONTENT: dir,
		JOURNAL_TODAY: BENCH_TODAY,
		ASTRO_TELEMETRY_DISABLED: '1',
	};
}

/** What every step of one size and shape needs. */
interface SizeRun {
	entries: number;
	shape: Shape;
	/** The generated journal's root. */
	dir: string;
	journal: GeneratedJournal;
	/** Slugs of published entries: their pages are the entry pages. */
	slugs: string[];
	env: Context['env'];
	options: BenchOptions;
	print: (text: string) => void;
	/** The project's output with search, read once the pairs are done. */
	distDir: string;
	/** The baseline project. */
	baseDir: string;
	/**
	 * Keeps a run's figures, or null when it failed: the failure is printed with its output,
	 * recorded in `problems` (in words when it ran out of memory) and fails the bench.
	 */
	timed: (step: string, run: Run) => Timed | null;
	problems: string[];
	/** The last line of the latest `check`, for the report. */
	checkSummary: string | null;
}

async function measureSize(
	entries: number,
	shape: Shape,
	options: BenchOptions,
	env: Context['env'],
	print: (text: string) => void,
): Promise<{ size: SizeMeasurements; failed: boolean }> {
	const name = `${shape}-${entries}`;
	const dir = join(options.work, `journal-${name}`);
	const started = performance.now();
	const journal = generateJournal(entries, options.seed, shape);
	writeJournalRepo(dir, journal.commits);
	const generateMs = performance.now() - started;
	print(say.generated(dir, journal.files.size, journal.commits.length, generateMs));
	const problems: string[] = [];
	const run: SizeRun = {
		entries,
		shape,
		dir,
		journal,
		slugs: journal.entries.filter((e) => !e.draft).map((e) => e.slug),
		env: benchEnv(env, dir),
		options,
		print,
		distDir: join(options.work, `dist-${name}`),
		baseDir: join(options.work, `baseline-${name}`),
		problems,
		checkSummary: null,
		timed: (step, result) => {
			if (result.code === 0) {
				const { ms, cpuMs, peakRss, code } = result;
				return { ms, cpuMs, peakRss, code };
			}
			print(say.failed(step, result.tail));
			const memory = outOfMemory(result);
			problems.push(
				memory
					? say.outOfMemory(step, entries, memory, result.peakRss, totalmem())
					: say.stepFailed(step, result.code),
			);
			return null;
		},
	};
	const { skip } = options;
	if (!skip.has('baseline')) writeBaselineProject(run.baseDir, dir, repoRoot);
	const pairs: PairRun[] = [];
	for (let i = 0; i < options.pairs && !problems.length; i++) pairs.push(await measurePair(run, i));
	const size: SizeMeasurements = {
		entries,
		shape,
		journal: {
			files: journal.files.size,
			bytes: [...journal.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0),
			commits: journal.commits.length,
			generateMs,
		},
		checkSummary: null,
		pairs,
		project: { dist: null, query: null },
		baseline: { dist: null, query: null },
		dev: null,
		problems,
	};
	// Only what this run built: a skipped side's folder may hold an earlier run's output.
	if (!problems.length && !skip.has('build'))
		size.project = await readOutput(run, run.distDir, 'project');
	if (!problems.length && !skip.has('baseline'))
		size.baseline = await readOutput(run, join(run.baseDir, 'dist'), 'baseline');
	size.checkSummary = run.checkSummary;
	if (!skip.has('dev') && !problems.length) {
		size.dev = await measureDevFor(run);
		if (size.dev.failure) problems.push(say.devFailed());
	}
	return { size, failed: problems.length > 0 };
}

/**
 * One pair: `check`, then the project's builds and the baseline's, the project first in odd
 * pairs and the baseline first in even ones.
 */
async function measurePair(run: SizeRun, index: number): Promise<PairRun> {
	const { skip } = run.options;
	const pair: PairRun = {
		first: index % 2 === 0 ? 'project' : 'baseline',
		check: null,
		checkCached: null,
		project: { withoutSearch: null, withSearch: null, indexing: null },
		baseline: { build: null, pagefind: null },
	};
	run.print(say.pair(index + 1, run.options.pairs, pair.first));
	if (!skip.has('check')) Object.assign(pair, await measureCheck(run));
	const sides = {
		project: async () => {
			if (!skip.has('build')) pair.project = await measureProject(run, index === 0);
		},
		baseline: async () => {
			if (!skip.has('baseline')) pair.baseline = await measureBaseline(run);
		},
	};
	const order =
		pair.first === 'project'
			? (['project', 'baseline'] as const)
			: (['baseline', 'project'] as const);
	for (const side of order) if (!run.problems.length) await sides[side]();
	return pair;
}

/**
 * `npm run check` twice: first without the cache of readings (parse-cache.ts), as in a fresh
 * clone, then with the cache that run left, as when an engineer checks again.
 */
async function measureCheck(run: SizeRun): Promise<Pick<PairRun, 'check' | 'checkCached'>> {
	const once = async (step: 'check' | 'check cached') => {
		const result = await runMeasured(process.execPath, [...checkCommand, '--content', run.dir], {
			cwd: repoRoot,
			env: run.env,
		});
		const check = run.timed(step, result);
		run.checkSummary = result.tail.trim().split('\n').at(-1) ?? null;
		if (check) run.print(say.check(step, check, run.checkSummary ?? ''));
		return check;
	};
	forgetParseCache();
	const check = await once('check');
	return { check, checkCached: check && (await once('check cached')) };
}

/** Removes the checker's cache of readings, so that a run reads every file. */
function forgetParseCache(): void {
	const file = parseCacheFile(repoRoot);
	if (file) rmSync(file, { force: true });
}

/**
 * The project's cold builds: the default build, which indexes for search and reports how long
 * that took, then a build with SEARCH_OFF for the time without it. With `--skip search`, only
 * the second.
 */
async function measureProject(run: SizeRun, first: boolean): Promise<PairRun['project']> {
	const { skip, work } = run.options;
	const build = async (step: string, outDir: string, extraEnv: Record<string, string>) => {
		rmSync(join(repoRoot, astroCacheDir(run.dir)), { recursive: true, force: true });
		forgetParseCache();
		rmSync(outDir, { recursive: true, force: true });
		const result = await runMeasured(process.execPath, [...buildCommand, '--outDir', outDir], {
			cwd: repoRoot,
			env: { ...run.env, ...COLD_COMPILE, ...extraEnv },
		});
		return { timed: run.timed(step, result), tail: result.tail };
	};
	const project: PairRun['project'] = { withoutSearch: null, withSearch: null, indexing: null };
	if (!skip.has('search')) {
		const { timed, tail } = await build('build with search', run.distDir, {});
		if (!timed) return project;
		project.withSearch = timed;
		project.indexing = readIndexing(tail);
		run.print(say.build('+ search', timed));
		if (project.indexing) run.print(say.indexing(project.indexing));
		else if (first && !existsSync(join(run.distDir, 'pagefind'))) run.print(say.noSearch());
	}
	// Only its time is wanted: its output goes once measured, so that 50,000 entries fit on disk.
	const plainDir = skip.has('search')
		? run.distDir
		: join(work, `dist-${run.shape}-${run.entries}-no-search`);
	const { timed } = await build('build', plainDir, SEARCH_OFF);
	project.withoutSearch = timed;
	if (timed) run.print(say.build('build', timed));
	if (plainDir !== run.distDir) {
		if (first && existsSync(join(plainDir, 'pagefind'))) run.print(say.searchSwitchIgnored());
		rmSync(plainDir, { recursive: true, force: true });
	}
	return project;
}

/** What the build's indexing step reported of itself (src/lib/integration/pagefind.ts), if it did. */
export function readIndexing(output: string): { ms: number; pages: number } | null {
	const match = /^Indexed (\d+) entr(?:y|ies) for search in ([\d.]+) s\.$/m.exec(output);
	return match ? { pages: Number(match[1]), ms: Number(match[2]) * 1000 } : null;
}

/** The bare Astro project's cold build, then plain Pagefind over its output. */
async function measureBaseline(run: SizeRun): Promise<PairRun['baseline']> {
	const { skip } = run.options;
	const { baseDir } = run;
	const distDir = join(baseDir, 'dist');
	const measure = async (step: string, args: string[]) =>
		run.timed(
			step,
			await runMeasured(process.execPath, args, {
				cwd: baseDir,
				env: { ...run.env, ...COLD_COMPILE },
			}),
		);
	// Cold like the project's: no content store or output left by the previous pair.
	for (const stale of ['.cache', '.astro', 'dist'])
		rmSync(join(baseDir, stale), { recursive: true, force: true });
	const build = await measure('baseline build', [astroBin, 'build']);
	if (!build) return { build, pagefind: null };
	run.print(say.build('baseline', build));
	const pagefind = skip.has('search')
		? null
		: await measure('pagefind', [pagefindBin, '--site', distDir]);
	if (pagefind) run.print(say.build('pagefind', pagefind));
	return { build, pagefind };
}

/** Pages, bytes and one query of an output, read once after the pairs. */
async function readOutput(
	run: SizeRun,
	distDir: string,
	who: 'project' | 'baseline',
): Promise<SizeMeasurements['project']> {
	if (!existsSync(distDir)) return { dist: null, query: null };
	const dist = readDistStats(distDir, run.slugs);
	run.print(say.dist(who, dist));
	if (run.options.skip.has('query') || dist.searchIndexBytes === null) return { dist, query: null };
	if (!findChromium(run.env)) {
		run.print(say.noBrowser(NO_BROWSER));
		return { dist, query: null };
	}
	const target =
		who === 'project' && existsSync(join(distDir, 'search/index.html'))
			? PROJECT_SEARCH_PAGE
			: PAGEFIND_API;
	const query = await queryBytes(distDir, target);
	run.print(say.query(who, query));
	return { dist, query };
}

async function queryBytes(distDir: string, target: QueryTarget) {
	const server = await serveStatic(distDir);
	try {
		return await measureQueryBytes(server.origin, target, TYPICAL_QUERY);
	} finally {
		await server.close();
	}
}

/** A cold dev start (no cached content), then a title edit of the middle published entry. */
async function measureDevFor(run: SizeRun): Promise<DevTimes> {
	rmSync(join(repoRoot, astroCacheDir(run.dir)), { recursive: true, force: true });
	forgetParseCache();
	// In dev, Astro keeps its content store in .astro/ rather than in the cache folder.
	for (const store of ['data-store.json', 'data-store'])
		rmSync(join(repoRoot, '.astro', store), { recursive: true, force: true });
	const published = run.journal.entries.filter((e) => !e.draft);
	const entry = published[Math.floor(published.length / 2)]!;
	const { port } = run.options;
	const dev = await measureDev({
		command: [process.execPath, astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1'],
		port,
		cwd: repoRoot,
		env: run.env,
		entry: { file: join(run.dir, entry.file), slug: entry.slug },
		// Generous, so that a slow machine still yields a figure rather than a timeout.
		limits: { startMs: 600_000, editMs: 180_000 },
	});
	run.print(say.dev(dev));
	if (dev.failure) run.print(say.failed('dev', dev.failure));
	return dev;
}
