import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import { handOverCheckedData, withCheckedData } from '../../src/lib/site/checked-data.ts';
import { makeJournal } from '../helpers.ts';

const KEY = Symbol.for('outcome-journal.checked-data');

/** Runs a loader that reads one file's raw frontmatter, as the glob loader does; its data. */
async function loadOne(filePath: string, raw: Record<string, unknown>) {
	let stored: unknown;
	const loader = withCheckedData({
		name: 'one file',
		load: async ({ parseData }) => {
			stored = await parseData({ id: 'x', data: raw, filePath });
		},
	});
	const schemaSays = { checkedBy: 'the schema' };
	const context = { parseData: async () => schemaSays } as unknown as LoaderContext;
	await loader.load(context);
	return stored;
}

describe('the build hands the checker’s data to the loaders', () => {
	afterEach(() => {
		delete (globalThis as { [KEY]?: unknown })[KEY];
	});

	it('uses what the checker validated, not the frontmatter as Astro read it', async () => {
		const root = makeJournal({
			'entries/2026/delta.md':
				'---\ntitle: Delta\ndate: 2026-03-01\nauthors: [ana]\nstatus: measured\nmetrics:\n  - metric: latency\n    before: -.5\n    after: -.25\n---\nText.\n',
		});
		const journal = loadJournal(root);
		handOverCheckedData(journal);
		// js-yaml, Astro's frontmatter reader, reads `-.5` as a string.
		const data = (await loadOne(join(root, 'entries/2026/delta.md'), { title: 'Delta' })) as {
			metrics: { before: unknown }[];
		};
		expect(data.metrics[0]!.before).toBe(-0.5);
	});

	it('leaves files the checker did not validate, and dev builds, to the schema', async () => {
		const root = makeJournal({});
		expect(await loadOne(join(root, 'entries/2026/q1/batching.md'), {})).toEqual({
			checkedBy: 'the schema',
		});
		handOverCheckedData(loadJournal(root));
		expect(await loadOne(join(root, 'entries/not-checked.md'), {})).toEqual({
			checkedBy: 'the schema',
		});
	});
});
