import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContentEntryType } from 'astro';
import { glob, type DataStore, type LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import {
	dropCheckedJournal,
	handOverCheckedJournal,
} from '../../src/lib/integration/checked-data.ts';
import {
	astroBody,
	entryTypesFor,
	heldUntilLoaded,
	NO_ENTRY_TYPES,
} from '../../src/lib/integration/journal-loader.ts';
import { astroDir, importAstroInternal } from '../astro-internals.ts';
import { hostileFixture, leaksFixture, minimalFixture, sampleContent } from '../helpers.ts';

type Stored = Parameters<DataStore['set']>[0];

/** A store that records what reaches it, in order. */
function recordingStore() {
	const map = new Map<string, Stored>();
	const sets: string[] = [];
	const store = {
		get: (id: string) => map.get(id),
		has: (id: string) => map.has(id),
		set: (entry: Stored) => {
			sets.push(entry.id);
			map.set(entry.id, entry);
			return true;
		},
		delete: (id: string) => void map.delete(id),
		keys: () => [...map.keys()],
		values: () => [...map.values()],
	} as unknown as DataStore;
	return { store, map, sets };
}

const entry = (id: string, digest = id): Stored => ({ id, data: { title: id }, digest });

describe('a loader store held until the first load ends', () => {
	it('stores nothing while loading, then everything at once, last write of an id winning', () => {
		const { store, map, sets } = recordingStore();
		const held = heldUntilLoaded(store);
		held.store.set(entry('a'));
		held.store.set(entry('b'));
		held.store.set(entry('a', 'a2'));
		expect(sets).toEqual([]);
		// The loader sees what it stored, as if it were in the store already.
		expect(held.store.get('a')?.digest).toBe('a2');
		expect(held.store.has('b')).toBe(true);
		held.release();
		expect(sets).toEqual(['a', 'b']);
		expect(map.get('a')?.digest).toBe('a2');
	});

	it('deletes from both what it holds and the store, and a deleted entry never arrives', () => {
		const { store, map } = recordingStore();
		store.set(entry('old'));
		const held = heldUntilLoaded(store);
		held.store.set(entry('gone'));
		held.store.delete('gone');
		held.store.delete('old');
		held.release();
		expect([...map.keys()]).toEqual([]);
	});

	it('keeps an edit after the first load in front of the store, and says so', () => {
		const { store, map, sets } = recordingStore();
		let changes = 0;
		const held = heldUntilLoaded(store, () => changes++);
		held.store.set(entry('a', 'a1'));
		held.store.set(entry('b'));
		held.release();
		expect(changes).toBe(0);
		held.store.set(entry('a', 'a2'));
		// Astro's store would write itself whole for this: it keeps the entry as it was.
		expect(sets).toEqual(['a', 'b']);
		expect(map.get('a')?.digest).toBe('a1');
		expect(held.store.get('a')?.digest).toBe('a2');
		expect(held.store.values().map((e) => e.digest)).toEqual(['b', 'a2']);
		expect(changes).toBe(1);
	});

	it('stores a new or moved file after the first load, which Astro must list to render it', () => {
		const { store, map, sets } = recordingStore();
		const held = heldUntilLoaded(store);
		held.store.set({ ...entry('a'), filePath: 'entries/a.md' });
		held.release();
		held.store.set({ ...entry('new'), filePath: 'entries/new.md' });
		held.store.set({ ...entry('a', 'a2'), filePath: 'entries/2026/a.md' });
		expect(sets).toEqual(['a', 'new', 'a']);
		expect(map.get('a')?.filePath).toBe('entries/2026/a.md');
		expect(held.store.keys()).toEqual(['a', 'new']);
	});

	it('hides an entry deleted after the first load, and shows it again when it comes back', () => {
		const { store, map } = recordingStore();
		let changes = 0;
		const held = heldUntilLoaded(store, () => changes++);
		held.store.set(entry('a'));
		held.store.set(entry('b'));
		held.release();
		held.store.delete('a');
		expect(map.has('a')).toBe(true);
		expect(held.store.has('a')).toBe(false);
		expect(held.store.get('a')).toBeUndefined();
		expect(held.store.keys()).toEqual(['b']);
		expect(changes).toBe(1);
		held.store.set(entry('a', 'a2'));
		expect(held.store.get('a')?.digest).toBe('a2');
		expect(held.store.keys()).toEqual(['b', 'a']);
		expect(changes).toBe(2);
	});
});

/** Astro's own `.md` entry type, the one its content layer hands loaders in `entryTypes`. */
const astroMarkdown = async () =>
	(
		await importAstroInternal<{ markdownContentEntryType: ContentEntryType }>(
			'dist/vite-plugin-markdown/content-entry-type.js',
		)
	).markdownContentEntryType;

describe('the loader’s use of Astro’s private entryTypes, against the installed Astro', () => {
	afterEach(dropCheckedJournal);

	it('Astro’s content layer hands its loaders the entry types by extension', async () => {
		const source = readFileSync(
			new URL('dist/content/content-layer.js', pathToFileURL(join(astroDir(), '/'))),
			'utf8',
		);
		// The one line that puts them in the loader context; entryTypesFor warns in a build without it.
		expect(source).toMatch(/entryTypes: getEntryConfigByExtMap\(/);
	});

	it('Astro’s glob loader parses with the entry types the context gives it', async () => {
		const root = minimalFixture;
		handOverCheckedJournal(loadJournal(root));
		const markdown = await astroMarkdown();
		const warnings: string[] = [];
		const logger = { warn: (t: string) => warnings.push(t), info: () => {}, error: () => {} };
		const context = { entryTypes: new Map([['.md', markdown]]), logger };
		const stored = new Map<string, { data: Record<string, unknown>; body?: string }>();
		const store = {
			get: (id: string) => stored.get(id),
			set: (entry: { id: string; data: Record<string, unknown>; body?: string }) =>
				stored.set(entry.id, entry),
			delete: (id: string) => stored.delete(id),
			keys: () => [...stored.keys()],
			addModuleImport: () => {},
		};
		await glob({
			base: pathToFileURL(join(root, 'entries/')),
			pattern: '**/*.md',
			deferRender: true,
		}).load({
			...context,
			...entryTypesFor(context as never, undefined),
			config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
			collection: 'entries',
			store,
			parseData: async ({ data }: { data: unknown }) => data,
			generateDigest: (text: string) => String(text.length),
		} as unknown as LoaderContext);
		expect(warnings).toEqual([]);
		expect(stored.size).toBeGreaterThan(0);
		for (const { data, body } of stored.values()) {
			// The checker reads dates as written; Astro's js-yaml would have made Date objects.
			expect(typeof data.date).toBe('string');
			expect(body).toBeDefined();
		}
	});

	it('without entryTypes, the loader says the build took the slow path', () => {
		const warnings: string[] = [];
		expect(
			entryTypesFor({ logger: { warn: (t: string) => warnings.push(t) } } as never, undefined),
		).toEqual({});
		expect(warnings).toEqual([NO_ENTRY_TYPES]);
	});

	it('gives the fields Astro’s own `.md` type gives, and the same body', async () => {
		const markdown = await astroMarkdown();
		const root = minimalFixture;
		handOverCheckedJournal(loadJournal(root));
		const ours = entryTypesFor(
			{ entryTypes: new Map([['.md', markdown]]), logger: console } as never,
			undefined,
		).entryTypes!.get('.md')!;
		const file = join(root, 'entries/2026/q1/baseline.md');
		const params = { contents: readFileSync(file, 'utf8'), fileUrl: pathToFileURL(file) };
		const [astro, adapted] = await Promise.all([
			markdown.getEntryInfo(params),
			ours.getEntryInfo(params),
		]);
		expect(Object.keys(adapted).sort()).toEqual(Object.keys(astro).sort());
		expect(adapted.body).toBe(astro.body);
		expect(adapted.slug).toBe(astro.slug);
	});

	it.each([
		['the sample journal', sampleContent],
		['the minimal fixture', minimalFixture],
		['the hostile fixture', hostileFixture],
		['the leaks fixture', leaksFixture],
	])('cuts the body of every entry of %s as Astro’s `.md` type does', async (_, root) => {
		const markdown = await astroMarkdown();
		const files = readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' }).filter(
			(f) => f.endsWith('.md'),
		);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const path = join(root, 'entries', file);
			const contents = readFileSync(path, 'utf8');
			const astro = await markdown.getEntryInfo({ contents, fileUrl: pathToFileURL(path) });
			expect(astroBody(contents), file).toBe(astro.body);
		}
	});

	it('cuts bodies at the edges of Astro’s frontmatter pattern as Astro’s `.md` type does', async () => {
		const markdown = await astroMarkdown();
		const fileUrl = pathToFileURL('/journal/entries/edge.md');
		for (const contents of [
			'---\na: 1\n---\n\n  Body\n',
			'\uFEFF---\na: 1\n---\nBody',
			'\n\n---\na: 1\n---   \nBody',
			'---\na: 1\n---x\nBody',
			'No frontmatter\n---\n',
			'---\r\na: 1\r\n---\r\nBody\r\n',
			'+++\na = 1\n+++\nBody',
			'---\na: 1\n---\nBody\n---\nb: 2\n---\nMore',
		]) {
			const astro = await markdown.getEntryInfo({ contents, fileUrl });
			expect(astroBody(contents), JSON.stringify(contents)).toBe(astro.body);
		}
	});
});
