/**
 * Synthetic prose for benchmark entries: words drawn from a Zipf-like vocabulary (common English
 * and engineering words first, then a long tail of made-up words), so bodies index and compress
 * like real writing rather than like repeated filler.
 */
import { createRandom, createZipf, type Random } from './random.ts';

// The head of the distribution, most frequent first.
const COMMON = `the we to and of a in for that was on is it with after this as from by at
our were rate more than which not be per users when had week before their each one new but
they change about only so out time all two so error requests latency checkout page first
team also up there down back release flag test data have into most would no other merchants
over could because still while request traffic p95 retries queue service payment api users
cache rollout experiment dashboard metric conversion result group control share mobile web
refund invoice payout signup search session region database index query job worker timeout
support tickets alert incident deploy build pipeline review customers cost budget week month
quarter baseline target window holdout variant cohort funnel step form email onboarding
retention churn activation revenue margin volume peak median tail slow fast higher lower
fewer less half twice every some most across within between under without against since
until then again already never always usually often found saw measured shipped reverted
moved dropped rose fell held kept cut added removed replaced split merged cached batched
tuned tested compared read wrote asked learned expected planned decided agreed noticed`
	.split(/\s+/)
	.filter((word, i, all) => all.indexOf(word) === i);

const ONSETS = [
	'b',
	'c',
	'd',
	'f',
	'g',
	'k',
	'l',
	'm',
	'n',
	'p',
	'r',
	's',
	't',
	'v',
	'z',
	'br',
	'st',
	'tr',
	'pl',
	'gr',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const CODAS = ['', 'n', 'r', 's', 'l', 'nd', 'st', 'x'];

/** Total distinct words the prose draws from. */
export const VOCABULARY_SIZE = 6000;

/** The vocabulary, most frequent first; fixed, whatever the journal's seed. */
export const VOCABULARY: readonly string[] = buildVocabulary();

function buildVocabulary(): string[] {
	const random = createRandom(1);
	const words = new Set(COMMON);
	while (words.size < VOCABULARY_SIZE) {
		let word = '';
		for (let syllables = random.int(1, 3); syllables > 0; syllables--)
			word += random.pick(ONSETS) + random.pick(NUCLEI);
		words.add(word + random.pick(CODAS));
	}
	return [...words];
}

/** Counts prose words the way a reader would: tokens with a letter, outside fenced code. */
export function countWords(markdown: string): number {
	const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
	return prose.match(/\S*\p{L}\S*/gu)?.length ?? 0;
}

/** Writes sentences of Zipf-drawn words. */
export interface Writer {
	/** `count` words as space-separated lowercase tokens. */
	words(count: number): string;
	/** Sentences holding exactly `count` words (each at least 4 words when it can). */
	sentences(count: number): string;
}

export function createWriter(random: Random): Writer {
	const rank = createZipf(random, VOCABULARY.length, 1.05);
	const words = (count: number) =>
		Array.from({ length: count }, () => VOCABULARY[rank()]).join(' ');
	return {
		words,
		sentences(count) {
			const out: string[] = [];
			let left = count;
			while (left > 0) {
				const length = left <= 8 ? left : Math.min(left, random.int(5, 18));
				left -= length;
				const text = words(length);
				const withComma =
					length > 9 && random.chance(0.4) ? text.replace(/^((?:\S+ ){4}\S+)/, '$1,') : text;
				out.push(`${withComma[0]!.toUpperCase()}${withComma.slice(1)}.`);
			}
			return out.join(' ');
		},
	};
}
