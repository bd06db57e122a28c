/**
 * Reads a journal from disk and validates every file against the schema. Nothing here throws for
 * bad content: each problem is collected with its file, line and field.
 */
import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import {
	EntrySchema,
	FeatureSchema,
	JournalSchema,
	MetricSchema,
	PersonSchema,
	TeamSchema,
	type Entry,
	type Feature,
	type Journal,
	type Metric,
	type Person,
	type Team,
} from './schema.ts';
import type { Problem } from './problems.ts';
import { validate } from './schema-errors.ts';
import { didYouMean } from '../utils/suggest.ts';
import { quote } from '../utils/quote.ts';
import { listFolder, readListedFile, readText, toRelative } from './files.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseSeries, type SeriesPoint } from './series.ts';
import { LinesOnDemand, type LineMap } from './parsed-yaml.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYamlWithLines } from './yaml-lines.ts';
import { ID_PATTERN } from './vocabulary.ts';

/** One content file: its raw data (for cross-checks) and, when valid, its parsed data. */
export interface SourceDoc<T> {
	/** File name without extension. */
	id: string;
	/** Path relative to the content root, `/`-separated. */
	file: string;
	/** Absolute path. */
	path: string;
	raw: unknown;
	lines: LineMap;
	/** Present only when the file passed the schema. */
	data?: T;
	/** Markdown body, for features and entries. */
	body?: string;
	/** 1-based line of the file where the body starts. */
	bodyLine?: number;
}

export interface LoadedJournal {
	root: string;
	config: Journal;
	people: SourceDoc<Person>[];
	teams: SourceDoc<Team>[];
	features: SourceDoc<Feature>[];
	metrics: SourceDoc<Metric>[];
	entries: SourceDoc<Entry>[];
	/** Metric id → its CSV time series. */
	series: Map<string, SeriesPoint[]>;
	problems: Problem[];
}

/** Images that a markdown body may show (`![chart](./chart.png)`); kept beside it, not warned about. */
const IMAGE_EXTS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'];

/** How each kind of file is found and parsed. */
const KINDS = {
	people: { exts: ['.yml'], assets: [], frontmatter: false, deep: false, schema: PersonSchema },
	teams: { exts: ['.yml'], assets: [], frontmatter: false, deep: false, schema: TeamSchema },
	features: {
		exts: ['.md'],
		assets: IMAGE_EXTS,
		frontmatter: true,
		deep: false,
		schema: FeatureSchema,
	},
	metrics: {
		exts: ['.yml', '.csv'],
		assets: [],
		frontmatter: false,
		deep: false,
		schema: MetricSchema,
	},
	entries: {
		exts: ['.md', '.mdx'],
		assets: IMAGE_EXTS,
		frontmatter: true,
		deep: true,
		schema: EntrySchema,
	},
} as const;

/** The folders of a journal, one per kind of content file. */
export type Kind = keyof typeof KINDS;

/**
 * Loads and validates everything under `root` (which must exist); with a `cache`, a file read the
 * same way last time is not read again (parse-cache.ts).
 */
export function loadJournal(root: string, cache?: ParseCache): LoadedJournal {
	const problems: Problem[] = [];
	const config = loadConfig(root, problems);
	const load = <K extends Kind>(kind: K) =>
		loadKind(root, kind, problems, cache) as SourceDoc<z.output<(typeof KINDS)[K]['schema']>>[];
	const journal: LoadedJournal = {
		root,
		config,
		people: load('people'),
		teams: load('teams'),
		features: load('features'),
		metrics: load('metrics'),
		entries: load('entries'),
		series: new Map(),
		problems,
	};
	loadSeries(journal);
	problems.push(...findStrayTopLevel(root));
	return journal;
}

/** journal.yml with defaults; an invalid file yields the defaults (the checker reports why). */
export function readJournalConfig(root: string): Journal {
	return loadConfig(root, []);
}

/**
 * journal.yml as last read under each root, with the stamp of the file it was read from: the
 * checker, the content config, the entry loader and the site's data all ask for it, and it is
 * read again only when the file changed.
 */
const configs = new Map<string, { stamp: string; config: Journal; problems: Problem[] }>();

function loadConfig(root: string, problems: Problem[]): Journal {
	const path = join(root, 'journal.yml');
	const stamp = stampOf(path);
	let read = configs.get(root);
	if (read?.stamp !== stamp) {
		read = { stamp, ...readConfig(root, path) };
		configs.set(root, read);
	}
	problems.push(...read.problems.map((problem) => ({ ...problem })));
	return read.config;
}

