import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { getContentRoot, UsageError } from '../../src/lib/content/env.ts';
import { messages } from '../messages.ts';
import type { Context } from '../cli.ts';

/** `--content`, else `JOURNAL_CONTENT`, else ./content; it must be an existing folder. */
export function resolveContentRoot({
	flags,
	env,
	cwd,
}: Pick<Context, 'flags' | 'env' | 'cwd'>): string {
	const root = flags.content ? resolve(cwd, flags.content) : getContentRoot(env, cwd);
	if (!existsSync(root) || !statSync(root).isDirectory())
		throw new UsageError(messages.missingContent(root));
	return root;
}
