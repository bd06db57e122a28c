/** "Did you mean …?" hints for typos in keys, enum values and ids. */
import { closest, distance } from 'fastest-levenshtein';

/** The candidate closest to `value`, if it is close enough to be a likely typo. */
export function findClosest(value: string, candidates: readonly string[]): string | undefined {
	if (candidates.length === 0) return undefined;
	const best = closest(value, [...candidates]);
	const limit = Math.max(2, Math.floor(value.length / 3));
	return distance(value, best) <= limit ? best : undefined;
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(value: string, candidates: readonly string[]): string {
	const best = findClosest(value, candidates);
	return best ? ` Did you mean "${best}"?` : '';
}