/** Size and modification time, or `missing`: enough to see that an edit was saved. */
function stampOf(path: string): string {
	const stats = statSync(path, { throwIfNoEntry: false });
	return stats ? `${stats.size}:${stats.mtimeMs}` : 'missing';
}

function readConfig(root: string, path: string): { config: Journal; problems: Problem[] } {
	const problems: Problem[] = [];
	const fallback = JournalSchema.parse({});
	const doc = parseFile(root, path, false, problems);
	if (doc.raw === undefined) return { config: fallback, problems };
	const { data, problems: found } = validate(JournalSchema, doc.raw ?? {}, doc.file, doc.lines);
	problems.push(...found);
	return { config: data ?? fallback, problems };
}

function loadKind(
	root: string,
	kind: Kind,
	problems: Problem[],
	cache?: ParseCache,
): SourceDoc<unknown>[] {
	const { exts, assets, frontmatter, deep, schema } = KINDS[kind];
	const docs: SourceDoc<unknown>[] = [];
	const listing = listFolder(root, join(root, kind), deep);
	const realRoot = realpathSync(root);
	problems.push(...listing.problems);
	for (const folder of listing.folders) {
		problems.push({
			file: `${toRelative(root, folder)}/`,
			line: 1,
			field: null,
			severity: 'warning',
			message: `ignored: folders inside ${kind}/ are not read; only entries/ may have subfolders.`,
		});
	}
	for (const path of listing.files) {
		const file = toRelative(root, path);
		const ext = exts.find((e) => path.endsWith(e));
		if (!ext) {
			if ((assets as readonly string[]).some((e) => path.toLowerCase().endsWith(e))) continue;
			problems.push({
				file,
				line: 1,
				field: null,
				severity: 'warning',
				message: `ignored: files in ${kind}/ must end in ${exts.join(' or ')}.`,
			});
			continue;
		}
		if (ext === '.csv') continue; // read with the metrics, in loadSeries
		checkFileName(file, baseName(path), ext, problems);
		const listed = { file, realRoot, kind, cache };
		const { cached, cacheKey, ...doc } = parseFile(root, path, frontmatter, problems, listed);
		let valid = cached;
		if (doc.raw !== undefined && !cached) {
			const { data, problems: found } = validate(schema, doc.raw, doc.file, doc.lines);
			doc.data = data;
			problems.push(...found);
			valid = data !== undefined && !found.length;
		}
		if (valid && cacheKey !== undefined) cache?.keep(cacheKey, doc);
		docs.push(doc);
	}
	return docs;
}

/**
 * The YAML of one content file (`.yml`, or a markdown file's frontmatter) as the checker reads
 * it, or undefined when it cannot be read; the checker reports why.
 */
export function readFileData(root: string, path: string): unknown {
	return parseFile(root, path, !path.endsWith('.yml'), []).raw;
}

/**
 * A file of a folder's listing (listFolder): its path relative to the root, the root's real path,
 * the kind of file and the cache that may hold its reading.
 */
interface Listed {
	file: string;
	realRoot: string;
	kind: Kind;
	cache?: ParseCache;
}

/** A file as parseFile read it: from the cache (data included), or afresh under `cacheKey`. */
type ParsedDoc = SourceDoc<unknown> & { cached?: boolean; cacheKey?: string };

/**
 * Reads YAML or frontmatter; `raw` is undefined (after reporting why) when the file cannot be
 * read or parsed.
 */
