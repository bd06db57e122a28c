/**
 * Turns one run's measurements into the report: each figure next to the baseline of the same run,
 * their ratio, and the floor it must stay under (from the benchmark issue), passed or failed.
 * Pure: measurements in, rows out, so tests can feed it any numbers.
 */
import type { DevTimes } from './dev.ts';
import type { DistStats } from './dist-stats.ts';
import type { QueryBytes } from './query.ts';

/** A timed command: wall time, and the CPU time and peak memory of its process tree. */
export interface Timed {
	ms: number;
	cpuMs: number | null;
	peakRss: number | null;
	code: number;
}

/** Everything measured for one journal size; a skipped or impossible measurement is null. */
export interface SizeMeasurements {
	entries: number;
	journal: { files: number; bytes: number; commits: number; generateMs: number };
	/** `npm run check`; `summary` is its last line. */
	check: (Timed & { summary: string }) | null;
	project: {
		/** The build with search indexing switched off (JOURNAL_SEARCH=0). */
		withoutSearch: Timed | null;
		/** The default build, which indexes for search; null while the project has no search. */
		withSearch: Timed | null;
		/**
		 * The indexing step of the default build, as it reported itself: `npm run build` indexes
		 * in a process of its own once Astro has exited, so this is what search adds to a build.
		 * Null when the build printed no such report; then the difference of the two builds is
		 * used instead.
		 */
		indexing?: { ms: number; pages: number } | null;
		dist: DistStats | null;
		query: QueryBytes | null;
	};
	baseline: {
		build: Timed | null;
		/** Plain Pagefind over the baseline's output. */
		pagefind: Timed | null;
		dist: DistStats | null;
		query: QueryBytes | null;
	};
	dev: DevTimes | null;
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
	sizes: SizeMeasurements[];
}

/** One line of the report. */
export interface Row {
	label: string;
	unit: Unit;
	project: number | null;
	baseline: number | null;
	/** project / baseline, when both are known. */
	ratio: number | null;
	/** The floor, as a reader reads it, e.g. "≤ 1.5× baseline". */
	floor: string | null;
	/** true pass, false fail, null when there is no floor or nothing to judge. */
	pass: boolean | null;
	/** The figure is a lower bound: the wait for it passed this time limit. */
	over?: true;
}

export type Unit = 's' | 'GiB' | 'kB' | 'MB' | 'count' | 'x';

const GiB = 1024 ** 3;
const kB = 1000;
const MB = 1000 ** 2;

/** The floors (at 10,000 entries on a 2-core, 24 GiB machine). */
export const FLOORS = {
	buildRatio: 1.5,
	searchRatio: 0.6,
	peakRss: 3 * GiB,
	checkMs: 3000,
	queryBytes: 300 * kB,
	entryPageBytes: 40 * kB,
	devStartMs: 30_000,
	devEditMs: 3000,
} as const;

