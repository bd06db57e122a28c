/** A seeded pseudo-random source, so that one seed always yields the same synthetic journal. */

/** Draws numbers and choices from one deterministic stream. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One item, uniformly. */
	pick<T>(items: readonly T[]): T;
	/** `count` distinct items (fewer when `items` is shorter), in draw order. */
	sample<T>(items: readonly T[], count: number): T[];
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter), seeded through splitmix32 so that nearby
 * seeds give unrelated streams. Plain 32-bit integer arithmetic: the same on every platform.
 */
export function createRandom(seed: number): Random {
	let s = seed >>> 0;
	const splitmix = () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let d = splitmix();
	const next = () => {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)]!,
		sample: (items, count) => {
			const pool = [...items];
			const out = [];
			while (out.length < count && pool.length)
				out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
			return out;
		},
	};
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent, the shape of
 * word frequencies in natural text (Zipf's law).
 */
export function createZipf(random: Random, n: number, exponent = 1): () => number {
	const cumulative = new Float64Array(n);
	let total = 0;
	for (let rank = 0; rank < n; rank++) {
		total += 1 / (rank + 1) ** exponent;
		cumulative[rank] = total;
	}
	return () => {
		const target = random.next() * total;
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (cumulative[mid]! < target) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}
