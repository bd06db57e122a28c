/**
 * `npm run bench`: generate a synthetic journal per size, then measure the project against a bare
 * Astro baseline on the same files in the same run (see scripts/bench/ and the README).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/lib/content/env.ts';
import { astroCacheDir } from '../../src/lib/site/cache-dir.ts';
import { BASELINE_CACHE, writeBaselineProject } from '../bench/baseline.ts';
import { measureDev } from '../bench/dev.ts';
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
import type { Context } from '../cli.ts';

export const STEPS = ['check', 'build', 'search', 'baseline', 'query', 'dev'] as const;
type Step = (typeof STEPS)[number];

/**
 * Where the project's own search page will be, once it has one: the bench types into its input.
 * Until dist/search/ exists, the query is measured through Pagefind's API instead.
 */
export const PROJECT_SEARCH_PAGE: QueryTarget = {
	kind: 'page',
	path: '/search/',
	input: 'input[type="search"]',
};

/**
 * The switch that turns search indexing off in a project build: the search integration skips
 * Pagefind when `JOURNAL_SEARCH=0`, so the bench can time the same build with and without it.
 */
export const SEARCH_OFF = { JOURNAL_SEARCH: '0' };

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const astroBin = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
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

async function measureSize(
	entries: number,
	options: BenchOptions,
	env: Context['env'],
	print: (text: string) => void,
): Promise<{ size: SizeMeasurements; failed: boolean }> {
	const { skip } = options;
	const dir = join(options.work, `journal-${entries}`);
	const started = performance.now();
	const journal = generateJournal(entries, options.seed);
	writeJournalRepo(dir, journal.commits);
	const generateMs = performance.now() - started;
	print(say.generated(dir, journal.files.size, journal.commits.length, generateMs));
	const size: SizeMeasurements = {
		entries,
		journal: {
			files: journal.files.size,
			bytes: [...journal.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0),
			commits: journal.commits.length,
			generateMs,
		},
		check: null,
		project: { withoutSearch: null, withSearch: null, dist: null, query: null },
		baseline: { build: null, pagefind: null, dist: null, query: null },
		dev: null,
	};
	const runEnv = {
		...env,
		JOURNAL_CONTENT: dir,
		JOURNAL_TODAY: BENCH_TODAY,
		ASTRO_TELEMETRY_DISABLED: '1',
	};
	const slugs = journal.entries.filter((e) => !e.draft).map((e) => e.slug);
	let failed = false;
	const ok = (step: string, run: Run): Timed => {
		if (run.code !== 0) {
			failed = true;
			print(say.failed(step, run.tail));
		}
		return { ms: run.ms, peakRss: run.peakRss, code: run.code };
	};

	if (!skip.has('check')) {
		const run = await runMeasured(process.execPath, ['scripts/cli.ts', 'check', '--content', dir], {
			cwd: repoRoot,
			env: runEnv,
		});
		size.check = { ...ok('check', run), summary: run.tail.trim().split('\n').at(-1) ?? '' };
		print(say.check(size.check));
	}

	if (!skip.has('build')) {
		const build = async (outDir: string, extraEnv: Record<string, string>) => {
			rmSync(join(repoRoot, astroCacheDir(dir)), { recursive: true, force: true });
			rmSync(outDir, { recursive: true, force: true });
			return runMeasured(process.execPath, [astroBin, 'build', '--outDir', outDir], {
				cwd: repoRoot,
				env: { ...runEnv, ...extraEnv },
			});
		};
		const distDir = join(options.work, `dist-${entries}`);
		const first = ok('build', await build(distDir, skip.has('search') ? SEARCH_OFF : {}));
		size.project.dist = readDistStats(distDir, slugs);
		if (size.project.dist.searchIndexBytes === null || skip.has('search')) {
			size.project.withoutSearch = first;
			print(say.build('build', first));
			if (!skip.has('search')) print(say.noSearch());
		} else {
			size.project.withSearch = first;
			print(say.build('+ search', first));
			const plainDir = join(options.work, `dist-${entries}-no-search`);
			size.project.withoutSearch = ok('build', await build(plainDir, SEARCH_OFF));
			print(say.build('build', size.project.withoutSearch));
			if (existsSync(join(plainDir, 'pagefind'))) print(say.searchSwitchIgnored());
		}
		print(say.dist(size.project.dist));
		if (!skip.has('query') && size.project.dist.searchIndexBytes !== null) {
			const target = existsSync(join(distDir, 'search/index.html'))
				? PROJECT_SEARCH_PAGE
				: { kind: 'api' as const, bundle: '/pagefind/' };
			size.project.query = await queryBytes(distDir, target);
			print(say.query('project', size.project.query));
		}
	}

	if (!skip.has('baseline')) {
		const baseDir = join(options.work, `baseline-${entries}`);
		writeBaselineProject(baseDir, dir, repoRoot);
		const distDir = join(baseDir, 'dist');
		size.baseline.build = ok(
			'baseline build',
			await runMeasured(process.execPath, [astroBin, 'build'], { cwd: baseDir, env: runEnv }),
		);
		print(say.build('baseline', size.baseline.build));
		if (!skip.has('search')) {
			size.baseline.pagefind = ok(
				'pagefind',
				await runMeasured(process.execPath, [pagefindBin, '--site', distDir], {
					cwd: baseDir,
					env: runEnv,
				}),
			);
			print(say.build('pagefind', size.baseline.pagefind));
		}
		size.baseline.dist = readDistStats(distDir, slugs);
		print(say.dist(size.baseline.dist));
		if (!skip.has('query') && size.baseline.dist.searchIndexBytes !== null) {
			size.baseline.query = await queryBytes(distDir, { kind: 'api', bundle: '/pagefind/' });
			print(say.query('baseline', size.baseline.query));
		}
		rmSync(join(baseDir, BASELINE_CACHE), { recursive: true, force: true });
	}

	if (!skip.has('dev')) {
		size.dev = await measureDevFor(dir, journal, options.port, runEnv);
		print(say.dev(size.dev));
		if (size.dev.failure) {
			failed = true;
			print(say.failed('dev', size.dev.failure));
		}
	}
	return { size, failed };
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
function measureDevFor(dir: string, journal: GeneratedJournal, port: number, env: Context['env']) {
	rmSync(join(repoRoot, astroCacheDir(dir)), { recursive: true, force: true });
	// In dev, Astro keeps its content store in .astro/ rather than in the cache folder.
	for (const store of ['data-store.json', 'data-store'])
		rmSync(join(repoRoot, '.astro', store), { recursive: true, force: true });
	const published = journal.entries.filter((e) => !e.draft);
	const entry = published[Math.floor(published.length / 2)]!;
	return measureDev({
		command: [process.execPath, astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1'],
		port,
		cwd: repoRoot,
		env,
		entry: { file: join(dir, entry.file), slug: entry.slug },
		startLimit: 300_000,
		editLimit: 60_000,
	});
}
