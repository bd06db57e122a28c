/** `npm run check`: validate a whole journal and report every problem. */
import { relative, sep } from 'node:path';
import { checkJournal } from '../../src/lib/content/check.ts';
import { findLeftOut, leftOutText } from '../../src/lib/content/audience.ts';
import { getAudience, getToday, UsageError } from '../../src/lib/content/env.ts';
import { countBySeverity } from '../../src/lib/content/problems.ts';
import {
	FORMATS,
	formatGithub,
	formatJson,
	formatText,
	type Format,
} from '../../src/lib/content/report.ts';
import type { Context } from '../cli.ts';
import { messages } from '../messages.ts';
import { resolveContentRoot } from './content-root.ts';

export async function runCheck(
	ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	const format = (ctx.flags.format ?? 'text') as Format;
	if (!FORMATS.includes(format)) throw new UsageError(messages.badFormat(format));
	const root = resolveContentRoot(ctx);
	const { journal, problems } = checkJournal(root, getToday(ctx.env));
	const audience = getAudience(ctx.env, journal.config);
	const leftOut = leftOutText(findLeftOut(journal.entries, audience), audience);
	if (format === 'json') ctx.out.stdout(formatJson(problems));
	else if (format === 'github') {
		const prefix = relative(ctx.cwd, root).split(sep).join('/');
		const text = formatGithub(problems, prefix ? `${prefix}/` : '');
		if (text) ctx.out.stdout(text);
		if (leftOut) ctx.out.stdout(`::notice title=Audience::${leftOut}`);
	} else {
		ctx.out.stdout(formatText(problems));
		if (leftOut) ctx.out.stdout(leftOut);
	}
	return countBySeverity(problems).errors > 0 ? 1 : 0;
}
