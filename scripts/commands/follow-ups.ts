/** `npm run follow-ups`: what is due and overdue, for a person, a chat post or a pull request. */
import { relative, sep } from 'node:path';
import { checkJournal } from '../../src/lib/content/check.ts';
import { openParseCache } from '../../src/lib/content/parse-cache.ts';
import { getAudience, getToday, UsageError } from '../../src/lib/content/env.ts';
import { countBySeverity } from '../../src/lib/content/problems.ts';
import { lineOf, type LineMap } from '../../src/lib/content/parsed-yaml.ts';
import { isPublished } from '../../src/lib/content/audience.ts';
import { groupFollowUpsByOwner } from '../../src/lib/facts/follow-up-groups.ts';
import { getFollowUps } from '../../src/lib/facts/rollups.ts';
import {
	FOLLOW_UP_FORMATS,
	formatFollowUpsGithub,
	formatFollowUpsMarkdown,
	formatFollowUpsText,
	toFollowUpReport,
	type FollowUpFormat,
} from '../../src/lib/site/follow-up-report.ts';
import { createLink, createUrls } from '../../src/lib/site/urls.ts';
import type { Context } from '../context.ts';
import { messages } from '../messages.ts';
import { resolveContentRoot } from './content-root.ts';

export async function runFollowUps(
	ctx: Pick<Context, 'flags' | 'env' | 'cwd' | 'out'>,
): Promise<number> {
	const format = (ctx.flags.format ?? 'text') as FollowUpFormat;
	if (!FOLLOW_UP_FORMATS.includes(format)) throw new UsageError(messages.badFollowUpFormat(format));
	const root = resolveContentRoot(ctx);
	const today = getToday(ctx.env);
	const cache = openParseCache(ctx.cwd);
	const { journal, problems } = checkJournal(root, today, cache);
	cache?.save();
	const { config } = journal;
	const audience = getAudience(ctx.env, config);

	// The same entries a build publishes: drafts never, internal ones only for the internal audience.
	const entries = journal.entries.flatMap((doc) =>
		doc.data && isPublished(doc.data, audience)
			? [{ slug: doc.id, data: doc.data, file: doc.file }]
			: [],
	);
	const names = new Map(journal.people.map((p) => [p.id, p.data?.name ?? p.id]));
	const report = toFollowUpReport(
		groupFollowUpsByOwner(getFollowUps(entries, today, config.follow_up_days)),
		{
			personName: (id) => names.get(id) ?? id,
			urls: createUrls(config.base),
			link: createLink(config.site),
			today,
		},
	);

	if (format === 'json') ctx.out.stdout(JSON.stringify(report, null, '\t'));
	else if (format === 'markdown') ctx.out.stdout(formatFollowUpsMarkdown(report));
	else if (format === 'github') {
		const lines = new Map<string, LineMap>(journal.entries.map((d) => [d.file, d.lines]));
		const prefix = relative(ctx.cwd, root).split(sep).join('/');
		const text = formatFollowUpsGithub(
			report,
			(file, field) => lineOf(lines.get(file) ?? new Map(), fieldPath(field)),
			prefix ? `${prefix}/` : '',
		);
		if (text) ctx.out.stdout(text);
	} else ctx.out.stdout(formatFollowUpsText(report));

	const { errors } = countBySeverity(problems);
	if (errors) {
		ctx.out.stderr(messages.followUpsIncomplete(errors));
		return 1;
	}
	return 0;
}

/** `next[0].due` → `['next', 0, 'due']`, the path lineOf expects. */
function fieldPath(field: string): PropertyKey[] {
	return field
		.split(/[.[\]]+/)
		.flatMap((part) => (part === '' ? [] : [/^\d+$/.test(part) ? Number(part) : part]));
}
