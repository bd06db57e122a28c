/**
 * Turns one run's measurements into the report: for each size and journal shape, each figure as
 * the median of alternating project/baseline pairs with its spread, the ratio taken pair by pair,
 * and the floor and the aim it is judged against (from the benchmark issue). Pure: measurements
 * in, rows out, so tests can feed it any numbers.
 */
import type { DevTimes } from './dev.ts';
import type { DistStats } from './dist-stats.ts';
import type { Shape } from './generate.ts';
import type { QueryBytes } from './query.ts';
import {
	isWide,
	judge,
	pairRatios,
	spreadFactor,
	summarize,
	WIDE_SPREAD,
	type Summary,
	type Verdict,
} from './stats.ts';

/** A timed command: wall time, and the CPU time and peak memory of its process tree. */
export interface Timed {
	ms: number;
	cpuMs: number | null;
	peakRss: number | null;
	code: number;
}

/** One pair: the project's builds and the baseline's, one after the other. */
export interface PairRun {
	/**
	 * Which side ran first. Pairs alternate, so that a machine growing busier or quieter during
	 * the run weighs on both sides alike.
	 */
	first: 'project' | 'baseline';
	/** `npm run check` with each pair, without the cache of readings (parse-cache.ts). */
	check: Timed | null;
	/** `npm run check` again right after, with the cache that run left. */
	checkCached: Timed | null;
	project: {
		/** The build with search indexing switched off (JOURNAL_SEARCH=0). */
		withoutSearch: Timed | null;
		/** The default build, which indexes for search. */
		withSearch: Timed | null;
		/**
		 * The indexing step of the default build, as it reported itself: `npm run build` indexes
		 * in a process of its own once Astro has exited, so this is what search adds to a build.
		 * Null when the build printed no such report; then the difference of the two builds is
		 * used instead.
		 */
		indexing: { ms: number; pages: number } | null;
	};
	baseline: {
		build: Timed | null;
		/** Plain Pagefind over the baseline's output. */
		pagefind: Timed | null;
	};
}

/** Everything measured for one journal size and shape; a skipped measurement is null. */
export interface SizeMeasurements {
	entries: number;
	shape: Shape;
	journal: { files: number; bytes: number; commits: number; generateMs: number };
	/** The last line `check` printed. */
	checkSummary: string | null;
	pairs: PairRun[];
	/** The output does not change from pair to pair: it is read once. */
	project: { dist: DistStats | null; query: QueryBytes | null };
	baseline: { dist: DistStats | null; query: QueryBytes | null };
	dev: DevTimes | null;
	/** What stopped a step, in words (e.g. it ran out of memory). */
	problems: string[];
}

export interface Machine {
	cpus: number;
	cpuModel: string;
	memoryBytes: number;
	node: string;
	platform: string;
	astro: string;
	pagefind: string;
	/** 1, 5 and 15 minute load averages when the run started and ended. */
	loadBefore: number[];
	loadAfter: number[];
}

export interface BenchResult {
	seed: number;
	startedAt: string;
	machine: Machine;
	/** Pairs asked for per size and shape. */
	pairs: number;
	sizes: SizeMeasurements[];
}

/** One line of the report: medians over the pairs, with their spread. */
export interface Row {
	label: string;
	unit: Unit;
	project: Summary | null;
	baseline: Summary | null;
	/** project / baseline, pair by pair. */
	ratio: Summary | null;
	/** The floor, as a reader reads it, e.g. "≤ 1.5× baseline". */
	floor: string | null;
	pass: Verdict | null;
	/** The aim below the floor, as a reader reads it. */
	aim: string | null;
	aimPass: Verdict | null;
	/** Where the figure comes from, e.g. the largest page's URL. */
	where?: string;
	/** The figure is a lower bound: the wait for it passed this time limit. */
	over?: true;
	/** Which figure the floor and aim judge. */
	judgedOn?: 'project' | 'ratio';
}