/** The report's rows for one size. */
export function buildRows(m: SizeMeasurements): Row[] {
	const p = m.project;
	const b = m.baseline;
	const buildMs = p.withoutSearch?.ms ?? null;
	const baseMs = b.build?.ms ?? null;
	const difference = p.withSearch && p.withoutSearch ? p.withSearch.ms - p.withoutSearch.ms : null;
	const indexingMs = p.indexing?.ms ?? difference;
	const peak = maxOf(p.withSearch?.peakRss, p.withoutSearch?.peakRss);
	const basePeak = maxOf(b.build?.peakRss, b.pagefind?.peakRss);
	return [
		row(
			'Build without search',
			's',
			buildMs,
			baseMs,
			atMost(ratio(buildMs, baseMs), FLOORS.buildRatio, `≤ ${FLOORS.buildRatio}× baseline`),
		),
		// Judged against the baseline's build time, not against the baseline's own indexing.
		row(
			'Search indexing adds',
			's',
			indexingMs,
			b.pagefind?.ms ?? null,
			atMost(
				ratio(indexingMs, baseMs),
				FLOORS.searchRatio,
				`≤ ${FLOORS.searchRatio}× baseline build`,
				'x',
			),
		),
		// CPU time varies less than wall time when other work shares the machine.
		row(
			'Build without search, CPU time',
			's',
			p.withoutSearch?.cpuMs ?? null,
			b.build?.cpuMs ?? null,
		),
		row('Build with search', 's', p.withSearch?.ms ?? null, sumOf(b.build?.ms, b.pagefind?.ms)),
		// Two whole builds also differ by whatever else varies between builds, so it is not judged.
		...(p.indexing ? [row('Build with search minus without', 's', difference, null)] : []),
		row('Peak RSS of the build', 'GiB', peak, basePeak, atMost(peak, FLOORS.peakRss, '≤ 3 GiB')),
		row(
			'npm run check',
			's',
			m.check?.ms ?? null,
			null,
			atMost(m.check?.ms ?? null, FLOORS.checkMs, '≤ 3 s'),
		),
		row('Pages in dist/', 'count', p.dist?.pages ?? null, b.dist?.pages ?? null),
		row('Bytes in dist/', 'MB', p.dist?.bytes ?? null, b.dist?.bytes ?? null),
		row(
			'Entry page HTML, median',
			'kB',
			p.dist?.medianEntryPage ?? null,
			b.dist?.medianEntryPage ?? null,
		),
		row(
			'Entry page HTML, largest',
			'kB',
			p.dist?.largestEntryPage?.bytes ?? null,
			b.dist?.largestEntryPage?.bytes ?? null,
			atMost(p.dist?.largestEntryPage?.bytes ?? null, FLOORS.entryPageBytes, '≤ 40 kB'),
		),
		row(
			'Largest page of any kind',
			'kB',
			p.dist?.largestPage?.bytes ?? null,
			b.dist?.largestPage?.bytes ?? null,
		),
		row('Search index', 'MB', p.dist?.searchIndexBytes ?? null, b.dist?.searchIndexBytes ?? null),
		row(
			'One query downloads',
			'kB',
			p.query?.bytes ?? null,
			b.query?.bytes ?? null,
			below(p.query?.bytes ?? null, FLOORS.queryBytes, '< 300 kB'),
		),
		devRow(m.dev, 'start', 'Dev: home page after cold start', FLOORS.devStartMs, '≤ 30 s'),
		devRow(m.dev, 'edit', 'Dev: saved edit visible', FLOORS.devEditMs, '≤ 3 s'),
	];
}

type Judgement = Pick<Row, 'floor' | 'pass'>;

/** A dev figure; one whose wait passed its time limit fails, shown as more than the limit. */
function devRow(
	dev: DevTimes | null,
	which: 'start' | 'edit',
	label: string,
	floorMs: number,
	floor: string,
): Row {
	const value = (which === 'start' ? dev?.startMs : dev?.editMs) ?? null;
	if (dev?.timedOut === which)
		return { ...row(label, 's', dev.limits[`${which}Ms`], null), floor, pass: false, over: true };
	return row(label, 's', value, null, atMost(value, floorMs, floor));
}

function row(
	label: string,
	unit: Unit,
	project: number | null,
	baseline: number | null,
	judged?: Judgement,
): Row {
	return {
		label,
		unit,
		project,
		baseline,
		ratio: ratio(project, baseline),
		floor: judged?.floor ?? null,
		pass: judged?.pass ?? null,
	};
}

/** Passes at or under `limit`; a floor on a ratio also shows the ratio it judged. */
function atMost(value: number | null, limit: number, floor: string, unit?: Unit): Judgement {
	const shown = unit && value !== null ? `${floor} (${formatValue(value, unit)})` : floor;
	return { floor: shown, pass: value === null ? null : value <= limit };
}

function below(value: number | null, limit: number, floor: string): Judgement {
	return { floor, pass: value === null ? null : value < limit };
}

function ratio(a: number | null, b: number | null): number | null {
	return a === null || b === null || b === 0 ? null : a / b;
}

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

/** One size's cost per entry, and how it compares with the smallest size's. */
export interface GrowthRow {
	entries: number;
	label: string;
	/** Milliseconds (or bytes, for memory) per entry. */
	perEntry: number | null;
	/** perEntry ÷ the smallest size's: about 1 when the cost grows linearly, more when faster. */
	growth: number | null;
}

/** What grows with the journal, per entry, so that superlinear growth stands out. */
const GROWING: { label: string; unit: 'ms' | 'kB'; of: (m: SizeMeasurements) => number | null }[] =
	[
		{ label: 'Build without search', unit: 'ms', of: (m) => m.project.withoutSearch?.ms ?? null },
		{
			label: 'Build without search, CPU',
			unit: 'ms',
			of: (m) => m.project.withoutSearch?.cpuMs ?? null,
		},
		{ label: 'Baseline build', unit: 'ms', of: (m) => m.baseline.build?.ms ?? null },
		{
			label: 'Peak RSS of the build',
			unit: 'kB',
			of: (m) => maxOf(m.project.withSearch?.peakRss, m.project.withoutSearch?.peakRss),
		},
		{ label: 'npm run check', unit: 'ms', of: (m) => m.check?.ms ?? null },
		{ label: 'Bytes in dist/', unit: 'kB', of: (m) => m.project.dist?.bytes ?? null },
	];

