import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { AstroConfig, ContentEntryType } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import {
	dropCheckedJournal,
	handOverCheckedJournal,
} from '../../src/lib/integration/checked-data.ts';
import {
	entryTypesFor,
	parseAsChecked,
	type EntryTypes,
} from '../../src/lib/integration/journal-loader.ts';
import { makeJournal } from '../helpers.ts';

/** What the loader stores for one file whose frontmatter Astro read as `raw`. */
function loadOne(root: string, file: string, raw: Record<string, unknown>) {
	const schemaSays = async ({ data }: { data: unknown }) => ({ checkedBy: 'the schema', data });
	const parse = parseAsChecked(root, schemaSays as unknown as LoaderContext['parseData']);
	return parse({ id: 'x', data: raw, filePath: join(root, file) });
}

const DELTA = {
	'entries/2026/delta.md':
		'---\ntitle: Delta\ndate: 2026-03-01\nauthors: [ana]\nstatus: measured\nmetrics:\n  - metric: latency\n    before: -.5\n    after: -.25\n---\nText.\n',
};

describe('the build hands the checker’s data to the loaders', () => {
	afterEach(dropCheckedJournal);

	it('stores what the checker validated, without validating it again', async () => {
		const root = makeJournal(DELTA);
		handOverCheckedJournal(loadJournal(root));
		// js-yaml, Astro's frontmatter reader, reads `-.5` as a string.
		const data = (await loadOne(root, 'entries/2026/delta.md', { title: 'Delta' })) as {
			metrics: { before: unknown }[];
		};
		expect(data.metrics[0]!.before).toBe(-0.5);
	});

	it('without a hand-over (dev), reads the file as the checker does and lets the schema validate it', async () => {
		const root = makeJournal(DELTA);
		const stored = (await loadOne(root, 'entries/2026/delta.md', { title: 'Delta' })) as {
			checkedBy: string;
			data: { date: unknown; metrics: { before: unknown }[] };
		};
		expect(stored.checkedBy).toBe('the schema');
		expect(stored.data.date).toBe('2026-03-01');
		expect(stored.data.metrics[0]!.before).toBe(-0.5);
	});

	it('in dev, reads a file again once it changed after the check, and a new file too', async () => {
		const root = makeJournal(DELTA);
		const file = join(root, 'entries/2026/delta.md');
		const before = new Date('2026-01-01T00:00:00Z');
		utimesSync(file, before, before);
		handOverCheckedJournal(loadJournal(root), Date.now());
		const unchanged = (await loadOne(root, 'entries/2026/delta.md', {})) as { title: string };
		expect(unchanged.title).toBe('Delta');

		writeFileSync(file, DELTA['entries/2026/delta.md'].replace('Delta', 'Edited'));
		const edited = (await loadOne(root, 'entries/2026/delta.md', {})) as {
			checkedBy: string;
			data: { title: string };
		};
		expect(edited).toMatchObject({ checkedBy: 'the schema', data: { title: 'Edited' } });

		writeFileSync(join(root, 'entries/2026/new.md'), '---\ntitle: New\n---\n');
		expect(await loadOne(root, 'entries/2026/new.md', {})).toMatchObject({
			checkedBy: 'the schema',
			data: { title: 'New' },
		});
	});

	it('in dev, keeps the data the entry type took from the checker as it is, without a second look at the file', async () => {
		const root = makeJournal(DELTA);
		const file = join(root, 'entries/2026/delta.md');
		const journal = loadJournal(root);
		handOverCheckedJournal(journal, Date.now());
		// Modified since the check: only the checker's own object passes unread.
		writeFileSync(file, DELTA['entries/2026/delta.md'].replace('Delta', 'Edited'));
		const checked = journal.entries.find((e) => e.id === 'delta')!.data;
		expect(await loadOne(root, 'entries/2026/delta.md', checked as never)).toBe(checked);
		expect(await loadOne(root, 'entries/2026/delta.md', { ...checked })).toMatchObject({
			checkedBy: 'the schema',
			data: { title: 'Edited' },
		});
	});

	it('leaves a file the checker did not validate to the schema', async () => {
		const root = makeJournal({});
		handOverCheckedJournal(loadJournal(root));
		expect(await loadOne(root, 'entries/not-checked.md', { title: 'Raw' })).toEqual({
			checkedBy: 'the schema',
			data: { title: 'Raw' },
		});
	});
});

describe('a shard renders only the entries whose pages it writes', () => {
	afterEach(dropCheckedJournal);

	/** The files the `.md` renderer rendered when the loader asked it for each of `files`. */
	async function renderedOf(shard: Parameters<typeof entryTypesFor>[1], files: string[]) {
		const root = makeJournal();
		handOverCheckedJournal(loadJournal(root));
		const rendered: string[] = [];
		const markdown = {
			extensions: ['.md'],
			getRenderFunction: async () => async (entry: { filePath?: string }) => {
				rendered.push(entry.filePath!.slice(root.length + 1));
				return { html: '<p>body</p>' };
			},
		} as unknown as ContentEntryType;
		const context = { entryTypes: new Map([['.md', markdown]]) as EntryTypes, logger: console };
		const types = entryTypesFor(context as never, shard).entryTypes!;
		const render = await types.get('.md')!.getRenderFunction!({} as AstroConfig);
		const html = [];
		for (const file of files)
			html.push((await render({ id: file, data: {}, filePath: join(root, file) })).html);
		return { rendered, html };
	}

	const files = ['entries/2025/old-rollout.md', 'entries/2026/q1/baseline.md'];

	it("a year shard renders its year's entries and stores the others without HTML", async () => {
		expect(await renderedOf({ kind: 'year', year: '2026' }, files)).toEqual({
			rendered: ['entries/2026/q1/baseline.md'],
			html: ['', '<p>body</p>'],
		});
	});

	it('the lists shard renders none; a whole build renders every entry', async () => {
		expect((await renderedOf({ kind: 'lists' }, files)).rendered).toEqual([]);
		expect((await renderedOf(undefined, files)).rendered).toEqual(files);
	});
});

describe('entry files the checker read are not parsed again', () => {
	afterEach(dropCheckedJournal);

	/** Astro's `.md` type, reduced to what the loader calls, noting the files it parsed. */
	function markdownType(parsed: string[]) {
		return {
			extensions: ['.md'],
			getEntryInfo: async ({ fileUrl }: { fileUrl: URL }) => {
				parsed.push(fileUrl.pathname);
				return { data: { parsedBy: 'Astro' }, body: 'Astro’s body' };
			},
		} as unknown as ContentEntryType;
	}

	it('gives the checked data and the body Astro would cut, without calling Astro’s parser', async () => {
		const root = makeJournal();
		handOverCheckedJournal(loadJournal(root));
		const parsed: string[] = [];
		const context = { entryTypes: new Map([['.md', markdownType(parsed)]]), logger: console };
		const type = entryTypesFor(context as never, undefined).entryTypes!.get('.md')!;
		const file = join(root, 'entries/2026/q1/baseline.md');
		const contents = readFileSync(file, 'utf8');
		const info = await type.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
		expect(parsed).toEqual([]);
		expect(info.data).toMatchObject({ title: 'Measured the checkout latency baseline' });
		expect(info.body).toBe(
			parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' }).content.trim(),
		);
		// A file the checker did not read (added since) goes to Astro's parser.
		const added = join(root, 'entries/added.md');
		await type.getEntryInfo({ contents: '---\ntitle: A\n---\nB', fileUrl: pathToFileURL(added) });
		expect(parsed).toEqual([pathToFileURL(added).pathname]);
	});
});
