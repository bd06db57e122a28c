/**
 * Peak memory of a whole process tree: every `interval` ms, sum the resident set of a process and
 * all its descendants (read from /proc), and keep the largest sum. Builds spawn workers and
 * `npm run` wraps node in a shell, so one process's own peak would undercount.
 */
import { readdirSync, readFileSync } from 'node:fs';

// Linux x64 and arm64 both use 4 KiB pages for the rss field of /proc/<pid>/stat, and count
// CPU time in ticks of 10 ms (USER_HZ = 100).
const PAGE_SIZE = 4096;
const TICK_MS = 10;

export interface TreeUsage {
	/** Largest sum of resident bytes over the tree seen at one sample; null without /proc. */
	peakRss: number | null;
	/**
	 * CPU time (user + system) of the tree, including descendants that already ended, as of the
	 * last sample; null without /proc. On a shared machine it varies less than wall time.
	 */
	cpuMs: number | null;
	/** Most processes seen in the tree at one sample. */
	peakProcesses: number;
	samples: number;
}

export interface TreeSampler {
	/** Takes a last sample, stops, and returns what was seen. */
	stop(): TreeUsage;
}

/** Starts sampling the tree under `rootPid` now and every `interval` ms. */
export function sampleProcessTree(rootPid: number, interval = 100): TreeSampler {
	const usage: TreeUsage = { peakRss: null, cpuMs: null, peakProcesses: 0, samples: 0 };
	const sample = () => {
		const tree = readTree(rootPid);
		if (!tree) return;
		usage.samples++;
		usage.peakRss = Math.max(usage.peakRss ?? 0, tree.rss);
		usage.cpuMs = Math.max(usage.cpuMs ?? 0, tree.cpuMs);
		usage.peakProcesses = Math.max(usage.peakProcesses, tree.processes);
	};
	sample();
	const timer = setInterval(sample, interval);
	return {
		stop() {
			sample();
			clearInterval(timer);
			return usage;
		},
	};
}

/** What `rootPid` and its descendants hold now; null without /proc. */
export function readTree(
	rootPid: number,
): { rss: number; cpuMs: number; processes: number } | null {
	let names: string[];
	try {
		names = readdirSync('/proc');
	} catch {
		return null;
	}
	const children = new Map<number, number[]>();
	const stats = new Map<number, Stat>();
	for (const name of names) {
		if (!/^\d+$/.test(name)) continue;
		const stat = readStat(Number(name));
		if (!stat) continue;
		stats.set(Number(name), stat);
		const siblings = children.get(stat.ppid);
		if (siblings) siblings.push(Number(name));
		else children.set(stat.ppid, [Number(name)]);
	}
	const tree = { rss: 0, cpuMs: 0, processes: 0 };
	if (!stats.has(rootPid)) return tree;
	const queue = [rootPid];
	for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
		tree.rss += stats.get(pid)?.rss ?? 0;
		tree.cpuMs += stats.get(pid)?.cpuMs ?? 0;
		tree.processes++;
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

interface Stat {
	ppid: number;
	rss: number;
	/** Own CPU time plus that of its ended, reaped children (so nothing is counted twice). */
	cpuMs: number;
}

function readStat(pid: number): Stat | null {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return null; // the process ended between listing and reading
	}
	// The command name is in parentheses and may itself contain spaces or ")".
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state) of proc(5): ppid is field 4, utime, stime, cutime and cstime
	// fields 14 to 17, rss (in pages) field 24.
	const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
	return { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE, cpuMs: ticks * TICK_MS };
}
