import { describe, expect, it } from 'vitest';
import {
	buildRows,
	FLOORS,
	growthRows,
	toMarkdown,
	type Machine,
	type Row,
	type SizeMeasurements,
} from '../../scripts/bench/report.ts';
import type { DistStats } from '../../scripts/bench/dist-stats.ts';
import { readIndexing } from '../../scripts/commands/bench.ts';

const GiB = 1024 ** 3;
const DEV_LIMITS = { startMs: 600_000, editMs: 180_000 };

function dist(overrides: Partial<DistStats> = {}): DistStats {
	return {
		pages: 100,
		bytes: 5_000_000,
		entryPages: 90,
		medianEntryPage: 12_000,
		largestEntryPage: { path: 'entries/big/index.html', bytes: 30_000 },
		searchIndexBytes: null,
		largestPage: { path: 'follow-ups/index.html', bytes: 900_000 },
		...overrides,
	};
}

function measurements(overrides: Partial<SizeMeasurements> = {}): SizeMeasurements {
	return {
		entries: 10_000,
		journal: { files: 10_371, bytes: 40e6, commits: 262, generateMs: 4000 },
		check: { ms: 2500, cpuMs: null, peakRss: 0.4 * GiB, code: 0, summary: '0 errors' },
		project: {
			withoutSearch: { ms: 30_000, cpuMs: 50_000, peakRss: 1.5 * GiB, code: 0 },
			withSearch: { ms: 36_000, cpuMs: null, peakRss: 2 * GiB, code: 0 },
			dist: dist({ searchIndexBytes: 30e6 }),
			query: { query: 'q', bytes: 250_000, requests: 9, results: 40 },
		},
		baseline: {
			build: { ms: 20_000, cpuMs: 25_000, peakRss: 1 * GiB, code: 0 },
			pagefind: { ms: 5000, cpuMs: null, peakRss: 0.3 * GiB, code: 0 },
			dist: dist({ searchIndexBytes: 28e6, medianEntryPage: 4000 }),
			query: { query: 'q', bytes: 200_000, requests: 9, results: 40 },
		},
		dev: { startMs: 20_000, editMs: 1000, peakRss: 1.2 * GiB, limits: DEV_LIMITS },
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
	it('divides each project figure by the baseline of the same run', () => {
		const rows = buildRows(measurements());
		expect(byLabel(rows, 'Build without search')).toMatchObject({
			project: 30_000,
			baseline: 20_000,
			ratio: 1.5,
		});
		expect(byLabel(rows, 'Entry page HTML, median').ratio).toBe(3);
		expect(byLabel(rows, 'Build without search, CPU time').ratio).toBe(2);
		expect(byLabel(rows, 'Build with search')).toMatchObject({ baseline: 25_000, ratio: 36 / 25 });
	});

	it('passes a figure exactly at its floor and fails one just over it', () => {
		const at = buildRows(measurements());
		expect(byLabel(at, 'Build without search').pass).toBe(true);
		const over = buildRows(
			measurements({
				project: {
					...measurements().project,
					withoutSearch: { ms: 30_001, cpuMs: null, peakRss: 3 * GiB + 1, code: 0 },
				},
			}),
		);
		expect(byLabel(over, 'Build without search').pass).toBe(false);
		expect(byLabel(over, 'Peak RSS of the build').pass).toBe(false);
	});

	it('judges search indexing by the time it adds against the baseline build', () => {
		// 36 s − 30 s = 6 s = 0.3 × the 20 s baseline build: under the 0.6 floor.
		const rows = buildRows(measurements());
		expect(byLabel(rows, 'Search indexing adds')).toMatchObject({
			project: 6000,
			baseline: 5000,
			pass: true,
		});
		const slow = buildRows(
			measurements({
				project: {
					...measurements().project,
					withSearch: {
						ms: 30_000 + FLOORS.searchRatio * 20_000 + 1,
						cpuMs: null,
						peakRss: GiB,
						code: 0,
					},
				},
			}),
		);
		expect(byLabel(slow, 'Search indexing adds').pass).toBe(false);
	});

	it('takes what search adds from the indexing step itself when the build reported it', () => {
		const project = { ...measurements().project, indexing: { ms: 4000, pages: 9000 } };
		const rows = buildRows(measurements({ project }));
		expect(byLabel(rows, 'Search indexing adds')).toMatchObject({ project: 4000, pass: true });
		// The two builds' difference is still shown, unjudged.
		expect(byLabel(rows, 'Build with search minus without')).toMatchObject({
			project: 6000,
			pass: null,
		});
		const slow = { ...project, indexing: { ms: FLOORS.searchRatio * 20_000 + 1, pages: 9000 } };
		expect(byLabel(buildRows(measurements({ project: slow })), 'Search indexing adds').pass).toBe(
			false,
		);
		expect(
			buildRows(measurements()).some((r) => r.label === 'Build with search minus without'),
		).toBe(false);
	});

	it('reads the indexing step’s report from the build’s output', () => {
		const output = '10:21:32 [build] Complete!\nIndexed 9904 entries for search in 41.0 s.\n';
		expect(readIndexing(output)).toEqual({ pages: 9904, ms: 41_000 });
		expect(
			readIndexing('10:21:32 [outcome-journal:pagefind] Indexed 3 entries for search in 0.2 s.'),
		).toBeNull();
	});

	it('takes the larger of the two builds as the peak memory', () => {
		expect(byLabel(buildRows(measurements()), 'Peak RSS of the build').project).toBe(2 * GiB);
	});

	it('holds a query to strictly under 300 kB and the other floors to at most', () => {
		const base = measurements();
		const rows = buildRows({
			...base,
			check: { ...base.check!, ms: FLOORS.checkMs },
			project: { ...base.project, query: { ...base.project.query!, bytes: FLOORS.queryBytes } },
			dev: {
				startMs: FLOORS.devStartMs,
				editMs: FLOORS.devEditMs + 1,
				peakRss: null,
				limits: DEV_LIMITS,
			},
		});
		expect(byLabel(rows, 'One query downloads').pass).toBe(false);
		expect(byLabel(rows, 'npm run check').pass).toBe(true);
		expect(byLabel(rows, 'Dev: home page after cold start').pass).toBe(true);
		expect(byLabel(rows, 'Dev: saved edit visible').pass).toBe(false);
	});

	it('leaves a floor unjudged when its figure was not measured', () => {
		const rows = buildRows(
			measurements({
				project: { ...measurements().project, withSearch: null, query: null },
				dev: null,
			}),
		);
		for (const label of ['Search indexing adds', 'One query downloads', 'Dev: saved edit visible'])
			expect(byLabel(rows, label)).toMatchObject({ project: null, pass: null });
		expect(byLabel(rows, 'One query downloads').baseline).toBe(200_000);
	});

	it('fails a dev figure whose wait passed its time limit, and shows it as a lower bound', () => {
		const dev = { startMs: 40_000, editMs: null, peakRss: null, limits: DEV_LIMITS };
		const rows = buildRows(measurements({ dev: { ...dev, timedOut: 'edit' } }));
		expect(byLabel(rows, 'Dev: saved edit visible')).toMatchObject({
			project: DEV_LIMITS.editMs,
			over: true,
			pass: false,
		});
		expect(byLabel(rows, 'Dev: home page after cold start').pass).toBe(false);
		const noStart = buildRows(measurements({ dev: { ...dev, startMs: null, timedOut: 'start' } }));
		expect(byLabel(noStart, 'Dev: home page after cold start').over).toBe(true);
		expect(byLabel(noStart, 'Dev: saved edit visible').pass).toBeNull();
	});

	it('writes the machine and one table per size in markdown', () => {
		const failing = measurements({
			check: { ms: 5500, cpuMs: null, peakRss: null, code: 0, summary: '' },
			dev: { startMs: 1000, editMs: null, peakRss: null, limits: DEV_LIMITS, timedOut: 'edit' },
		});
		const text = toMarkdown({
			seed: 1,
			startedAt: 'now',
			machine,
			sizes: [measurements({ entries: 1000 }), failing],
		});
		expect(text).toContain('2 × Test CPU, 24.00 GiB, Node v24.0.0');
		expect(text).toContain('## 1,000 entries');
		expect(text).toContain('## 10,000 entries');
		expect(text).toContain('| npm run check | 5.5 s | — | — | ≤ 3 s | FAIL |');
		expect(text).toContain('| Dev: saved edit visible | > 180.0 s | — | — | ≤ 3 s | FAIL |');
		expect(text).toContain(
			'| Build without search | 30.0 s | 20.0 s | 1.50× | ≤ 1.5× baseline | pass |',
		);
	});

	it("shows each size's cost per entry against the smallest size, so superlinear growth stands out", () => {
		const build = (ms: number) => ({ ms, cpuMs: null, peakRss: null, code: 0 });
		const at = (entries: number, ms: number) =>
			measurements({
				entries,
				project: { ...measurements().project, withoutSearch: build(ms) },
			});
		// 10 ms per entry at 1,000 entries; 20 ms per entry at 10,000: twice the cost per entry.
		const rows = growthRows([at(10_000, 200_000), at(1000, 10_000)]).filter(
			(r) => r.label === 'Build without search (ms per entry)',
		);
		expect(rows.map((r) => [r.entries, r.perEntry, r.growth])).toEqual([
			[1000, 10, 1],
			[10_000, 20, 2],
		]);
		const text = toMarkdown({
			seed: 1,
			startedAt: 'now',
			machine,
			sizes: [at(1000, 10_000), at(10_000, 200_000)],
		});
		expect(text).toContain('| Build without search (ms per entry) | 10.0 (1.00×) | 20.0 (2.00×) |');
	});
});
