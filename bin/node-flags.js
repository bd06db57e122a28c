// @ts-check
/**
 * Node flags that a command needs from the start of its process, where setting them at run time
 * does nothing. Both ways in (bin/outcome-journal.js and scripts/run.js) call `rerunWithFlags`.
 */
import { spawnSync } from 'node:child_process';

/**
 * `check` reads, parses and validates every file of the journal, short-lived objects by the
 * hundred megabyte. With V8's default young generation their collection is a large share of its
 * time; a larger one cuts it (docs/decisions/0010).
 */
export const COMMAND_FLAGS = /** @type {Record<string, string[]>} */ ({
	check: ['--max-semi-space-size=16'],
});

/** The flags of `command` that `execArgv` (the process's own Node flags) lacks. */
export function missingFlags(command = '', execArgv = process.execArgv) {
	const flags = (Object.hasOwn(COMMAND_FLAGS, command) && COMMAND_FLAGS[command]) || [];
	return flags.filter((flag) => !execArgv.includes(flag));
}

/**
 * Runs this process again with the flags its command lacks, output shown as it comes, and
 * returns its exit code; undefined when nothing is missing, and the caller goes on.
 */
export function rerunWithFlags(argv = process.argv, execArgv = process.execArgv) {
	const missing = missingFlags(argv[2], execArgv);
	if (!missing.length) return undefined;
	const child = spawnSync(process.execPath, [...execArgv, ...missing, ...argv.slice(1)], {
		stdio: 'inherit',
	});
	return child.status ?? 1;
}
