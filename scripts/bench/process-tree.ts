/**
 * Peak memory of a whole process tree: every `interval` ms, sum the resident set of a process and
 * all its descendants (read from /proc), and keep the largest sum. Builds spawn workers and
 * `npm run` wraps node in a shell, so one process's own peak would undercount.
 */
import { readdirSync, readFileSync } from 'node:fs';

// Linux x64 and arm64 both use 4 KiB pages for the rss field of /proc/<pid>/stat.
const PAGE_SIZE = 4096;

export interface TreeUsage {
	/** Largest sum of resident bytes over the tree seen at one sample; null without /proc. */
	peakRss: number | null;
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
	const usage: TreeUsage = { peakRss: null, peakProcesses: 0, samples: 0 };
	const sample = () => {
		const tree = readTree(rootPid);
		if (!tree) return;
		usage.samples++;
		usage.peakRss = Math.max(usage.peakRss ?? 0, tree.rss);
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

/** Resident bytes and process count of `rootPid` and its descendants; null without /proc. */
export function readTree(rootPid: number): { rss: number; processes: number } | null {
	let names: string[];
	try {
		names = readdirSync('/proc');
	} catch {
		return null;
	}
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of names) {
		if (!/^\d+$/.test(name)) continue;
		const stat = readStat(Number(name));
		if (!stat) continue;
		rss.set(Number(name), stat.rss);
		const siblings = children.get(stat.ppid);
		if (siblings) siblings.push(Number(name));
		else children.set(stat.ppid, [Number(name)]);
	}
	if (!rss.has(rootPid)) return { rss: 0, processes: 0 };
	let total = 0;
	let processes = 0;
	const queue = [rootPid];
	for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
		total += rss.get(pid) ?? 0;
		processes++;
		queue.push(...(children.get(pid) ?? []));
	}
	return { rss: total, processes };
}

function readStat(pid: number): { ppid: number; rss: number } | null {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return null; // the process ended between listing and reading
	}
	// The command name is in parentheses and may itself contain spaces or ")".
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state) of proc(5): ppid is field 4, rss (in pages) field 24.
	return { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE };
}
