import { describe, expect, it } from 'vitest';
import {
	buildRows,
	FLOORS,
	growthOf,
	pageUrl,
	spreadNotes,
	toMarkdown,
	type Machine,
	type PairRun,
	type Row,
	type SizeMeasurements,
	type Timed,
} from '../../scripts/bench/report.ts';
import type { DistStats } from '../../scripts/bench/dist-stats.ts';
import { readIndexing } from '../../scripts/commands/bench.ts';

const GiB = 1024 ** 3;
const DEV_LIMITS = { startMs: 600_000, editMs: 180_000 };

const t = (ms: number, peakRss: number | null = null, cpuMs: number | null = null): Timed => ({
	ms,
	cpuMs,
	peakRss,
	code: 0,
});

function dist(overrides: Partial<DistStats> = {}): DistStats {
	return {
		pages: 100,
		bytes: 5_000_000,
		entryPages: 90,
		medianEntryPage: 12_000,
		largestEntryPage: { path: 'entries/big/index.html', bytes: 30_000 },
		searchIndexBytes: null,
		largestPage: { path: 'people/ana-souza/index.html', bytes: 250_000 },
		...overrides,
	};
}

/** A pair: project build 30 s (36 s with search, indexing 4 s), baseline 20 s + Pagefind 5 s. */
function pair(
	overrides: {
		build?: number;
		base?: number;
		indexing?: number;
		check?: number;
		checkCached?: number;
	} = {},
): PairRun {
	const { build = 30_000, base = 20_000, indexing = 4000 } = overrides;
	const { check = 1200, checkCached = 600 } = overrides;
	return {
		first: 'project',
		check: t(check),
		checkCached: t(checkCached),
		project: {
			withoutSearch: t(build, 1.5 * GiB, 50_000),
			withSearch: t(build + indexing + 2000, 2 * GiB),
			indexing: { ms: indexing, pages: 9000 },
		},
		baseline: { build: t(base, 1 * GiB, 25_000), pagefind: t(5000, 0.3 * GiB) },
	};
}

function measurements(overrides: Partial<SizeMeasurements> = {}): SizeMeasurements {
	return {
		entries: 10_000,
		shape: 'typical',
		journal: { files: 10_371, bytes: 40e6, commits: 262, generateMs: 4000 },
		checkSummary: '0 errors',
		pairs: [pair(), pair(), pair()],
		project: {
			dist: dist({ searchIndexBytes: 30e6, bytes: 20e6 }),
			query: { query: 'q', bytes: 250_000, requests: 9, results: 40 },
		},
		baseline: {
			dist: dist({ searchIndexBytes: 28e6, medianEntryPage: 4000 }),
			query: { query: 'q', bytes: 200_000, requests: 9, results: 40 },
		},
		dev: { startMs: 11_000, editMs: 800, peakRss: 1.2 * GiB, limits: DEV_LIMITS },
		problems: [],
		...overrides,
	};
}

const byLabel = (rows: Row[], label: string) => rows.find((r) => r.label === label)!;

/** The machine every report in these tests ran on. */
const machine: Machine = {
	cpus: 2,
	cpuModel: 'Test CPU',
	memoryBytes: 24 * GiB,
	node: 'v24.0.0',
	platform: 'linux',
	astro: '7.3.5',
	pagefind: '1.6.0',
	loadBefore: [1, 2, 3],
	loadAfter: [4, 5, 6],
};

