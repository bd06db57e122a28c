import { resolve } from 'node:path';
import { getContentRoot, requireContentFolder } from '../../src/lib/content/env.ts';
import type { Context } from '../context.ts';

/** `--content`, else `JOURNAL_CONTENT`, else ./content; it must be an existing folder. */
export function resolveContentRoot({
	flags,
	env,
	cwd,
}: Pick<Context, 'flags' | 'env' | 'cwd'>): string {
	return requireContentFolder(
		flags.content ? resolve(cwd, flags.content) : getContentRoot(env, cwd),
	);
}
