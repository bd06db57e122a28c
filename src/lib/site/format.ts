/** Display text for numbers, deltas and dates; shared by pages and exports. */
import { memoize } from '../utils/memoize.ts';
import type { Method } from '../content/schema.ts';
import type { Delta } from '../content/delta.ts';
import type { EvidenceLevel, StrongestEvidence } from '../facts/evidence.ts';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** How a metric's numbers are written: its unit, and the decimals all of its values share. */
export interface NumberStyle {
	unit?: string;
	/** Fraction digits every value shows (`displayDecimals`); more only where a value has them. */
	decimals?: number;
}

/** One formatter per number of decimals, made when first needed. */
const formatters: Intl.NumberFormat[] = [];
const withDecimals = (decimals: number) =>
	(formatters[decimals] ??= new Intl.NumberFormat('en', {
		minimumFractionDigits: decimals,
		maximumFractionDigits: Math.max(2, decimals),
	}));

/** A metric's style, or a unit alone for a number that belongs to no metric. */
type Style = NumberStyle | string | undefined;
const styleOf = (style: Style): NumberStyle | undefined =>
	typeof style === 'string' ? { unit: style } : style;

/** The number alone, in `style`'s decimals. */
function formatNumber(value: number, style?: NumberStyle): string {
	return style?.decimals ? withDecimals(style.decimals).format(value) : number.format(value);
}

/**
 * The decimals a metric's values share: the most any of them has (as far as two places). An
 * author who writes 91.2 and 93.0 then reads "91.2% → 93.0%" everywhere, as in their own text,
 * though YAML reads 93.0 as 93.
 */
export function displayDecimals(values: Iterable<number | undefined>): number {
	let most = 0;
	for (const value of values) {
		if (value === undefined) continue;
		most = Math.max(most, number.format(value).split('.')[1]?.length ?? 0);
	}
	return most;
}

/** A value with its unit: `1,900 ms`, `3.2%`, `12,000 USD`. */
export function formatValue(value: number | undefined, metric?: Style): string {
	if (value === undefined) return '—';
	const style = styleOf(metric);
	const text = formatNumber(value, style);
	const unit = style?.unit;
	// "count" is what a plain number already says.
	if (!unit || unit === 'count') return text;
	return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** `+1.2 pp`, `−800 ms`; percentage-point wording for % metrics. */
export function formatChange(delta: Delta, metric?: Style): string {
	if (delta.absolute === undefined) return '—';
	const style = styleOf(metric);
	const sign = delta.absolute > 0 ? '+' : delta.absolute < 0 ? '−' : '±';
	const magnitude = formatNumber(Math.abs(delta.absolute), style);
	const unit = style?.unit;
	const unitText = unit === '%' ? ' pp' : unit && unit !== 'count' ? ` ${unit}` : '';
	return `${sign}${magnitude}${unitText}`;
}

/** `−42.1%`, or an empty string when there is no relative change. */
export function formatPercent(delta: Delta): string {
	if (delta.percent === undefined) return '';
	const sign = delta.percent > 0 ? '+' : delta.percent < 0 ? '−' : '±';
	return `${sign}${number.format(Math.abs(delta.percent))}%`;
}

/** `−800 ms (−42.1%)`: the absolute change, with the relative one when there is one. */
export function formatChangeWithPercent(delta: Delta, metric?: Style): string {
	const percent = formatPercent(delta);
	return percent ? `${formatChange(delta, metric)} (${percent})` : formatChange(delta, metric);
}

/** Which way is better, in words. */
export function directionText(direction: 'up' | 'down'): string {
	return direction === 'up' ? 'higher is better' : 'lower is better';
}

const VERDICT_WORDS: Record<Delta['verdict'], string> = {
	better: 'better',
	worse: 'worse',
	unchanged: 'no change',
	unmeasured: 'not measured',
};

export function verdictText(delta: Delta): string {
	return verdictWord(delta.verdict);
}

export function verdictWord(verdict: Delta['verdict']): string {
	return VERDICT_WORDS[verdict];
}

/** The order verdicts are counted in: good news first. */
export const VERDICT_ORDER: readonly Delta['verdict'][] = [
	'better',
	'worse',
	'unchanged',
	'unmeasured',
];

// Years are printed as written: Intl would print 0099 as 99 and the year 0000 as 1 (1 BC).
const dayAndMonth = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	timeZone: 'UTC',
});
const localDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
});
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** `14 Mar 2026` from `2026-03-14`; `1 Jan 0099` from `0099-01-01`. */
export const formatDate = memoize(
	(date: string): string =>
		`${dayAndMonth.format(new Date(`${date}T00:00:00Z`))} ${date.slice(0, 4)}`,
);

/** The reader's local date, as `25 Nov 2026` (when a page is printed, say). */
export function formatLocalDate(now: Date): string {
	return localDate.format(now);
}

/** The longest `<title>` that search results show whole, counted as the page writes it. */
const TITLE_MAX = 70;

/** How a page writes these characters in text (Astro escapes them; html-validate counts them so). */
const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};
const writtenLength = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!).length;

/**
 * A page's `<title>`: `Page · Journal` when that fits in 70 characters, else the page's own
 * title alone (the part that tells tabs and results apart), cut after a word with `…` if even that
 * is longer. The page's heading always has the whole title.
 */
