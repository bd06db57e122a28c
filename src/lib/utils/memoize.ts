/**
 * `fn` with its result kept per argument, for pure functions that pages call thousands of times
 * with few distinct values (a date, a tag): on a large journal, formatting them again and again
 * is a noticeable part of a build.
 */
export function memoize<R>(fn: (arg: string) => R): (arg: string) => R {
	const results = new Map<string, R>();
	return (arg) => {
		if (!results.has(arg)) results.set(arg, fn(arg));
		return results.get(arg)!;
	};
}
