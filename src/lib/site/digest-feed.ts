/**
 * The monthly digest as an RSS item, for /digest.xml. The description is HTML composed here, so
 * every string from content passes through `escapeHtml`.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { ENTRY_STATUSES, type Metric } from '../content/schema.ts';
import type { EntryLike } from '../facts/entry.ts';
import { followUpOwner, stepsBesideFollowUps, type Digest } from '../facts/rollups.ts';
import { lastDayOf } from '../utils/dates.ts';
import { escapeHtml } from './feed.ts';
import {
	formatChangeWithPercent,
	formatMonth,
	formatValue,
	loopHealthText,
	plural,
	stepCountsText,
} from './format.ts';
import { firstOf, PAGE_SIZE } from './page-size.ts';
import type { Urls } from './urls.ts';

export interface DigestFeedContext {
	metrics: ReadonlyMap<string, Pick<Metric, 'name' | 'unit'>>;
	personName: (id: string) => string;
	urls: Urls;
	/** A site path as the feed links it: absolute when `site` is set. */
	link: (path: string) => string;
	today: string;
}

/** The month's last day, or today while the month is still running. */
export function digestDate(month: string, today: string): string {
	const end = lastDayOf(month);
	return end < today ? end : today;
}

export function toDigestFeedItem<T extends EntryLike>(
	month: string,
	digest: Digest<T>,
	ctx: DigestFeedContext,
): RSSFeedItem {
	const { urls, link } = ctx;
	const a = (path: string, text: string) =>
		`<a href="${escapeHtml(link(path))}">${escapeHtml(text)}</a>`;
	const entry = (e: T) => a(urls.entry(e.slug), e.data.title);
	const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

	// As on the month's page: a busy month lists the longest overdue of each and counts the rest.
	const due = firstOf(digest.followUps.due, PAGE_SIZE.digestItems);
	const overdue = firstOf(digest.followUps.overdue, PAGE_SIZE.digestItems);
	// Overdue steps are under follow-ups due, as on the page, so that each step is listed once.
	const { listed, overdue: overdueSteps } = stepsBesideFollowUps(digest.steps, ctx.today);
	const steps = firstOf(listed, PAGE_SIZE.digestItems);
	const moreDue = due.more + overdue.more;

	const counts = ENTRY_STATUSES.filter((s) => digest.byStatus[s] > 0)
		.map((s) => `${digest.byStatus[s]} ${s}`)
		.join(', ');
	const html = [
		`<p>${plural(digest.entries.length, 'entry', 'entries')}: ${counts}.</p>`,
		`<p>Loop closure: ${escapeHtml(loopHealthText(digest.health))}; ${digest.health.notYetDue} not yet due.</p>`,
		'<h3>Biggest moves</h3>',
		digest.moves.length
			? list(
					digest.moves.map(({ entry: e, result, delta }) => {
						const metric = ctx.metrics.get(result.metric)!;
						const numbers = `${formatValue(result.before, metric)} → ${formatValue(result.after, metric)}, ${formatChangeWithPercent(delta, metric)}`;
						return `${a(urls.metric(result.metric), metric.name)}: ${escapeHtml(numbers)} (${entry(e)})`;
					}),
				)
			: '<p>No improvement recorded from these entries yet.</p>',
		'<h3>Follow-ups due</h3>',
		due.shown.length + overdue.shown.length
			? list([
					...due.shown.map(
						(d) =>
							`${entry(d.entry)}: result due since ${d.measureBy}, ${d.daysLate} days late (${escapeHtml(ctx.personName(followUpOwner(d.entry)))})`,
					),
					...overdue.shown.map(
						(o) =>
							`${escapeHtml(o.step.step)}: due ${o.step.due}, ${o.daysLate} days late (${escapeHtml(ctx.personName(followUpOwner(o.entry, o.step)))}), from ${entry(o.entry)}`,
					),
				])
			: '<p>Nothing is due from these entries.</p>',
		moreDue
			? `<p>${moreDue} more due from these entries: ${a(urls.followUps(), 'every follow-up, by owner')}.</p>`
			: '',
		'<h3>Next steps</h3>',
		digest.steps.steps.length
			? `<p>${stepCountsText(digest.steps, overdueSteps)}</p>`
			: '<p>These entries opened no next steps.</p>',
		listed.length
			? list(
					steps.shown.map(
						({ entry: e, step }) =>
							`${step.done ? 'Done' : 'Open'}: ${escapeHtml(step.step)} (${escapeHtml(ctx.personName(followUpOwner(e, step)))}), from ${entry(e)}`,
					),
				)
			: '',
		steps.more ? `<p>${steps.more} more, each on its entry’s page.</p>` : '',
		'<h3>Entries</h3>',
		list(digest.entries.map((e) => `${entry(e)} (${e.data.status})`)),
	].join('');
	return {
		title: `Digest: ${formatMonth(month)}`,
		link: urls.month(month),
		pubDate: new Date(`${digestDate(month, ctx.today)}T00:00:00Z`),
		description: html,
	};
}
