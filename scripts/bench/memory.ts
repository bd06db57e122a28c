/**
 * When a step needs more memory than the machine (or Node's heap limit) allows: tell it apart
 * from other failures, and foresee it from the sizes already measured.
 */
import type { Run } from './measure.ts';

/**
 * Why a failed run ran out of memory: `heap` when a Node process hit its heap limit (which is
 * smaller than the machine's memory), `killed` when the kernel killed it (its out-of-memory
 * killer sends SIGKILL); null when it did not fail that way.
 */
export function outOfMemory(run: Pick<Run, 'code' | 'signal' | 'tail'>): 'heap' | 'killed' | null {
	if (run.code === 0 && !run.signal) return null;
	if (/heap out of memory|ERR_WORKER_OUT_OF_MEMORY|Allocation failed/i.test(run.tail))
		return 'heap';
	// A shell reports a child killed by SIGKILL as exit 137.
	if (run.signal === 'SIGKILL' || run.code === 137) return 'killed';
	return null;
}

/**
 * Peak memory expected at `entries`, growing linearly from the largest smaller size measured;
 * null when none was.
 */
export function projectedPeak(
	measured: readonly { entries: number; peakRss: number | null }[],
	entries: number,
): number | null {
	const known = measured
		.filter(
			(m): m is { entries: number; peakRss: number } => m.peakRss !== null && m.entries < entries,
		)
		.sort((a, b) => b.entries - a.entries)[0];
	return known ? (known.peakRss * entries) / known.entries : null;
}
