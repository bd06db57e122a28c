/** What `npm run bench` prints while it runs; printed through the CLI's Output, so tests capture it. */
import type { DevTimes } from './dev.ts';
import type { DistStats } from './dist-stats.ts';
import type { QueryBytes } from './query.ts';
import { formatValue, machineLine, type Machine, type Timed } from './report.ts';

const timed = (t: Timed) =>
	`${formatValue(t.ms, 's')} (CPU ${formatValue(t.cpuMs, 's')}), peak ${formatValue(t.peakRss, 'GiB')}${t.code ? `, exit ${t.code}` : ''}`;

export const benchMessages = {
	machine: (m: Machine) =>
		`Machine: ${machineLine(m)}. Load average ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}.`,
	sharedMachine: () =>
		'Other work on this machine slows every step: compare ratios within one run, not numbers across runs.',
	warmedUp: (entries: number, ms: number) =>
		`Warm-up: the project and the baseline built once on ${entries} entries, not timed (${formatValue(ms, 's')}).`,
	size: (entries: number, shape: string, pairs: number) =>
		`\n${entries.toLocaleString('en')} entries, ${shape} shape, ${pairs} pair${pairs === 1 ? '' : 's'}`,
	pair: (n: number, of: number, first: string) => `  pair ${n} of ${of}, ${first} first`,
	memoryAhead: (entries: number, projected: number, memory: number) =>
		`  memory    growing linearly from the last size, the build would need about ${formatValue(projected, 'GiB')} at ${entries.toLocaleString('en')} entries, more than this machine's ${formatValue(memory, 'GiB')}; trying anyway`,
	outOfMemory: (
		step: string,
		entries: number,
		why: 'heap' | 'killed',
		peak: number | null,
		memory: number,
	) =>
		why === 'heap'
			? `${step} ran out of memory at ${entries.toLocaleString('en')} entries: a Node process hit its heap limit (peak of the whole tree ${formatValue(peak, 'GiB')}, machine ${formatValue(memory, 'GiB')}). NODE_OPTIONS=--max-old-space-size=<MiB> raises the limit; the remaining pairs of this size and shape were not run.`
			: `${step} was killed at ${entries.toLocaleString('en')} entries, most likely by the kernel for want of memory (peak of the whole tree ${formatValue(peak, 'GiB')}, machine ${formatValue(memory, 'GiB')}); the remaining pairs of this size and shape were not run.`,
	stepFailed: (step: string, code: number) =>
		`${step} failed (exit ${code}); its output is printed above. The remaining pairs of this size and shape were not run.`,
	devFailed: () => 'The dev server did not answer in time; its output is printed above.',
	generated: (dir: string, files: number, commits: number, ms: number) =>
		`  journal   ${files} files, ${commits} commits in ${dir} (${formatValue(ms, 's')})`,
	check: (step: string, t: Timed, summary: string) => `  ${step.padEnd(9)} ${timed(t)}: ${summary}`,
	build: (what: string, t: Timed) => `  ${what.padEnd(9)} ${timed(t)}`,
	indexing: (i: { ms: number; pages: number }) =>
		`  index     ${i.pages} pages in ${formatValue(i.ms, 's')}, as the build's indexing step reported`,
	noSearch: () =>
		'  search    the build wrote no pagefind/ index, so "with search" is measured for the baseline only',
	searchSwitchIgnored: () =>
		'  search    JOURNAL_SEARCH=0 still wrote pagefind/: the build does not honour the switch yet',
	dist: (who: string, d: DistStats) =>
		`  dist      ${who}: ${d.pages} pages, ${formatValue(d.bytes, 'MB')}; entry page median ${formatValue(d.medianEntryPage, 'kB')}, largest ${formatValue(d.largestEntryPage?.bytes ?? null, 'kB')}`,
	query: (who: string, q: QueryBytes) =>
		`  query     ${who}: "${q.query}" found ${q.results}, downloaded ${formatValue(q.bytes, 'kB')} in ${q.requests} requests`,
	noBrowser: (why: string) => `  query     not measured. ${why}`,
	dev: (d: DevTimes) =>
		d.exitCode !== undefined
			? `  dev       the server exited (code ${d.exitCode}) before the ${d.timedOut === 'edit' ? 'edit showed' : 'home page answered'}`
			: d.timedOut === 'start'
				? `  dev       the home page did not answer within ${formatValue(d.limits.startMs, 's')}`
				: `  dev       home after ${formatValue(d.startMs, 's')}, edit visible after ${d.timedOut === 'edit' ? `more than ${formatValue(d.limits.editMs, 's')}` : formatValue(d.editMs, 's')}, home after a restart ${d.timedOut === 'restart' ? `more than ${formatValue(d.limits.startMs, 's')}` : formatValue(d.restartMs ?? null, 's')}, peak ${formatValue(d.peakRss, 'GiB')}`,
	failed: (step: string, tail: string) =>
		`  ${step} failed; its last output:\n${tail
			.trim()
			.split('\n')
			.map((l) => `    ${l}`)
			.join('\n')}`,
	wrote: (json: string, markdown: string) => `\nWrote ${json} and ${markdown}`,
	badSizes: (value: string) =>
		`--entries must be a comma-separated list of positive whole numbers, not "${value}".`,
	badShape: (value: string, known: readonly string[]) =>
		`--shapes does not know "${value}"; it takes a comma-separated list of ${known.join(', ')}.`,
	badSkip: (value: string, known: readonly string[]) =>
		`--skip does not know "${value}"; it takes a comma-separated list of ${known.join(', ')}.`,
	badNumber: (flag: string, value: string) =>
		`--${flag} must be a positive whole number, not "${value}".`,
};
