/** Runs commands with their wall time and the peak memory of their whole process tree. */
import { spawn, type ChildProcess } from 'node:child_process';
import { sampleProcessTree, type TreeSampler } from './process-tree.ts';

export interface RunOptions {
	cwd: string;
	env: Record<string, string | undefined>;
}

/** A finished run. */
export interface Run {
	/** Wall time from spawn to exit, in milliseconds. */
	ms: number;
	/** Exit code; 1 when killed by a signal. */
	code: number;
	/** The signal that killed it (the kernel's out-of-memory killer sends SIGKILL). */
	signal: NodeJS.Signals | null;
	/** Peak resident bytes of the process tree; null where /proc is missing. */
	peakRss: number | null;
	/** CPU time (user + system) of the process tree; null where /proc is missing. */
	cpuMs: number | null;
	/** The last few kB of stdout and stderr, to explain a failure. */
	tail: string;
}

const TAIL = 8000;

/** Runs `command args` to the end, timing it and sampling its tree's memory. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<Run> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		const sampler = sampleProcessTree(child.pid!);
		const tail = keepTail(child);
		child.on('error', (error) => {
			sampler.stop();
			reject(error);
		});
		child.on('close', (code, signal) => {
			const ms = performance.now() - started;
			const { peakRss, cpuMs } = sampler.stop();
			resolve({ ms, code: code ?? 1, signal, peakRss, cpuMs, tail: tail() });
		});
	});
}

/** A long-running process (a dev server) in its own process group, so it can be stopped whole. */
export interface Server {
	child: ChildProcess;
	sampler: TreeSampler;
	startedAt: number;
	/** Recent output, for a message when it does not come up. */
	tail(): string;
	/** Stops the whole group and returns its peak memory. */
	stop(): Promise<number | null>;
}

export function startServer(command: string, args: string[], options: RunOptions): Server {
	const startedAt = performance.now();
	const child = spawn(command, args, {
		...options,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const sampler = sampleProcessTree(child.pid!);
	const tail = keepTail(child);
	const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
	return {
		child,
		sampler,
		startedAt,
		tail,
		async stop() {
			const { peakRss } = sampler.stop();
			if (child.exitCode === null && child.signalCode === null) {
				process.kill(-child.pid!, 'SIGTERM');
				const killed = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5000);
				await exited;
				clearTimeout(killed);
			}
			return peakRss;
		},
	};
}

/**
 * Polls `url` until `accept(status, body)` holds, and returns the milliseconds since `since`;
 * null when `timeoutMs` passes first, or as soon as `gone()` says the server has exited. A
 * refused connection (server not up yet) is retried.
 */
export async function pollUntil(
	url: string,
	accept: (status: number, body: string) => boolean,
	since: number,
	timeoutMs: number,
	every = 100,
	gone: () => boolean = () => false,
): Promise<number | null> {
	while (performance.now() - since < timeoutMs && !gone()) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
			if (accept(response.status, await response.text())) return performance.now() - since;
		} catch {
			// not listening yet, or the request timed out: try again
		}
		await new Promise((resolve) => setTimeout(resolve, every));
	}
	return null;
}

function keepTail(child: ChildProcess): () => string {
	let text = '';
	const add = (chunk: Buffer) => {
		text = (text + chunk.toString()).slice(-TAIL);
	};
	child.stdout?.on('data', add);
	child.stderr?.on('data', add);
	return () => text;
}
