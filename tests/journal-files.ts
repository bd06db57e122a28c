/**
 * A journal's files read the plainest way, for tests to compute what a page must show: the YAML and
 * CSV libraries on each file and its frontmatter, without the project's splitter, readers or
 * schema. An expectation computed with the loader's own code would agree with any mistake of the
 * loader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import type { Entry, Feature, Journal, Metric, Person, Team } from '../src/lib/content/schema.ts';

export interface Doc<T> {
	/** The file name without its extension. */
	id: string;
	/** Its path from the journal's root, `/`-separated. */
	file: string;
	data: T;
	/** What follows the frontmatter, for entries and features. */
	body?: string;
}

export interface JournalFiles {
	config: Partial<Journal>;
	entries: Doc<Entry>[];
	people: Doc<Person>[];
	teams: Doc<Team>[];
	features: Doc<Feature>[];
	metrics: Doc<Metric>[];
	/** Metric id → the points of its CSV series (null where a value is left empty). */
	series: Map<string, { date: string; value: number | null }[]>;
}

/** The files under `folder` (at any depth if `deep`) whose names end in one of `exts`. */
function filesIn(folder: string, exts: string[], deep: boolean): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: deep, encoding: 'utf8' })
		.map((name) => name.split('\\').join('/'))
		.filter((name) => exts.includes(extname(name)))
		.sort();
}

/** A file's frontmatter (the YAML between its opening `---` line and the next) and its body. */
function splitFile(text: string, file: string): { data: unknown; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	if (!match) throw new Error(`${file} has no frontmatter`);
	return { data: parse(match[1]!), body: text.slice(match[0].length) };
}

/** The documents of one kind: entries sit at any depth under `entries/`, the others directly. */
function docs<T>(root: string, kind: string, exts: string[], frontmatter: boolean): Doc<T>[] {
	return filesIn(join(root, kind), exts, kind === 'entries').map((name) => {
		const file = `${kind}/${name}`;
		const text = readFileSync(join(root, file), 'utf8');
		const id = basename(name, extname(name));
		if (!frontmatter) return { id, file, data: parse(text) as T };
		const { data, body } = splitFile(text, file);
		return { id, file, data: data as T, body };
	});
}

/**
 * Every entry (drafts included), person, team, feature, metric and series of the journal at `root`,
 * with each field as the file writes it: optional fields that the file leaves out are absent.
 */
export function readJournalFiles(root: string): JournalFiles {
	const config = join(root, 'journal.yml');
	return {
		config: existsSync(config) ? (parse(readFileSync(config, 'utf8')) ?? {}) : {},
		entries: docs<Entry>(root, 'entries', ['.md', '.mdx'], true),
		people: docs<Person>(root, 'people', ['.yml'], false),
		teams: docs<Team>(root, 'teams', ['.yml'], false),
		features: docs<Feature>(root, 'features', ['.md'], true),
		metrics: docs<Metric>(root, 'metrics', ['.yml'], false),
		series: new Map(
			filesIn(join(root, 'metrics'), ['.csv'], false).map((name) => {
				const rows = parseCsv(readFileSync(join(root, 'metrics', name)), {
					columns: true,
					skip_empty_lines: true,
				}) as { date: string; value: string }[];
				return [
					basename(name, '.csv'),
					rows.map((row) => ({
						date: row.date,
						value: row.value.trim() === '' ? null : Number(row.value),
					})),
				];
			}),
		),
	};
}
