import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/content/schema.ts';
import { sampleContent } from '../helpers.ts';
import { entryRecords, outDir, page, textOf, type SiteBuild } from './pages.ts';
import { readJournalFiles } from '../journal-files.ts';

const sample = readJournalFiles(sampleContent);
const sampleEntries = sample.entries.map((d) => ({
	slug: d.id,
	file: d.file,
	body: d.body ?? '',
	data: d.data as Entry,
}));
const published = sampleEntries.filter((e) => !e.data.draft);
const internal = published.filter((e) => e.data.visibility !== 'public');

function filesIn(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesIn(path) : [path];
	});
}

function htmlFiles(build: SiteBuild): string[] {
	return filesIn(outDir(build)).filter((f) => f.endsWith('.html'));
}

describe('a build with base /journal/', () => {
	it('prefixes every internal link, stylesheet and feed link with the base', () => {
		const hrefs = htmlFiles('based').flatMap((f) =>
			parse(readFileSync(f, 'utf8'))
				.querySelectorAll('a[href], link[href], script[src]')
				.map((e) => e.getAttribute('href') ?? e.getAttribute('src')!),
		);
		const internalHrefs = hrefs.filter((h) => h.startsWith('/'));
		expect(internalHrefs.length).toBeGreaterThan(20);
		expect(internalHrefs.filter((h) => !h.startsWith('/journal/'))).toEqual([]);
	});

	it('writes absolute links in RSS and a sitemap when site is set', () => {
		const rss = new XMLParser().parse(readFileSync(join(outDir('based'), 'rss.xml'), 'utf8'));
		const links = [rss.rss.channel.item].flat().map((i: { link: string }) => i.link);
		expect(links).toContain('https://journal.example.com/journal/entries/batching/');
		const sitemap = readFileSync(join(outDir('based'), 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain('<loc>https://journal.example.com/journal/entries/batching/</loc>');
	});
});

describe('feeds and exports', () => {
	it('RSS parses as XML and lists the newest 50 published entries, newest first', () => {
		const rss = new XMLParser().parse(readFileSync(join(outDir('sample'), 'rss.xml'), 'utf8'));
		const items = [rss.rss.channel.item].flat() as { title: string; link: string }[];
		const expected = [...published]
			.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug))
			.slice(0, 50);
		expect(items.map((i) => i.link.replace(/^https?:\/\/[^/]+/, ''))).toEqual(
			expected.map((e) => `/entries/${e.slug}/`),
		);
		expect(items[0]!.title).toBe(expected[0]!.data.title);
	});

	it('the entry exports have every published entry with its structured fields', () => {
		const records = entryRecords('sample');
		expect(records.map((r: { slug: string }) => r.slug).sort()).toEqual(
			published.map((e) => e.slug).sort(),
		);
		for (const record of records) {
			const source = published.find((e) => e.slug === record.slug)!;
			expect(record).toMatchObject({
				title: source.data.title,
				date: source.data.date,
				status: source.data.status,
			});
			expect(
				record.metrics.map((m: { metric: string; before: number | null; after: number | null }) => [
					m.metric,
					m.before,
					m.after,
				]),
			).toEqual(
				(source.data.metrics ?? []).map((m) => [m.metric, m.before ?? null, m.after ?? null]),
			);
			expect(record.authors.map((a: { person: string }) => a.person)).toEqual(
				source.data.authors.map((a) => (typeof a === 'string' ? a : a.person)),
			);
		}
	});

	it('the entry exports judge a change by the metric direction', () => {
		const records = entryRecords('minimal');
		const batching = records.find((r: { slug: string }) => r.slug === 'batching');
		expect(
			batching.metrics.map((m: { metric: string; change: number; verdict: string }) => [
				m.metric,
				m.change,
				m.verdict,
			]),
		).toEqual([
			['latency', -800, 'better'],
			['conversion', -0.2, 'worse'],
		]);
		expect(batching.follows).toBe('baseline');
	});
});

