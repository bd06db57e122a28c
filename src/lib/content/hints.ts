/**
 * What a writer most likely meant by a value the format rejects: the checker's messages say the
 * fix, not only the rule. Plain functions over the value as written.
 */
import { isRealDate } from '../utils/dates.ts';
import { codePoint, quote } from '../utils/quote.ts';
import { ID_PATTERN } from './vocabulary.ts';

/** How the format writes a date, with an example that is not a guess at the writer's date. */
export const DATE_FORM = 'a date as YYYY-MM-DD, such as 2026-01-31';

/**
 * `"06/12/2026": expected a date as YYYY-MM-DD, like 2026-12-06 (or 2026-06-12 if 06 is the
 * month).` Day-first is suggested first where both readings exist, as most of the world writes it.
 */
export function dateHint(value: unknown): string {
	const text = String(value);
	const guesses = guessDates(text.trim());
	if (!guesses.length) return `${quote(text)}: expected ${DATE_FORM}.`;
	const [first, other] = guesses;
	const alternative = other ? ` (or ${other.date} if ${other.month} is the month)` : '';
	return `${quote(text)}: expected a date as YYYY-MM-DD, like ${first!.date}${alternative}.`;
}

/** A host with a dot and maybe a path (`www.example.com/d/1`): a URL written without its scheme. */
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i;

/**
 * `expected an http(s) URL, like https://www.example.com` for `www.example.com`: the fix is
 * offered only for a bare host; anything else (`ftp://…`, `see the PR`) has no likely fix.
 */
export function urlHint(value: unknown): string {
	const text = String(value).trim();
	return `expected an http(s) URL${BARE_HOST.test(text) ? `, like https://${text}` : ''}`;
}

interface Guess {
	date: string;
	/** The month as written, for "if 06 is the month". */
	month: string;
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function guessDates(text: string): Guess[] {
	const toGuess = (year: string, month: string, day: string): Guess[] => {
		const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
		return isRealDate(date) ? [{ date, month }] : [];
	};
	const ymd = YEAR_FIRST.exec(text);
	if (ymd) return toGuess(ymd[1]!, ymd[2]!, ymd[3]!);
	const dmy = YEAR_LAST.exec(text);
	if (!dmy) return [];
	const [, a, b, year] = dmy as unknown as [string, string, string, string];
	const dayFirst = toGuess(year, b, a);
	return a === b ? dayFirst : [...dayFirst, ...toGuess(year, a, b)];
}

/** A number followed by what is probably its unit: `45 min`, `45%`, `1,930 ms`. */
const NUMBER_WITH_EXTRA = /^([-+]?\d[\d,_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(\S.*)?$/;

/**
 * The fix for a number written as text (`after: 45 min`): the number alone, and, for a metric's
 * value, the unit in the metric's file. `key` is the field (`after`), `metric` the metric id beside
 * it (null when it names none), or undefined outside a metric's result, where a unit has no place
 * to go (`follow_up_days: 30d`).
 */
export function numberHint(text: string, key: string, metric: unknown): string | undefined {
	const match = NUMBER_WITH_EXTRA.exec(text.trim());
	if (!match) return undefined;
	const number = match[1]!.replace(/[,_]/g, '');
	const unit = match[2];
	if (!unit)
		return number === match[1] ? undefined : `Write it without separators (${key}: ${number}).`;
	if (metric === undefined) return `Write the number alone (${key}: ${number}).`;
	const file =
		typeof metric === 'string' && ID_PATTERN.test(metric)
			? `metrics/${metric}.yml`
			: "the metric's file, metrics/<id>.yml,";
	return `Write the number alone (${key}: ${number}); the unit belongs in ${file} as unit: ${unit}.`;
}

/**
 * Characters that no text may hold: controls other than tab and line breaks, lone surrogates and
 * the two noncharacters U+FFFE and U+FFFF. They are invisible on a page and XML (the feeds)
 * cannot carry them.
 */
const UNPUBLISHABLE = /(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/** Why `text` cannot be published as written, or undefined. */
export function unpublishableHint(text: string): string | undefined {
	const char = UNPUBLISHABLE.exec(text)?.[0];
	if (char === undefined) return undefined;
	const kind = /\p{Cc}/u.test(char) ? 'control character' : 'character';
	return `contains the ${kind} ${codePoint(char)}, which is invisible and cannot be published; remove it.`;
}

/** Formatting characters that print as nothing, or nearly (`\p{Cf}`), with the names people know. */
const INVISIBLE = /\p{Cf}/u;
const INVISIBLE_NAMES: Record<string, string> = {
	'\u00ad': 'soft hyphen',
	'\u200b': 'zero width space',
	'\u200c': 'zero width non-joiner',
	'\u200d': 'zero width joiner',
	'\u200e': 'left-to-right mark',
	'\u200f': 'right-to-left mark',
	'\u2060': 'word joiner',
	'\u202e': 'right-to-left override',
	'\ufeff': 'zero width no-break space',
};

/** Why a tag could look like another tag, or undefined. */
export function invisibleHint(tag: string): string | undefined {
	const char = INVISIBLE.exec(tag)?.[0];
	if (char === undefined) return undefined;
	const name = INVISIBLE_NAMES[char];
	return `contains the invisible character ${codePoint(char)}${name ? ` (${name})` : ''}; remove it, so that the tag cannot look like another.`;
}