export type Unit = 's' | 'GiB' | 'kB' | 'MB' | 'count' | 'x';

const GiB = 1024 ** 3;
const kB = 1000;
const MB = 1000 ** 2;

/** The journal size the floors are set for. */
export const FLOOR_ENTRIES = 10_000;

/**
 * The issue's floors and aims (at 10,000 entries on a 2-core, 24 GiB machine). Ratios and page
 * sizes are judged at every size; times and memory only up to FLOOR_ENTRIES, since they grow with
 * the journal.
 */
export const FLOORS = {
	buildRatio: { floor: 1.5, aim: 1.3 },
	searchRatio: { floor: 0.6, aim: 0.5 },
	peakRss: { floor: 2.5 * GiB, aim: 2 * GiB },
	checkMs: { floor: 1500, aim: 1000 },
	distRatio: { floor: 4, aim: null },
	pageBytes: { floor: 300 * kB, aim: null },
	queryBytes: { floor: 300 * kB, aim: null },
	devStartMs: { floor: 12_000, aim: 10_000 },
	devEditMs: { floor: 1000, aim: null },
} as const;

interface Limit {
	floor: number;
	aim: number | null;
}

/** Which figure of a row a floor judges, and how a reader reads it. */
interface Judged {
	on: 'project' | 'ratio';
	limit: Limit;
	text: (value: number) => string;
	/** Judged above FLOOR_ENTRIES too. */
	anySize?: true;
}

