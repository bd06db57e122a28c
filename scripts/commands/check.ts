/** `npm run check`: validate a whole journal and report every problem. */
import { join, relative, sep } from 'node:path';
import { checkJournal } from '../../src/lib/content/check.ts';
import { openParseCache } from '../../src/lib/content/parse-cache.ts';
import { findLeftOut, leftOutText } from '../../src/lib/content/audience.ts';
import { getAudience, getToday, UsageError } from '../../src/lib/content/env.ts';
import { readText } from '../../src/lib/content/files.ts';
import { countBySeverity, type Problem } from '../../src/lib/content/problems.ts';
import {
	columnOf,
	FORMATS,
	formatCompact,
	formatGithub,
	formatJson,
	formatText,
	type Format,
} from '../../src/lib/content/report.ts';
import type { Context } from '../context.ts';
import { messages } from '../messages.ts';
import { resolveContentRoot } from './content-root.ts';

export async function runCheck(
	ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	const format = (ctx.flags.format ?? 'text') as Format;
	if (!FORMATS.includes(format)) throw new UsageError(messages.badFormat(format));
	const root = resolveContentRoot(ctx);
	const cache = openParseCache(ctx.cwd);
	const { journal, problems } = checkJournal(root, getToday(ctx.env), cache);
	const audience = getAudience(ctx.env, journal.config);
	const leftOut = leftOutText(findLeftOut(journal.entries, audience), audience);
	const relativeRoot = relative(ctx.cwd, root).split(sep).join('/');
	const prefix = relativeRoot ? `${relativeRoot}/` : '';
	if (format === 'json') ctx.out.stdout(formatJson(problems));
	else if (format === 'compact') ctx.out.stdout(formatCompact(problems, columnsIn(root), prefix));
	else if (format === 'github') {
		const text = formatGithub(problems, prefix);
		if (text) ctx.out.stdout(text);
		if (leftOut) ctx.out.stdout(`::notice title=Audience::${leftOut}`);
	} else {
		ctx.out.stdout(formatText(problems));
		if (leftOut) ctx.out.stdout(leftOut);
	}
	// Once the report is out: the engineer need not wait for the cache to read it.
	cache?.save();
	return countBySeverity(problems).errors > 0 ? 1 : 0;
}

/** The column of each problem's field, from its file's line; each file with a problem is read once. */
function columnsIn(root: string): (problem: Problem) => number {
	const linesOf = new Map<string, string[]>();
	return ({ file, line, field }) => {
		if (!linesOf.has(file)) {
			const read = file.endsWith('/') ? undefined : readText(root, join(root, file));
			linesOf.set(file, read && 'text' in read ? read.text.split('\n') : []);
		}
		return columnOf(linesOf.get(file)![line - 1] ?? '', field);
	};
}
