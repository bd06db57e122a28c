/** What every command receives from the command line (scripts/cli.ts). */
import type { Output } from './messages.ts';

export interface Context {
	/** Flag values, already parsed strictly for the command (a positional argument by its name). */
	flags: Record<string, string | undefined>;
	/** The positional arguments of a command that takes several (`shards merge DIR...`). */
	args: string[];
	env: Record<string, string | undefined>;
	cwd: string;
	out: Output;
}