/** The report's rows for one size and shape. */
export function buildRows(m: SizeMeasurements): Row[] {
	const pairs = m.pairs;
	const of = (pick: (p: PairRun) => number | null | undefined) => pairs.map((p) => pick(p) ?? null);
	const build = of((p) => p.project.withoutSearch?.ms);
	const baseBuild = of((p) => p.baseline.build?.ms);
	const indexing = of((p) =>
		p.project.indexing
			? p.project.indexing.ms
			: p.project.withSearch && p.project.withoutSearch
				? p.project.withSearch.ms - p.project.withoutSearch.ms
				: null,
	);
	const withSearch = of((p) => p.project.withSearch?.ms);
	const baseWithSearch = of((p) => sumOf(p.baseline.build?.ms, p.baseline.pagefind?.ms));
	const peak = of((p) => maxOf(p.project.withSearch?.peakRss, p.project.withoutSearch?.peakRss));
	const basePeak = of((p) => maxOf(p.baseline.build?.peakRss, p.baseline.pagefind?.peakRss));
	const small = m.entries <= FLOOR_ENTRIES;
	const row = (
		label: string,
		unit: Unit,
		project: (number | null)[],
		baseline: (number | null)[],
		judged?: Judged,
		ratio = pairRatios(project, baseline),
	): Row => {
		const r: Row = {
			label,
			unit,
			project: summarize(project),
			baseline: summarize(baseline),
			ratio: summarize(ratio),
			floor: null,
			pass: null,
			aim: null,
			aimPass: null,
		};
		if (!judged || !(small || judged.anySize)) return r;
		const value = r[judged.on];
		const { floor, aim } = judged.limit;
		return {
			...r,
			judgedOn: judged.on,
			floor: judged.text(floor),
			pass: judge(value, floor),
			aim: aim === null ? null : judged.text(aim),
			aimPass: aim === null ? null : judge(value, aim),
		};
	};
	const largest = m.project.dist?.largestPage ?? null;
	return [
		row('Build without search', 's', build, baseBuild, {
			on: 'ratio',
			limit: FLOORS.buildRatio,
			text: (x) => `≤ ${x}× baseline`,
			anySize: true,
		}),
		// Judged against the baseline's build, not against the baseline's own indexing.
		row(
			'Search indexing adds',
			's',
			indexing,
			of((p) => p.baseline.pagefind?.ms),
			{
				on: 'ratio',
				limit: FLOORS.searchRatio,
				text: (x) => `+ ≤ ${x}× baseline build`,
				anySize: true,
			},
			pairRatios(indexing, baseBuild),
		),
		row('Build with search', 's', withSearch, baseWithSearch),
		// CPU time varies less than wall time when other work shares the machine.
		row(
			'Build without search, CPU time',
			's',
			of((p) => p.project.withoutSearch?.cpuMs),
			of((p) => p.baseline.build?.cpuMs),
		),
		row('Peak RSS of the build (process tree)', 'GiB', peak, basePeak, {
			on: 'project',
			limit: FLOORS.peakRss,
			text: (x) => `≤ ${x / GiB} GiB`,
		}),
		row(
			'npm run check, no cache',
			's',
			of((p) => p.check?.ms),
			[],
			{ on: 'project', limit: FLOORS.checkMs, text: (x) => `≤ ${x / 1000} s` },
		),
		row(
			'npm run check, cached',
			's',
			of((p) => p.checkCached?.ms),
			[],
			{ on: 'project', limit: FLOORS.checkMs, text: (x) => `≤ ${x / 1000} s` },
		),
		row('Pages in dist/', 'count', once(m.project.dist?.pages), once(m.baseline.dist?.pages)),
		row('Bytes in dist/', 'MB', once(m.project.dist?.bytes), once(m.baseline.dist?.bytes), {
			on: 'ratio',
			limit: FLOORS.distRatio,
			text: (x) => `≤ ${x}× baseline`,
			anySize: true,
		}),
		row(
			'Entry page HTML, median',
			'kB',
			once(m.project.dist?.medianEntryPage),
			once(m.baseline.dist?.medianEntryPage),
		),
		{
			...row(
				'Largest page',
				'kB',
				once(largest?.bytes),
				once(m.baseline.dist?.largestPage?.bytes),
				{
					on: 'project',
					limit: FLOORS.pageBytes,
					text: (x) => `≤ ${x / kB} kB`,
					anySize: true,
				},
			),
			...(largest ? { where: pageUrl(largest.path) } : {}),
		},
		row(
			'Search index',
			'MB',
			once(m.project.dist?.searchIndexBytes),
			once(m.baseline.dist?.searchIndexBytes),
		),
		row('One query downloads', 'kB', once(m.project.query?.bytes), once(m.baseline.query?.bytes), {
			on: 'project',
			limit: FLOORS.queryBytes,
			text: (x) => `≤ ${x / kB} kB`,
			anySize: true,
		}),
		devRow(m.dev, 'start', 'Dev: home page after cold start', FLOORS.devStartMs, small),
		devRow(m.dev, 'edit', 'Dev: saved edit visible', FLOORS.devEditMs, small),
		devRow(m.dev, 'restart', 'Dev: home page after a restart, caches kept', null, small),
	];
}

