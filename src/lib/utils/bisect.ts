/**
 * The first index of `items` where `before` turns false, by halving: `before` must be true for a
 * leading run of `items` and false for the rest (`items.length` when it is never false).
 */
export function bisect<T>(items: readonly T[], before: (item: T) => boolean): number {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (before(items[mid]!)) low = mid + 1;
		else high = mid;
	}
	return low;
}