function parseFile(
	root: string,
	path: string,
	frontmatter: boolean,
	problems: Problem[],
	listed?: Listed,
): ParsedDoc {
	const file = listed?.file ?? toRelative(root, path);
	const unread: SourceDoc<unknown> = {
		id: baseName(path),
		file,
		path,
		raw: undefined,
		lines: new Map(),
	};
	const problem = (line: number, field: string | null, message: string) =>
		problems.push({ file, line, field, severity: 'error', message });
	const read = listed ? readListedFile(root, path, listed.realRoot) : readText(root, path);
	if ('missing' in read) return unread;
	if ('problem' in read) {
		problems.push(read.problem);
		return unread;
	}
	let yamlText = read.text;
	let body: string | undefined;
	let bodyLine: number | undefined;
	if (frontmatter) {
		const split = splitFrontmatter(read.text);
		if (split.yaml === undefined) {
			problem(split.line, null, split.error);
			return unread;
		}
		yamlText = split.yaml;
		body = split.body;
		bodyLine = split.bodyLine;
	}
	// In frontmatter, the YAML starts on line 2 (after the opening ---).
	const firstLine = frontmatter ? 2 : 1;
	const cacheKey = listed?.cache?.key(listed.kind, yamlText);
	const known = cacheKey === undefined ? undefined : listed?.cache?.get(cacheKey);
	if (known) {
		const text = yamlText;
		const lines =
			known.lines ?? new LinesOnDemand(() => new Map(parseYamlWithLines(text, firstLine).lines));
		const { raw, data } = known;
		return { ...unread, raw, data, lines, body, bodyLine, cached: true, cacheKey };
	}
	const parsed = parseYamlWithLines(yamlText, firstLine);
	for (const error of parsed.errors) problem(error.line, error.field, error.message);
	// A file that cannot be read still exists: its id stays known, so links to it are not reported too.
	if (parsed.errors.length) return { ...unread, lines: parsed.lines, body, bodyLine };
	const raw = parsed.data ?? (frontmatter ? {} : undefined);
	if (raw === undefined) problem(1, null, 'the file is empty; expected YAML fields.');
	return { ...unread, raw, lines: parsed.lines, body, bodyLine, cacheKey };
}

function checkFileName(file: string, id: string, ext: string, problems: Problem[]): void {
	if (ID_PATTERN.test(id)) return;
	const suggestion = id
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	problems.push({
		file,
		line: 1,
		field: null,
		severity: 'error',
		message: `file name ${quote(id + ext)} must use only lowercase letters, digits and "-"; rename it to ${quote(suggestion + ext)}.`,
	});
}

function loadSeries(journal: LoadedJournal): void {
	const known = new Set(journal.metrics.map((m) => m.id));
	for (const { id, file, points, problems } of readSeriesFiles(journal.root)) {
		if (!known.has(id)) {
			journal.problems.push({
				file,
				line: 1,
				field: null,
				severity: 'error',
				message: `there is no metrics/${id}.yml for this time series; add it or rename the CSV.`,
			});
		}
		journal.problems.push(...problems);
		journal.series.set(id, points);
	}
}

/**
 * Every metrics/<id>.csv with its points and the problems of reading and parsing it. Problems of
 * listing the folder are left to loadKind, which lists it too.
 */
function readSeriesFiles(root: string) {
	return listFolder(root, join(root, 'metrics'), false)
		.files.filter((path) => path.endsWith('.csv'))
		.map((path) => {
			const file = toRelative(root, path);
			const read = readText(root, path);
			if ('text' in read) return { id: baseName(path), file, ...parseSeries(read.text, file) };
			const problems = 'problem' in read ? [read.problem] : [];
			return { id: baseName(path), file, points: [] as SeriesPoint[], problems };
		});
}

/**
 * Metric id → its CSV time series, for the site (the build has already run the checker, which
 * reports the problems this leaves out).
 */
export function readSeries(root: string): Map<string, SeriesPoint[]> {
	return new Map(readSeriesFiles(root).map((s) => [s.id, s.points]));
}

const KNOWN_TOP_LEVEL = new Set(['journal.yml', ...Object.keys(KINDS)]);

/** Anything at the top of the content root that the format does not define would be ignored. */
function findStrayTopLevel(root: string): Problem[] {
	const { files, folders, problems } = listFolder(root, root, false);
	const stray = [...files, ...folders]
		.map((path) => toRelative(root, path))
		.filter((name) => !KNOWN_TOP_LEVEL.has(name))
		.sort();
	return [
		// Problems with a known name (a broken journal.yml symlink) are reported where it is read.
		...problems.filter((p) => !KNOWN_TOP_LEVEL.has(p.file.replace(/\/$/, ''))),
		...stray.map((name) => ({
			file: name,
			line: 1,
			field: null,
			severity: 'warning' as const,
			message: `ignored: not part of the journal format (journal.yml, ${Object.keys(KINDS).join('/, ')}/).${didYouMean(name, [...KNOWN_TOP_LEVEL])}`,
		})),
	];
}

/** File name without directory or extension. */
export function baseName(path: string): string {
	const name = path.split(/[\\/]/).pop() ?? path;
	return name.replace(/\.[^.]+$/, '');
}