/** "/people/ana-souza/" for "people/ana-souza/index.html". */
export function pageUrl(path: string): string {
	return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A dev figure; one whose wait passed its time limit fails, shown as more than the limit. */
function devRow(
	dev: DevTimes | null,
	which: 'start' | 'edit' | 'restart',
	label: string,
	limit: Limit | null,
	small: boolean,
): Row {
	const timedOut = dev?.timedOut === which;
	const value = timedOut
		? dev.limits[which === 'edit' ? 'editMs' : 'startMs']
		: (dev?.[`${which}Ms`] ?? null);
	const project = summarize([value]);
	const text = (x: number) => `≤ ${x / 1000} s`;
	const verdict = (x: number) => (timedOut ? 'fail' : judge(project, x));
	const judged = small && limit !== null;
	return {
		label,
		unit: 's',
		project,
		baseline: null,
		ratio: null,
		floor: judged ? text(limit.floor) : null,
		pass: judged ? verdict(limit.floor) : null,
		aim: judged && limit.aim !== null ? text(limit.aim) : null,
		aimPass: judged && limit.aim !== null ? verdict(limit.aim) : null,
		...(timedOut ? { over: true as const } : {}),
	};
}

const once = (value: number | null | undefined) => [value ?? null];

function maxOf(...values: (number | null | undefined)[]): number | null {
	const known = values.filter((v): v is number => typeof v === 'number');
	return known.length ? Math.max(...known) : null;
}

function sumOf(...values: (number | null | undefined)[]): number | null {
	return values.every((v) => typeof v === 'number')
		? values.reduce<number>((a, v) => a + v!, 0)
		: null;
}

/** A value in its unit, for people. */
export function formatValue(value: number | null, unit: Unit): string {
	if (value === null) return '—';
	switch (unit) {
		case 's':
			return `${(value / 1000).toFixed(1)} s`;
		case 'GiB':
			return `${(value / GiB).toFixed(2)} GiB`;
		case 'kB':
			return `${(value / kB).toFixed(1)} kB`;
		case 'MB':
			return `${(value / MB).toFixed(1)} MB`;
		case 'x':
			return `${value.toFixed(2)}×`;
		case 'count':
			return String(value);
	}
}

/** The median, and the range over the pairs when they differ. */
export function formatSummary(s: Summary | null, unit: Unit): string {
	if (!s) return '—';
	if (s.min === s.max) return formatValue(s.median, unit);
	const bare = (v: number) => formatValue(v, unit).replace(/ ?(s|GiB|kB|MB|×)$/, '');
	return `${formatValue(s.median, unit)} (${bare(s.min)}–${bare(s.max)})`;
}

const VERDICT: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', unclear: 'unclear' };
const verdictText = (v: Verdict | null) => (v ? VERDICT[v] : '—');

/**
 * What to say about a row's spread: a floor the pairs straddle, too widely to judge, or any
 * figure whose pairs differ by more than WIDE_SPREAD; with the pair that strayed furthest.
 */
export function spreadNotes(row: Row): string[] {
	const notes: string[] = [];
	const parts: [string, Summary | null, Unit][] = [
		['ratio', row.ratio, 'x'],
		['project', row.project, row.unit],
		['baseline', row.baseline, row.unit],
	];
	for (const [name, s, unit] of parts) {
		if (!s || !isWide(s)) continue;
		const outlier = s.outlier ? `; pair ${s.outlier} is the outlier` : '';
		const unclear = [
			...(row.pass === 'unclear' ? ['floor'] : []),
			...(row.aimPass === 'unclear' ? ['aim'] : []),
		];
		const verdict =
			name === row.judgedOn && unclear.length
				? `, too wide to judge against the ${unclear.join(' or the ')}`
				: '';
		notes.push(
			`${row.label}, ${name}: ${formatSummary(s, unit)} spreads ${spreadFactor(s).toFixed(2)}× from lowest to highest${outlier}${verdict}.`,
		);
	}
	return notes;
}

function pairsTable(m: SizeMeasurements): string[] {
	if (!m.pairs.length) return [];
	const s = (t: Timed | null | undefined) => formatValue(t?.ms ?? null, 's');
	return [
		'',
		'| pair | first | check | check, cached | project build | + search | indexing | baseline build | Pagefind | build ratio |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...m.pairs.map((p, i) => {
			const ratio =
				p.project.withoutSearch && p.baseline.build
					? p.project.withoutSearch.ms / p.baseline.build.ms
					: null;
			return `| ${i + 1} | ${p.first} | ${s(p.check)} | ${s(p.checkCached)} | ${s(p.project.withoutSearch)} | ${s(p.project.withSearch)} | ${formatValue(p.project.indexing?.ms ?? null, 's')} | ${s(p.baseline.build)} | ${s(p.baseline.pagefind)} | ${formatValue(ratio, 'x')} |`;
		}),
	];
}