describe('the benchmark report', () => {
	it('reports medians over the pairs and the ratio taken pair by pair', () => {
		const rows = buildRows(
			measurements({
				pairs: [
					pair({ build: 30_000, base: 20_000 }),
					pair({ build: 40_000, base: 40_000 }),
					pair({ build: 33_000, base: 30_000 }),
				],
			}),
		);
		const build = byLabel(rows, 'Build without search');
		expect(build.project).toMatchObject({ median: 33_000, min: 30_000, max: 40_000 });
		expect(build.baseline).toMatchObject({ median: 30_000, min: 20_000, max: 40_000 });
		// Ratios 1.5, 1.0 and 1.1: their median, not 33 / 30.
		expect(build.ratio).toMatchObject({ median: 1.1, min: 1, max: 1.5, outlier: 1 });
		expect(byLabel(rows, 'Build with search').baseline?.median).toBe(35_000);
		expect(byLabel(rows, 'Entry page HTML, median').ratio?.median).toBe(3);
		expect(byLabel(rows, 'Build without search, CPU time').ratio?.median).toBe(2);
	});

	it('passes a ratio exactly at its floor and fails one just over it, with the aim apart', () => {
		const at = byLabel(
			buildRows(measurements({ pairs: [pair({ build: 30_000 })] })),
			'Build without search',
		);
		expect(at).toMatchObject({
			pass: 'pass',
			aimPass: 'fail',
			floor: '≤ 1.5× baseline',
			aim: '≤ 1.3× baseline',
		});
		const over = buildRows(measurements({ pairs: [pair({ build: 30_001 })] }));
		expect(byLabel(over, 'Build without search').pass).toBe('fail');
		const aimed = buildRows(measurements({ pairs: [pair({ build: 26_000 })] }));
		expect(byLabel(aimed, 'Build without search').aimPass).toBe('pass');
	});

	it('judges search indexing by the time it adds against the baseline build', () => {
		// 4 s of indexing = 0.2 × the 20 s baseline build.
		const rows = buildRows(measurements());
		expect(byLabel(rows, 'Search indexing adds')).toMatchObject({ pass: 'pass', aimPass: 'pass' });
		expect(byLabel(rows, 'Search indexing adds').ratio?.median).toBe(0.2);
		const slow = buildRows(
			measurements({ pairs: [pair({ indexing: FLOORS.searchRatio.floor * 20_000 + 1 })] }),
		);
		expect(byLabel(slow, 'Search indexing adds').pass).toBe('fail');
	});

	it('falls back to the difference of the two builds when the build did not report its indexing', () => {
		const quiet = pair();
		quiet.project.indexing = null;
		// 36 s with search − 30 s without = 6 s = 0.3 × the baseline build.
		const row = byLabel(buildRows(measurements({ pairs: [quiet] })), 'Search indexing adds');
		expect(row.project?.median).toBe(6000);
		expect(row.ratio?.median).toBeCloseTo(0.3);
	});

	it('reads the indexing step’s report from the build’s output', () => {
		const output = '10:21:32 [build] Complete!\nIndexed 9904 entries for search in 41.0 s.\n';
		expect(readIndexing(output)).toEqual({ pages: 9904, ms: 41_000 });
		expect(readIndexing('Indexed 1 entry for search in 0.1 s.\n')).toEqual({ pages: 1, ms: 100 });
		expect(
			readIndexing('10:21:32 [outcome-journal:pagefind] Indexed 3 entries for search in 0.2 s.'),
		).toBeNull();
	});

	it('takes the larger of the two builds as the peak memory and holds it to 2.5 GiB', () => {
		const rows = buildRows(measurements());
		const peak = byLabel(rows, 'Peak RSS of the build (process tree)');
		expect(peak).toMatchObject({
			floor: '≤ 2.5 GiB',
			pass: 'pass',
			aim: '≤ 2 GiB',
			aimPass: 'pass',
		});
		expect(peak.project?.median).toBe(2 * GiB);
		const heavy = pair();
		heavy.project.withSearch!.peakRss = 2.5 * GiB + 1;
		const over = byLabel(
			buildRows(measurements({ pairs: [heavy] })),
			'Peak RSS of the build (process tree)',
		);
		expect(over.pass).toBe('fail');
	});

	it('holds check, dist bytes, the largest page and dev to the issue’s floors', () => {
		const rows = buildRows(
			measurements({
				pairs: [pair({ check: 1600, checkCached: 900 })],
				project: {
					dist: dist({
						bytes: 20_000_001,
						largestPage: { path: 'tags/rollout/index.html', bytes: 300_001 },
					}),
					query: null,
				},
				dev: { startMs: 12_000, editMs: 1001, peakRss: null, limits: DEV_LIMITS },
			}),
		);
		expect(byLabel(rows, 'npm run check, no cache')).toMatchObject({
			floor: '≤ 1.5 s',
			pass: 'fail',
		});
		expect(byLabel(rows, 'npm run check, cached')).toMatchObject({ pass: 'pass', aimPass: 'pass' });
		// The baseline's dist is 5 MB: 20 MB is exactly 4×, one byte more fails.
		expect(byLabel(rows, 'Bytes in dist/')).toMatchObject({ floor: '≤ 4× baseline', pass: 'fail' });
		expect(byLabel(rows, 'Largest page')).toMatchObject({
			floor: '≤ 300 kB',
			pass: 'fail',
			where: '/tags/rollout/',
		});
		expect(byLabel(rows, 'Dev: home page after cold start')).toMatchObject({
			pass: 'pass',
			aimPass: 'fail',
		});
		expect(byLabel(rows, 'Dev: saved edit visible').pass).toBe('fail');
		expect(byLabel(rows, 'One query downloads').pass).toBeNull();
	});

	it('judges times and memory only up to 10,000 entries, ratios and page sizes at every size', () => {
		const rows = buildRows(measurements({ entries: 50_000, pairs: [pair({ check: 9000 })] }));
		expect(byLabel(rows, 'npm run check, no cache').pass).toBeNull();
		expect(byLabel(rows, 'Peak RSS of the build (process tree)').pass).toBeNull();
		expect(byLabel(rows, 'Dev: home page after cold start').pass).toBeNull();
		expect(byLabel(rows, 'Build without search').pass).toBe('pass');
		expect(byLabel(rows, 'Largest page').pass).toBe('pass');
	});

	it('leaves a floor unjudged when its figure was not measured', () => {
		const rows = buildRows(
			measurements({ pairs: [], dev: null, project: { dist: null, query: null } }),
		);
		for (const label of [
			'Build without search',
			'Search indexing adds',
			'Dev: saved edit visible',
			'Largest page',
		])
			expect(byLabel(rows, label)).toMatchObject({ project: null, pass: null });
	});

	it('fails a dev figure whose wait passed its time limit, and shows it as a lower bound', () => {
		const dev = { startMs: 40_000, editMs: null, peakRss: null, limits: DEV_LIMITS };
		const rows = buildRows(measurements({ dev: { ...dev, timedOut: 'edit' } }));
		expect(byLabel(rows, 'Dev: saved edit visible')).toMatchObject({ over: true, pass: 'fail' });
		expect(byLabel(rows, 'Dev: saved edit visible').project?.median).toBe(DEV_LIMITS.editMs);
		expect(byLabel(rows, 'Dev: home page after cold start').pass).toBe('fail');
	});

	it('shows a dev restart with the caches kept, judged against no floor', () => {
		const dev = { startMs: 11_000, editMs: 800, peakRss: null, limits: DEV_LIMITS };
		const label = 'Dev: home page after a restart, caches kept';
		const restarted = byLabel(buildRows(measurements({ dev: { ...dev, restartMs: 8000 } })), label);
		expect(restarted).toMatchObject({ floor: null, pass: null });
		expect(restarted.project?.median).toBe(8000);
		const late = buildRows(measurements({ dev: { ...dev, restartMs: null, timedOut: 'restart' } }));
		expect(byLabel(late, label)).toMatchObject({ over: true });
		expect(byLabel(late, label).project?.median).toBe(DEV_LIMITS.startMs);
		expect(byLabel(late, 'Dev: home page after cold start').pass).toBe('pass');
	});

	it('says when the pairs spread too widely to judge, naming the outlier pair', () => {
		const size = measurements({
			pairs: [pair({ build: 28_000 }), pair({ build: 29_000 }), pair({ build: 40_000 })],
		});
		const row = byLabel(buildRows(size), 'Build without search');
		expect(row.pass).toBe('unclear');
		expect(spreadNotes(row).join('\n')).toMatch(
			/Build without search, ratio: 1\.45× \(1\.40–2\.00\) spreads 1\.43× .*pair 3 is the outlier, too wide to judge/,
		);
		// The project's own times spread as widely, but the floor judges the ratio, not them.
		expect(spreadNotes(row).find((n) => n.includes(', project:'))).not.toMatch(/too wide/);
		const aimOnly = byLabel(
			buildRows(
				measurements({
					pairs: [pair({ build: 22_000 }), pair({ build: 26_000 }), pair({ build: 29_000 })],
				}),
			),
			'Build without search',
		);
		expect(aimOnly).toMatchObject({ pass: 'pass', aimPass: 'unclear' });
		expect(spreadNotes(aimOnly).join('\n')).toMatch(
			/ratio: .*too wide to judge against the aim\.$/m,
		);
		const text = toMarkdown({ seed: 1, startedAt: 'now', machine, pairs: 3, sizes: [size] });
		expect(text).toContain(
			'| Build without search | 29.0 s (28.0–40.0) | 20.0 s | 1.45× (1.40–2.00) | ≤ 1.5× baseline | unclear |',
		);
		expect(text).toMatch(/Floors passed: \d+ of \d+ \(1 unclear\)/);
		expect(text).toContain('| 3 | project |');
	});

	it('writes the machine and one table per size and shape, with the largest page’s address', () => {
		const text = toMarkdown({
			seed: 1,
			startedAt: 'now',
			machine,
			pairs: 3,
			sizes: [measurements({ entries: 1000 }), measurements({ shape: 'long' })],
		});
		expect(text).toContain('2 × Test CPU, 24.00 GiB, Node v24.0.0');
		expect(text).toContain('3 alternating project/baseline pairs');
		expect(text).toContain('## 1,000 entries, typical shape');
		expect(text).toContain('## 10,000 entries, long shape');
		expect(text).toContain(
			'| npm run check, no cache | 1.2 s | — | — | ≤ 1.5 s | pass | ≤ 1 s | FAIL |',
		);
		expect(text).toContain(
			'| npm run check, cached | 0.6 s | — | — | ≤ 1.5 s | pass | ≤ 1 s | pass |',
		);
		expect(text).toContain('| Largest page (/people/ana-souza/) | 250.0 kB |');
		expect(text).not.toContain('## Growth');
	});

	it('names out-of-memory and other problems above the table', () => {
		const text = toMarkdown({
			seed: 1,
			startedAt: 'now',
			machine,
			pairs: 3,
			sizes: [measurements({ problems: ['build ran out of memory at 50,000 entries'] })],
		});
		expect(text).toContain('**build ran out of memory at 50,000 entries**');
	});

	it('turns a page file into its address', () => {
		expect(pageUrl('index.html')).toBe('/');
		expect(pageUrl('people/ana/index.html')).toBe('/people/ana/');
		expect(pageUrl('404.html')).toBe('/404.html');
	});
});

