/**
 * `npm run bench`: generate a synthetic journal per size, then measure the project against a bare
 * Astro baseline on the same files in the same run (see scripts/bench/ and docs/benchmark.md).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/lib/content/env.ts';
import { astroCacheDir } from '../../src/lib/site/cache-dir.ts';
import { writeBaselineProject } from '../bench/baseline.ts';
import { measureDev, type DevTimes } from '../bench/dev.ts';
import { readDistStats } from '../bench/dist-stats.ts';
import {
	BENCH_TODAY,
	generateJournal,
	TYPICAL_QUERY,
	type GeneratedJournal,
} from '../bench/generate.ts';
import { writeJournalRepo } from '../bench/git-history.ts';
import { describeMachine } from '../bench/machine.ts';
import { runMeasured, type Run } from '../bench/measure.ts';
import { benchMessages as say } from '../bench/messages.ts';
import { measureQueryBytes, serveStatic, type QueryTarget } from '../bench/query.ts';
import {
	toMarkdown,
	type BenchResult,
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
const pagefindBin = join(repoRoot, 'node_modules/pagefind/lib/runner/bin.cjs');

interface BenchOptions {
	sizes: number[];
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
		sizes: [],
	};
	print(say.machine(result.machine));
	print(say.sharedMachine());
	let failed = false;
	if (!options.skip.has('build') || !options.skip.has('baseline'))
		failed = !(await warmUp(options, ctx.env, print));
	for (const entries of options.sizes) {
		print(say.size(entries));
		const measured = await measureSize(entries, options, ctx.env, print);
		result.sizes.push(measured.size);
		failed ||= measured.failed;
	}
	result.machine.loadAfter = loadavg();
	mkdirSync(options.out, { recursive: true });
	const json = join(options.out, 'bench.json');
	const markdown = join(options.out, 'bench.md');
	writeFileSync(json, `${JSON.stringify(result, null, '\t')}\n`);
	writeFileSync(markdown, toMarkdown(result));
	print(`\n${toMarkdown(result)}`);
	print(say.wrote(relative(ctx.cwd, json), relative(ctx.cwd, markdown)));
	return failed ? 1 : 0;
}

function readOptions(ctx: Pick<Context, 'flags' | 'cwd'>): BenchOptions {
	const { flags } = ctx;
	const entries = flags.entries ?? '1000,10000';
	const sizes = entries.split(',').map((s) => Number(s.trim()));
	if (!sizes.every((n) => Number.isInteger(n) && n > 0))
		throw new UsageError(say.badSizes(entries));
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
		skip: skip as Set<Step>,
		seed: number('seed', 1),
		port: number('port', 4390),
		out: resolve(ctx.cwd, flags.out ?? 'bench-results'),
		work: join(tmpdir(), 'outcome-journal-bench'),
	};
}

/** Entries in the warm-up journal: enough to run every page kind, quick to build. */
const WARM_UP_ENTRIES = 200;

/**
 * The first Astro build on a machine, or in a fresh clone, is far slower than the next ones,
 * whatever the journal: the bare baseline's first build took about twice as long as a rerun.
 * Whichever build came first paid for it. So one untimed build of the project (with search) and
 * of the baseline (with Pagefind) on a small journal comes before anything is timed.
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

/** What every step of one size needs. */
interface SizeRun {
	entries: number;
	/** The generated journal's root. */
	dir: string;
	journal: GeneratedJournal;
	/** Slugs of published entries: their pages are the entry pages. */
	slugs: string[];
	env: Context['env'];
	options: BenchOptions;
	print: (text: string) => void;
	/** Keeps a run's figures; a non-zero exit is printed with its output and fails the bench. */
	timed: (step: string, run: Run) => Timed;
}

async function measureSize(
	entries: number,
	options: BenchOptions,
	env: Context['env'],
	print: (text: string) => void,
): Promise<{ size: SizeMeasurements; failed: boolean }> {
	const dir = join(options.work, `journal-${entries}`);
	const started = performance.now();
	const journal = generateJournal(entries, options.seed);
	writeJournalRepo(dir, journal.commits);
	const generateMs = performance.now() - started;
	print(say.generated(dir, journal.files.size, journal.commits.length, generateMs));
	let failed = false;
	const run: SizeRun = {
		entries,
		dir,
		journal,
		slugs: journal.entries.filter((e) => !e.draft).map((e) => e.slug),
		env: benchEnv(env, dir),
		options,
		print,
		timed: (step, { ms, cpuMs, peakRss, code, tail }) => {
			if (code !== 0) {
				failed = true;
				print(say.failed(step, tail));
			}
			return { ms, cpuMs, peakRss, code };
		},
	};
	const { skip } = options;
	const size: SizeMeasurements = {
		entries,
		journal: {
			files: journal.files.size,
			bytes: [...journal.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0),
			commits: journal.commits.length,
			generateMs,
		},
		check: skip.has('check') ? null : await measureCheck(run),
		project: skip.has('build')
			? { withoutSearch: null, withSearch: null, dist: null, query: null }
			: await measureProject(run),
		baseline: skip.has('baseline')
			? { build: null, pagefind: null, dist: null, query: null }
			: await measureBaseline(run),
		dev: skip.has('dev') ? null : await measureDevFor(run),
	};
	if (size.dev?.failure) {
		failed = true;
		print(say.failed('dev', size.dev.failure));
	}
	return { size, failed };
}