/** How a shape's cost changes from its smallest to its largest size. */
export interface Growth {
	shape: Shape;
	from: number;
	to: number;
	/** Milliseconds per entry of the project's build without search at each end. */
	msPerEntry: [number, number] | null;
	/** Milliseconds per entry of the build with search at each end. */
	searchMsPerEntry: [number, number] | null;
	/** Peak RSS at each end. */
	peakRss: [number, number] | null;
	/** Per-entry time at the largest size ÷ at the smallest stays within LINEAR_BAND. */
	linear: boolean | null;
	/** Peak RSS grows no faster than the journal (within MEMORY_BAND) and stays under the machine's memory. */
	bounded: boolean | null;
}

/**
 * Time grows linearly when the per-entry time at the largest size is at most this factor of the
 * smallest size's (a fixed start-up cost makes it fall, which is fine).
 */
export const LINEAR_BAND = 1.2;
/** Memory is bounded when peak RSS per entry grows by no more than this factor. */
export const MEMORY_BAND = 1.1;

/** Growth from the smallest to the largest size of each shape measured at more than one size. */
export function growthOf(sizes: SizeMeasurements[], memoryBytes: number): Growth[] {
	const shapes = [...new Set(sizes.map((m) => m.shape))];
	return shapes.flatMap((shape) => {
		const of = sizes.filter((m) => m.shape === shape).sort((a, b) => a.entries - b.entries);
		if (of.length < 2) return [];
		const [small, large] = [of[0]!, of.at(-1)!];
		const medianOf = (m: SizeMeasurements, pick: (p: PairRun) => number | null | undefined) =>
			summarize(m.pairs.map(pick))?.median ?? null;
		const both = (pick: (p: PairRun) => number | null | undefined, perEntry: boolean) => {
			const a = medianOf(small, pick);
			const b = medianOf(large, pick);
			if (a === null || b === null) return null;
			return perEntry
				? ([a / small.entries, b / large.entries] as [number, number])
				: ([a, b] as [number, number]);
		};
		const msPerEntry = both((p) => p.project.withoutSearch?.ms, true);
		const peakRss = both(
			(p) => maxOf(p.project.withSearch?.peakRss, p.project.withoutSearch?.peakRss),
			false,
		);
		const sizeGrowth = large.entries / small.entries;
		return [
			{
				shape,
				from: small.entries,
				to: large.entries,
				msPerEntry,
				searchMsPerEntry: both((p) => p.project.withSearch?.ms, true),
				peakRss,
				linear: msPerEntry ? msPerEntry[1] / msPerEntry[0] <= LINEAR_BAND : null,
				bounded: peakRss
					? peakRss[1] / peakRss[0] <= sizeGrowth * MEMORY_BAND && peakRss[1] < memoryBytes
					: null,
			},
		];
	});
}

function growthSection(sizes: SizeMeasurements[], memoryBytes: number): string[] {
	const growth = growthOf(sizes, memoryBytes);
	if (!growth.length) return [];
	const perEntry = (pair: [number, number] | null) =>
		pair
			? `${pair[0].toFixed(2)} → ${pair[1].toFixed(2)} ms (${(pair[1] / pair[0]).toFixed(2)}×)`
			: '—';
	const memory = (pair: [number, number] | null) =>
		pair
			? `${formatValue(pair[0], 'GiB')} → ${formatValue(pair[1], 'GiB')} (${(pair[1] / pair[0]).toFixed(2)}×)`
			: '—';
	const yesNo = (v: boolean | null, yes: string, no: string) => (v === null ? '—' : v ? yes : no);
	return [
		'',
		'## Growth',
		'',
		`From the smallest to the largest size of each shape, medians over the pairs. Time grows linearly when the time per entry at the largest size is at most ${LINEAR_BAND}× the smallest's; memory is bounded when peak RSS grows by at most ${MEMORY_BAND}× the growth in entries and stays under the machine's ${formatValue(memoryBytes, 'GiB')}.`,
		'',
		'| shape | entries | build without search, per entry | build with search, per entry | peak RSS | time | memory |',
		'| --- | --- | ---: | ---: | ---: | --- | --- |',
		...growth.map(
			(g) =>
				`| ${g.shape} | ${g.from.toLocaleString('en')} → ${g.to.toLocaleString('en')} | ${perEntry(g.msPerEntry)} | ${perEntry(g.searchMsPerEntry)} | ${memory(g.peakRss)} | ${yesNo(g.linear, 'linear', 'FAIL: faster than linear')} | ${yesNo(g.bounded, 'bounded', 'FAIL: not bounded')} |`,
		),
	];
}

