/** Appends `value` to the list at `key`, creating it; in place, so grouping n items stays O(n). */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