describe('the growth from the smallest to the largest size', () => {
	const at = (
		entries: number,
		build: number,
		peak: number,
		shape: SizeMeasurements['shape'] = 'typical',
	) => {
		const p = pair({ build });
		p.project.withSearch!.peakRss = peak;
		return measurements({ entries, shape, pairs: [p, p, p] });
	};

	it('calls time linear when the time per entry stays within the band', () => {
		// 3 ms per entry at 10,000; 3.3 ms at 50,000: 1.1×, within 1.2×.
		const [growth] = growthOf(
			[at(50_000, 165_000, 6 * GiB), at(10_000, 30_000, 2 * GiB)],
			24 * GiB,
		);
		expect(growth).toMatchObject({
			shape: 'typical',
			from: 10_000,
			to: 50_000,
			linear: true,
			bounded: true,
		});
		expect(growth!.msPerEntry![0]).toBeCloseTo(3);
		expect(growth!.msPerEntry![1]).toBeCloseTo(3.3);
		expect(growth!.peakRss).toEqual([2 * GiB, 6 * GiB]);
	});

	it('flags faster-than-linear time and memory that outgrows the journal or the machine', () => {
		const [superlinear] = growthOf(
			[at(10_000, 30_000, 2 * GiB), at(50_000, 200_000, 12 * GiB)],
			24 * GiB,
		);
		// 4 ms per entry against 3: 1.33×. Memory 6× for 5× the entries.
		expect(superlinear).toMatchObject({ linear: false, bounded: false });
		const [tooBig] = growthOf([at(10_000, 30_000, 2 * GiB), at(50_000, 150_000, 9 * GiB)], 8 * GiB);
		expect(tooBig!.bounded).toBe(false);
	});

	it('reports each shape on its own, and nothing for a shape measured at one size', () => {
		const growth = growthOf(
			[at(1000, 4000, GiB), at(10_000, 30_000, 2 * GiB), at(10_000, 30_000, 2 * GiB, 'short')],
			24 * GiB,
		);
		expect(growth.map((g) => g.shape)).toEqual(['typical']);
		const text = toMarkdown({
			seed: 1,
			startedAt: 'now',
			machine,
			pairs: 3,
			sizes: [at(1000, 4000, GiB), at(10_000, 30_000, 2 * GiB)],
		});
		expect(text).toContain('## Growth');
		expect(text).toContain('| typical | 1,000 → 10,000 | 4.00 → 3.00 ms (0.75×) |');
		expect(text).toContain('| linear | bounded |');
	});
});