export function documentTitle(title: string | undefined, siteTitle?: string): string {
	const full = title && siteTitle ? `${title} · ${siteTitle}` : (title ?? siteTitle ?? '');
	if (writtenLength(full) <= TITLE_MAX) return full;
	const own = title ?? full;
	if (writtenLength(own) <= TITLE_MAX) return own;
	// By code point, so that an emoji is never cut in half.
	const chars = [...own];
	let cut = own;
	while (writtenLength(cut) > TITLE_MAX - 1) cut = (chars.pop(), chars.join(''));
	const space = cut.lastIndexOf(' ');
	return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `March 2026` from `2026-03`. */
export function formatMonth(month: string): string {
	return `${monthName.format(new Date(`${month}-01T00:00:00Z`))} ${month.slice(0, 4)}`;
}

export const METHOD_LABELS: Record<Method, string> = {
	ab_test: 'A/B test',
	holdout: 'Holdout',
	staged_rollout: 'Staged rollout',
	pre_post: 'Before/after',
	estimate: 'Estimate',
	qualitative: 'Qualitative',
};

/** `80%` (rounded to a whole percent), or an em dash when there is no rate. */
export function formatRate(rate: number | undefined): string {
	return rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

/**
 * The loop-closure rate with the counts it comes from: `80% closed (4 of 5 due)`, or, when no
 * entry is closed or due, a sentence saying so instead of a made-up 0% or 100%.
 */
export function loopHealthText(health: {
	closed: number;
	openLate: number;
	rate?: number;
}): string {
	const due = health.closed + health.openLate;
	if (health.rate === undefined) return 'no rate yet: no entry is closed or due';
	return `${formatRate(health.rate)} closed (${health.closed} of ${due} closed or due)`;
}

/**
 * The GitHub user name in a person's `github`, written as the format asks (`anasouza`) or as
 * people also write it: `@anasouza`, or the profile's address `https://github.com/anasouza`.
 */
export function githubUser(github: string): string {
	const text = github.trim();
	const profile = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/?#\s]+)/i.exec(text);
	return profile ? profile[1]! : text.replace(/^@/, '');
}

/**
 * A name with its possessive ending: `Ana’s`, and `Payments’` for a name that ends in s, where a
 * second s reads wrong (`Payments’s`).
 */
export function possessive(name: string): string {
	return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/**
 * A digest's next steps counted, as its page and its feed item say it: `steps` opened, how many
 * are done and open, and how many of them are overdue (listed under follow-ups due instead).
 */
export function stepCountsText(
	tally: { steps: readonly unknown[]; done: number; open: number },
	overdue: number,
): string {
	const late = overdue ? ` (${overdue} of them overdue, under follow-ups due)` : '';
	return `${tally.steps.length} opened in these entries: ${tally.done} done, ${tally.open} open${late}.`;
}

/** Badge text of each evidence level. */
export const EVIDENCE_LABELS: Record<EvidenceLevel, string> = {
	strong: 'strong evidence',
	directional: 'directional evidence',
	weak: 'weak evidence',
	unstated: 'evidence not stated',
};

/** `strong evidence (A/B test, holdout)`, or what to say when an entry reports no metric. */
export function strongestEvidenceText(strongest: StrongestEvidence | undefined): string {
	if (!strongest) return 'no metrics recorded';
	const methods = strongest.methods.map((m) => METHOD_LABELS[m]).join(', ');
	return methods
		? `${EVIDENCE_LABELS[strongest.level]} (${methods})`
		: EVIDENCE_LABELS[strongest.level];
}

/** "1 team", "2 teams": a count with its noun in the right number. */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/**
 * A quarter's name: `Q3 2026` for calendar quarters; `FY2027 Q1` when the fiscal year starts in
 * another month than January (named by the year in which it ends).
 */
export function formatQuarter(quarter: { id: string; number: number }, fiscal: boolean): string {
	// The year as the id writes it: `0000`, not `0`.
	const year = quarter.id.slice(0, quarter.id.lastIndexOf('-q'));
	return fiscal ? `FY${year} Q${quarter.number}` : `Q${quarter.number} ${year}`;
}

/**
 * `July to September 2026`, or `November 2026 to January 2027` across a year's end. Read from the
 * date text, not a Date: the quarter before one in year 0 starts in year -1.
 */
export function formatQuarterMonths({ start, end }: { start: string; end: string }): string {
	const part = (date: string) => {
		const [year, month] = date.split(/(?<=\d)-/);
		return {
			year: year!,
			month: MONTH_NAMES[Number(month) - 1]!,
		};
	};
	const [first, last] = [part(start), part(end)];
	return first.year === last.year
		? `${first.month} to ${last.month} ${last.year}`
		: `${first.month} ${first.year} to ${last.month} ${last.year}`;
}

const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
	monthName.format(new Date(Date.UTC(2000, i, 1))),
);

/** `up 3 from 5 last quarter`, `down 2 from 7 last quarter`, `same as last quarter`: change in words. */
export function countChangeText({
	current,
	previous,
}: {
	current: number;
	previous: number;
}): string {
	if (current === previous) return 'same as last quarter';
	const way = current > previous ? 'up' : 'down';
	return `${way} ${number.format(Math.abs(current - previous))} from ${number.format(previous)} last quarter`;
}

/** A closure rate's change in whole percentage points, or why there is none. */
export function rateChangeText({
	current,
	previous,
}: {
	current?: number;
	previous?: number;
}): string {
	if (previous === undefined) return 'no rate last quarter';
	if (current === undefined) return `${formatRate(previous)} last quarter`;
	const points = Math.round(current * 100) - Math.round(previous * 100);
	if (points === 0) return `same as last quarter (${formatRate(previous)})`;
	const way = points > 0 ? 'up' : 'down';
	return `${way} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'} from ${formatRate(previous)} last quarter`;
}