/** Per-entry cost of each growing measure at each size, smallest size first. */
export function growthRows(sizes: SizeMeasurements[]): GrowthRow[] {
	const sorted = [...sizes].sort((a, b) => a.entries - b.entries);
	return GROWING.flatMap(({ label, unit, of }) => {
		const perEntry = (m: SizeMeasurements) => {
			const value = of(m);
			return value === null ? null : value / (unit === 'kB' ? kB : 1) / m.entries;
		};
		const first = sorted.map(perEntry).find((v) => v !== null) ?? null;
		return sorted.map((m) => {
			const value = perEntry(m);
			return {
				entries: m.entries,
				label: `${label} (${unit} per entry)`,
				perEntry: value,
				growth: ratio(value, first),
			};
		});
	});
}

function growthTable(sizes: SizeMeasurements[]): string[] {
	const sorted = [...sizes].sort((a, b) => a.entries - b.entries);
	const rows = growthRows(sorted);
	const labels = [...new Set(rows.map((r) => r.label))];
	const cell = (r: GrowthRow | undefined) =>
		r?.perEntry == null
			? '—'
			: `${r.perEntry.toFixed(r.perEntry < 10 ? 2 : 1)} (${formatValue(r.growth, 'x')})`;
	return [
		'',
		'## Growth',
		'',
		"Cost per entry at each size, and in brackets that cost over the smallest size's: about 1× when it grows linearly with the journal, more when faster.",
		'',
		`| per entry | ${sorted.map((m) => m.entries.toLocaleString('en')).join(' | ')} |`,
		`| --- | ${sorted.map(() => '---:').join(' | ')} |`,
		...labels.map(
			(label) =>
				`| ${label} | ${sorted.map((m) => cell(rows.find((r) => r.label === label && r.entries === m.entries))).join(' | ')} |`,
		),
	];
}

const VERDICT = (pass: boolean | null) => (pass === null ? '—' : pass ? 'pass' : 'FAIL');

/** The whole run as markdown: the machine, then one table per size. */
export function toMarkdown(result: BenchResult): string {
	const m = result.machine;
	const lines = [
		'# outcome-journal benchmark',
		'',
		`Run ${result.startedAt}, seed ${result.seed}. Machine: ${machineLine(m)}.`,
		`Load average (1, 5, 15 min): ${m.loadBefore.map((l) => l.toFixed(2)).join(', ')} before, ${m.loadAfter.map((l) => l.toFixed(2)).join(', ')} after.`,
		'',
		'Baseline: a bare Astro project of the same version rendering the same entry files with `render()` in one trivial layout, built in the same run; "with search" adds plain Pagefind over its output.',
	];
	for (const size of result.sizes) {
		const rows = buildRows(size);
		const judged = rows.filter((r) => r.pass !== null);
		lines.push(
			'',
			`## ${size.entries.toLocaleString('en')} entries`,
			'',
			`${size.journal.files} files, ${formatValue(size.journal.bytes, 'MB')}, ${size.journal.commits} commits (generated in ${formatValue(size.journal.generateMs, 's')}). Floors passed: ${judged.filter((r) => r.pass).length} of ${judged.length}.`,
			'',
			'| measure | project | baseline | project / baseline | floor | result |',
			'| --- | ---: | ---: | ---: | --- | --- |',
			...rows.map(
				(r) =>
					`| ${r.label} | ${r.over ? '> ' : ''}${formatValue(r.project, r.unit)} | ${formatValue(r.baseline, r.unit)} | ${formatValue(r.ratio, 'x')} | ${r.floor ?? ''} | ${VERDICT(r.pass)} |`,
			),
		);
	}
	if (result.sizes.length > 1) lines.push(...growthTable(result.sizes));
	return `${lines.join('\n')}\n`;
}

/** "2 × AMD EPYC …, 23.4 GiB, Node v24.21.0, linux" */
export function machineLine(m: Machine): string {
	return `${m.cpus} × ${m.cpuModel}, ${formatValue(m.memoryBytes, 'GiB')}, Node ${m.node}, ${m.platform}, Astro ${m.astro}, Pagefind ${m.pagefind}`;
}