/** The whole run as markdown: the machine, then one table per size and shape, then growth. */
export function toMarkdown(result: BenchResult): string {
	const m = result.machine;
	const lines = [
		'# outcome-journal benchmark',
		'',
		`Run ${result.startedAt}, seed ${result.seed}, ${result.pairs} alternating project/baseline pair${result.pairs === 1 ? '' : 's'} per size and shape. Machine: ${machineLine(m)}.`,
		`Load average (1, 5, 15 min): ${m.loadBefore.map((l) => l.toFixed(2)).join(', ')} before, ${m.loadAfter.map((l) => l.toFixed(2)).join(', ')} after.`,
		'',
		'Baseline: a bare Astro project of the same version rendering the same entry files with `render()` in one trivial layout, built in the same run; "with search" adds plain Pagefind over its output.',
		`Each figure is the median over the pairs, with the lowest and highest in brackets; ratios are taken pair by pair, then their median. A floor is unclear when the pairs fall on both sides of it and the highest is more than ${WIDE_SPREAD}× the lowest. Times and memory are judged up to ${FLOOR_ENTRIES.toLocaleString('en')} entries; ratios and page sizes at every size.`,
	];
	for (const size of result.sizes) {
		const rows = buildRows(size);
		const judged = rows.filter((r) => r.pass !== null);
		const passed = judged.filter((r) => r.pass === 'pass').length;
		const unclear = judged.filter((r) => r.pass === 'unclear').length;
		const notes = rows.flatMap(spreadNotes);
		lines.push(
			'',
			`## ${size.entries.toLocaleString('en')} entries, ${size.shape} shape`,
			'',
			`${size.journal.files} files, ${formatValue(size.journal.bytes, 'MB')}, ${size.journal.commits} commits (generated in ${formatValue(size.journal.generateMs, 's')}). Floors passed: ${passed} of ${judged.length}${unclear ? ` (${unclear} unclear)` : ''}.${size.checkSummary ? ` Check: ${size.checkSummary}` : ''}`,
			...size.problems.map((p) => `\n**${p}**`),
			'',
			'| measure | project | baseline | project / baseline | floor | result | aim | result |',
			'| --- | ---: | ---: | ---: | --- | --- | --- | --- |',
			...rows.map(
				(r) =>
					`| ${r.label}${r.where ? ` (${r.where})` : ''} | ${r.over ? '> ' : ''}${formatSummary(r.project, r.unit)} | ${formatSummary(r.baseline, r.unit)} | ${formatSummary(r.ratio, 'x')} | ${r.floor ?? ''} | ${verdictText(r.pass)} | ${r.aim ?? ''} | ${verdictText(r.aimPass)} |`,
			),
			...pairsTable(size),
			...(notes.length ? ['', 'Spread:', '', ...notes.map((n) => `- ${n}`)] : []),
		);
	}
	lines.push(...growthSection(result.sizes, m.memoryBytes));
	return `${lines.join('\n')}\n`;
}

/** "2 × AMD EPYC …, 23.4 GiB, Node v24.21.0, linux" */
export function machineLine(m: Machine): string {
	return `${m.cpus} × ${m.cpuModel}, ${formatValue(m.memoryBytes, 'GiB')}, Node ${m.node}, ${m.platform}, Astro ${m.astro}, Pagefind ${m.pagefind}`;
}
