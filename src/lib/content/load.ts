/**
 * Reads a journal from disk and validates every file against the schema. Nothing here throws for
 * bad content: each problem is collected with its file, line and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import matter from 'gray-matter';
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
import { parseSeries, type SeriesPoint } from './series.ts';
import { parseYamlWithLines, type LineMap } from './yaml-lines.ts';

/** One content file: its raw data (for cross-checks) and, when valid, its parsed data. */
export interface SourceDoc<T> {
	/** File name without extension. */
	id: string;
	/** Path relative to the content root, `/`-separated. */
	file: string;
	raw: unknown;
	lines: LineMap;
	/** Present only when the file passed the schema. */
	data?: T;
	/** Markdown body, for features and entries. */
	body?: string;
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

/** How each kind of file is found and parsed. */
const KINDS = {
	people: { exts: ['.yml'], frontmatter: false, deep: false, schema: PersonSchema },
	teams: { exts: ['.yml'], frontmatter: false, deep: false, schema: TeamSchema },
	features: { exts: ['.md'], frontmatter: true, deep: false, schema: FeatureSchema },
	metrics: { exts: ['.yml', '.csv'], frontmatter: false, deep: false, schema: MetricSchema },
	entries: { exts: ['.md', '.mdx'], frontmatter: true, deep: true, schema: EntrySchema },
} as const;

type Kind = keyof typeof KINDS;

const FILE_NAME = /^[a-z0-9-]+$/;

/** Loads and validates everything under `root` (which must exist). */
export function loadJournal(root: string): LoadedJournal {
	const problems: Problem[] = [];
	const config = loadConfig(root, problems);
	const load = <K extends Kind>(kind: K) =>
		loadKind(root, kind, problems) as SourceDoc<z.output<(typeof KINDS)[K]['schema']>>[];
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

function loadConfig(root: string, problems: Problem[]): Journal {
	const path = join(root, 'journal.yml');
	const fallback = JournalSchema.parse({});
	if (!existsSync(path)) return fallback;
	const doc = parseFile(root, path, false, problems);
	if (doc.raw === undefined) return fallback;
	const { data, problems: found } = validate(JournalSchema, doc.raw ?? {}, doc.file, doc.lines);
	problems.push(...found);
	return data ?? fallback;
}

function loadKind(root: string, kind: Kind, problems: Problem[]): SourceDoc<unknown>[] {
	const { exts, frontmatter, deep, schema } = KINDS[kind];
	const docs: SourceDoc<unknown>[] = [];
	for (const path of listFiles(join(root, kind), deep)) {
		const file = toRelative(root, path);
		if (path.endsWith('/')) {
			problems.push({
				file: `${file}/`,
				line: 1,
				field: null,
				severity: 'warning',
				message: `ignored: folders inside ${kind}/ are not read; only entries/ may have subfolders.`,
			});
			continue;
		}
		const ext = exts.find((e) => path.endsWith(e));
		if (!ext) {
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
		const doc = parseFile(root, path, frontmatter, problems);
		if (doc.raw !== undefined) {
			const { data, problems: found } = validate(schema, doc.raw, doc.file, doc.lines);
			doc.data = data;
			problems.push(...found);
		}
		docs.push(doc);
	}
	return docs;
}

/** Reads YAML or frontmatter; `raw` is undefined (after reporting why) when it cannot be parsed. */
function parseFile(
	root: string,
	path: string,
	frontmatter: boolean,
	problems: Problem[],
): SourceDoc<unknown> {
	const file = toRelative(root, path);
	const id = baseName(path);
	const text = readFileSync(path, 'utf8');
	let yamlText = text;
	let body: string | undefined;
	if (frontmatter) {
		if (!/^(\uFEFF)?---\r?\n/.test(text)) {
			problems.push({
				file,
				line: 1,
				field: null,
				severity: 'error',
				message:
					'missing frontmatter: the file must start with a "---" line, then YAML fields, then "---".',
			});
			return { id, file, raw: undefined, lines: new Map() };
		}
		// gray-matter splits; the yaml package parses, so that lines and plain-string dates survive.
		const split = matter(text, { engines: { yaml: () => ({}) } });
		yamlText = split.matter;
		body = split.content;
	}
	const parsed = parseYamlWithLines(yamlText);
	for (const error of parsed.errors) {
		problems.push({
			file,
			line: error.line,
			field: null,
			severity: 'error',
			message: `YAML syntax error: ${error.message}`,
		});
	}
	// A file that cannot be read still exists: its id stays known, so links to it are not reported too.
	if (parsed.errors.length) return { id, file, raw: undefined, lines: parsed.lines, body };
	const raw = parsed.data ?? (frontmatter ? {} : undefined);
	if (raw === undefined) {
		problems.push({
			file,
			line: 1,
			field: null,
			severity: 'error',
			message: 'the file is empty; expected YAML fields.',
		});
	}
	return { id, file, raw, lines: parsed.lines, body };
}

function checkFileName(file: string, id: string, ext: string, problems: Problem[]): void {
	if (FILE_NAME.test(id)) return;
	const suggestion = id
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	problems.push({
		file,
		line: 1,
		field: null,
		severity: 'error',
		message: `file name "${id}${ext}" must use only lowercase letters, digits and "-"; rename it to "${suggestion}${ext}".`,
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

function readSeriesFiles(root: string) {
	return listFiles(join(root, 'metrics'), false)
		.filter((p) => p.endsWith('.csv'))
		.map((path) => {
			const file = toRelative(root, path);
			return { id: baseName(path), file, ...parseSeries(readFileSync(path, 'utf8'), file) };
		});
}

/**
 * Metric id → its CSV time series, for the site (the build has already run the checker, which
 * reports the problems this leaves out).
 */
export function readSeries(root: string): Map<string, SeriesPoint[]> {
	return new Map(readSeriesFiles(root).map((s) => [s.id, s.points]));
}

/**
 * Files under `dir`, sorted; hidden files and folders are skipped. When not `deep`, subfolders
 * are listed with a trailing `/` so that the caller can say they are not read.
 */
function listFiles(dir: string, deep: boolean): string[] {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
	const out: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		if (name.startsWith('.')) continue;
		const path = join(dir, name);
		if (!statSync(path).isDirectory()) out.push(path);
		else if (deep) out.push(...listFiles(path, true));
		else out.push(`${path}/`);
	}
	return out;
}

const KNOWN_TOP_LEVEL = new Set(['journal.yml', ...Object.keys(KINDS)]);

/** Anything at the top of the content root that the format does not define would be ignored. */
function findStrayTopLevel(root: string): Problem[] {
	return listFiles(root, false)
		.map((path) => toRelative(root, path))
		.filter((name) => !KNOWN_TOP_LEVEL.has(name.replace(/\/$/, '')))
		.map((name) => ({
			file: name,
			line: 1,
			field: null,
			severity: 'warning' as const,
			message: `ignored: not part of the journal format (journal.yml, ${Object.keys(KINDS).join('/, ')}/).${didYouMean(name.replace(/\/$/, ''), [...KNOWN_TOP_LEVEL])}`,
		}));
}

function toRelative(root: string, path: string): string {
	return relative(root, path).split(sep).join('/');
}

/** File name without directory or extension. */
export function baseName(path: string): string {
	const name = path.split(/[\\/]/).pop() ?? path;
	return name.replace(/\.[^.]+$/, '');
}
