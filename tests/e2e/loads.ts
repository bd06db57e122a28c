/**
 * Page loads shared by the tests that read them. A browser test file loads each of its pages once
 * and checks what the load found in one or more tests; while a test awaits its page, the next
 * pages already load, so that Chromium keeps both cores busy while a page waits on the network
 * or on the other core.
 */

/**
 * Returns `get(key)`: what `load(key)` resolves to, loaded once per key (keys are equal when
 * their JSON is). Asking for a key also starts the loads of the `ahead` keys after it in `keys`,
 * the order in which the tests ask: a test then waits for its own page at most, never for a
 * queue of others, however busy the machine.
 */
export function loadsAhead<K, V>(
	keys: readonly K[],
	load: (key: K) => Promise<V>,
	ahead: number,
): (key: K) => Promise<V> {
	const order = keys.map((key) => JSON.stringify(key));
	const started = new Map<string, Promise<V>>();
	const start = (key: K) => {
		const id = JSON.stringify(key);
		if (!started.has(id)) started.set(id, load(key));
		return started.get(id)!;
	};
	return (key) => {
		const at = order.indexOf(JSON.stringify(key));
		// A load started ahead reports its failure to the test that reads it.
		if (at >= 0) for (const next of keys.slice(at + 1, at + 1 + ahead)) start(next).catch(() => {});
		return start(key);
	};
}