async function measureCheck(run: SizeRun): Promise<SizeMeasurements['check']> {
	const result = await runMeasured(
		process.execPath,
		['scripts/run.js', 'check', '--content', run.dir],
		{ cwd: repoRoot, env: run.env },
	);
	const check = { ...run.timed('check', result), summary: result.tail.trim().split('\n').at(-1)! };
	run.print(say.check(check));
	return check;
}

/**
 * The project's cold build. The default build indexes for search when the project has search;
 * then a second build with SEARCH_OFF gives the time without it. While the project has no search,
 * the default build is the build without search and is not repeated.
 */
async function measureProject(run: SizeRun): Promise<SizeMeasurements['project']> {
	const { skip, work } = run.options;
	const build = async (outDir: string, extraEnv: Record<string, string>) => {
		rmSync(join(repoRoot, astroCacheDir(run.dir)), { recursive: true, force: true });
		rmSync(outDir, { recursive: true, force: true });
		const result = await runMeasured(process.execPath, [...buildCommand, '--outDir', outDir], {
			cwd: repoRoot,
			env: { ...run.env, ...COLD_COMPILE, ...extraEnv },
		});
		return { timed: run.timed('build', result), tail: result.tail };
	};
	const distDir = join(work, `dist-${run.entries}`);
	const { timed: first, tail } = await build(distDir, skip.has('search') ? SEARCH_OFF : {});
	const dist = readDistStats(distDir, run.slugs);
	const project: SizeMeasurements['project'] = {
		withoutSearch: first,
		withSearch: null,
		dist,
		query: null,
	};
	if (dist.searchIndexBytes === null || skip.has('search')) {
		run.print(say.build('build', first));
		if (!skip.has('search')) run.print(say.noSearch());
	} else {
		project.withSearch = first;
		project.indexing = readIndexing(tail);
		run.print(say.build('+ search', first));
		if (project.indexing) run.print(say.indexing(project.indexing));
		const plainDir = join(work, `dist-${run.entries}-no-search`);
		project.withoutSearch = (await build(plainDir, SEARCH_OFF)).timed;
		run.print(say.build('build', project.withoutSearch));
		if (existsSync(join(plainDir, 'pagefind'))) run.print(say.searchSwitchIgnored());
	}
	run.print(say.dist(dist));
	if (!skip.has('query') && dist.searchIndexBytes !== null) {
		const target = existsSync(join(distDir, 'search/index.html'))
			? PROJECT_SEARCH_PAGE
			: PAGEFIND_API;
		project.query = await queryBytes(distDir, target);
		run.print(say.query('project', project.query));
	}
	return project;
}

/** What the build's indexing step reported of itself (src/lib/site/pagefind.ts), if it did. */
export function readIndexing(output: string): { ms: number; pages: number } | null {
	const match = /^Indexed (\d+) entries for search in ([\d.]+) s\.$/m.exec(output);
	return match ? { pages: Number(match[1]), ms: Number(match[2]) * 1000 } : null;
}

/** The bare Astro project over the same entries, then plain Pagefind over its output. */
async function measureBaseline(run: SizeRun): Promise<SizeMeasurements['baseline']> {
	const { skip, work } = run.options;
	const baseDir = join(work, `baseline-${run.entries}`);
	writeBaselineProject(baseDir, run.dir, repoRoot);
	const distDir = join(baseDir, 'dist');
	const measure = async (step: string, args: string[]) =>
		run.timed(
			step,
			await runMeasured(process.execPath, args, {
				cwd: baseDir,
				env: { ...run.env, ...COLD_COMPILE },
			}),
		);
	const build = await measure('baseline build', [astroBin, 'build']);
	run.print(say.build('baseline', build));
	const pagefind = skip.has('search')
		? null
		: await measure('pagefind', [pagefindBin, '--site', distDir]);
	if (pagefind) run.print(say.build('pagefind', pagefind));
	const dist = readDistStats(distDir, run.slugs);
	run.print(say.dist(dist));
	const query =
		!skip.has('query') && dist.searchIndexBytes !== null
			? await queryBytes(distDir, PAGEFIND_API)
			: null;
	if (query) run.print(say.query('baseline', query));
	return { build, pagefind, dist, query };
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
	return dev;
}
