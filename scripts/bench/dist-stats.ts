/** What a build wrote: pages, bytes, entry page sizes and the search index. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { median } from './stats.ts';

export interface DistStats {
	/** HTML files. */
	pages: number;
	/** Every file's bytes, the search index included. */
	bytes: number;
	/** Entry pages found (`entries/<slug>/index.html` for the given slugs). */
	entryPages: number;
	/** Median HTML bytes of an entry page. */
	medianEntryPage: number | null;
	/** The largest entry page. */
	largestEntryPage: { path: string; bytes: number } | null;
	/** Bytes under `pagefind/`; null when the build wrote no search index. */
	searchIndexBytes: number | null;
	/** The largest HTML file of any kind (list pages grow with the journal). */
	largestPage: { path: string; bytes: number } | null;
}

/** Reads `dir`; `entrySlugs` are the entries whose pages count as entry pages. */
export function readDistStats(dir: string, entrySlugs: Iterable<string>): DistStats {
	const files = listFiles(dir);
	const html = files.filter((f) => f.path.endsWith('.html'));
	const sizeOf = new Map(files.map((f) => [f.path, f.bytes]));
	const entrySizes = [...entrySlugs]
		.map((slug) => {
			const path = `entries/${slug}/index.html`;
			return { path, bytes: sizeOf.get(path) };
		})
		.filter((e): e is { path: string; bytes: number } => e.bytes !== undefined)
		.sort((a, b) => a.bytes - b.bytes);
	const search = files.filter((f) => f.path.startsWith('pagefind/'));
	return {
		pages: html.length,
		bytes: sum(files.map((f) => f.bytes)),
		entryPages: entrySizes.length,
		medianEntryPage: entrySizes.length ? median(entrySizes.map((e) => e.bytes)) : null,
		largestEntryPage: entrySizes.at(-1) ?? null,
		searchIndexBytes: existsSync(join(dir, 'pagefind')) ? sum(search.map((f) => f.bytes)) : null,
		largestPage: html.reduce<DistStats['largestPage']>(
			(max, f) => (!max || f.bytes > max.bytes ? f : max),
			null,
		),
	};
}

function listFiles(dir: string): { path: string; bytes: number }[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => {
			const full = join(d.parentPath, d.name);
			return { path: relative(dir, full).split(sep).join('/'), bytes: statSync(full).size };
		});
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