describe('drafts and the public audience', () => {
	const draft = sampleEntries.find((e) => e.data.draft)!;

	it('leaves drafts out of every file in the output', () => {
		for (const build of ['sample', 'samplePublic'] as const) {
			for (const file of filesIn(outDir(build))) {
				const text = readFileSync(file, 'utf8');
				expect(text.includes(draft.data.title), `${file} has the draft's title`).toBe(false);
				expect(text.includes(`/entries/${draft.slug}/`), `${file} links the draft`).toBe(false);
			}
		}
	});

	it('a public build contains no title, slug, text or metric note of an internal entry', () => {
		expect(internal.length).toBeGreaterThan(10);
		const everything = filesIn(outDir('samplePublic')).map(
			(f) => [f, readFileSync(f, 'utf8')] as const,
		);
		const leaks: string[] = [];
		for (const entry of internal) {
			const paragraphs = entry.body
				.split(/\n\s*\n/)
				.map((p) => p.trim())
				.filter((p) => p.length > 60 && !p.startsWith('#'));
			const secrets = [
				entry.data.title,
				entry.slug,
				...paragraphs.slice(0, 2).map((p) => p.slice(0, 60)),
				...(entry.data.metrics ?? []).flatMap((m) => (m.note ? [m.note] : [])),
			];
			for (const [file, text] of everything) {
				for (const secret of secrets)
					if (text.includes(secret))
						leaks.push(`${relative(outDir('samplePublic'), file)}: ${secret}`);
			}
		}
		expect(leaks).toEqual([]);
	});

	it('a public build still has every public entry', () => {
		const records = entryRecords('samplePublic');
		expect(records.map((r: { slug: string }) => r.slug).sort()).toEqual(
			published
				.filter((e) => e.data.visibility === 'public')
				.map((e) => e.slug)
				.sort(),
		);
	});
});

describe('other pages', () => {
	it('aliases redirect to the entry permalink', () => {
		const withAlias = published.find((e) => e.data.aliases?.length)!;
		const html = page('sample', `entries/${withAlias.data.aliases![0]}`);
		expect(html.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
			`0; url=/entries/${withAlias.slug}/`,
		);
		expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
			`/entries/${withAlias.slug}/`,
		);
	});

	it('an entry page shows the edit link and the last-updated date', () => {
		const html = page('sample', `entries/${published[0]!.slug}`);
		const edit = html.querySelectorAll('a').find((a) => a.text.trim() === 'Edit this entry');
		expect(edit?.getAttribute('href')).toBe(`${sample.config.edit_url}${published[0]!.file}`);
		expect(textOf(html.querySelector('main'))).toMatch(/Last updated \d{1,2} \w{3,4} \d{4}/);
	});

	it('an entry page shows the follows chain in both directions', () => {
		const html = textOf(page('minimal', 'entries/baseline').querySelector('main'));
		expect(html).toContain('Followed by: Batched price lookups');
	});

	it('has a 404 page', () => {
		const html = parse(readFileSync(join(outDir('sample'), '404.html'), 'utf8'));
		expect(html.querySelector('h1')?.text).toBe('Page not found');
	});

	it("the home page shows this month's digest and recent entries", () => {
		const main = textOf(page('sample', '').querySelector('main'));
		expect(main).toContain('This month: November 2026');
		const novEntries = published.filter((e) => e.data.date.startsWith('2026-11'));
		expect(main).toMatch(new RegExp(`entries ${novEntries.length}`, 'i'));
	});

	it('the home page counts what is due across the journal, as follow-ups.json does', () => {
		for (const build of ['sample', 'minimal'] as const) {
			const { due_count: due, overdue_count: overdue } = JSON.parse(
				readFileSync(join(outDir(build), 'follow-ups.json'), 'utf8'),
			) as { due_count: number; overdue_count: number };
			const link = page(build, '').querySelector('main a[href="/follow-ups/"]');
			expect(textOf(link), build).toBe(
				`${due} ${due === 1 ? 'entry' : 'entries'} due for follow-up and ${overdue} overdue next ${overdue === 1 ? 'step' : 'steps'}`,
			);
		}
	});

	it('a journal with no entries builds and says so', () => {
		expect(textOf(page('empty', '').querySelector('main'))).toContain(
			'This journal has no published entries yet.',
		);
	});
});
