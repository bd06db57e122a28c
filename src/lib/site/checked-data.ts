/**
 * The build validates each file once. The checker (integration.ts) has parsed and validated the
 * whole journal before Astro starts; Astro's glob loader would then validate every file again with
 * the same schemas, after reading its frontmatter with js-yaml, which reads a few values otherwise
 * than YAML 1.2 (`before: -.5` is a string to it, a number to the checker). So `astro build` hands
 * the checker's data to the loaders: the site shows exactly what the checker passed.
 *
 * The hand-over crosses module graphs (astro.config loads this file natively, content.config
 * through Vite), hence globalThis. `astro dev` hands nothing over: its files change after the
 * check, and the loaders then validate them themselves.
 */
import { resolve } from 'node:path';
import type { Loader, ParseDataOptions } from 'astro/loaders';
import type { LoadedJournal } from '../content/load.ts';

const KEY = Symbol.for('outcome-journal.checked-data');

/** Absolute file path → the data the checker validated. */
type CheckedData = Map<string, unknown>;
const store = globalThis as { [KEY]?: CheckedData };

/** Keeps the data of every file that passed the schema, for the loaders of this build. */
export function handOverCheckedData(journal: LoadedJournal): void {
	const { people, teams, features, metrics, entries } = journal;
	store[KEY] = new Map(
		[people, teams, features, metrics, entries]
			.flat()
			.filter((doc) => doc.data !== undefined)
			.map((doc) => [resolve(journal.root, doc.file), doc.data]),
	);
}

/** `loader`, taking the checker's data for the files it validated; the schema checks the rest. */
export function withCheckedData(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			const checked = store[KEY];
			if (!checked) return loader.load(context);
			const parseData = <T extends Record<string, unknown>>(props: ParseDataOptions<T>) => {
				const data = props.filePath && checked.get(resolve(props.filePath));
				return data ? Promise.resolve(data as T) : context.parseData(props);
			};
			return loader.load({ ...context, parseData });
		},
	};
}
