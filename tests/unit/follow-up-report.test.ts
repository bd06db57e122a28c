import { XMLParser } from 'fast-xml-parser';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { groupFollowUpsByOwner } from '../../src/lib/facts/follow-up-groups.ts';
import { getDigest, getFollowUps } from '../../src/lib/facts/rollups.ts';
import { digestDate, toDigestFeedItem } from '../../src/lib/site/digest-feed.ts';
import { escapeHtml } from '../../src/lib/site/feed.ts';
import { PAGE_SIZE } from '../../src/lib/site/page-size.ts';
import {
	escapeMarkdown,
	formatFollowUpsGithub,
	formatFollowUpsMarkdown,
	formatFollowUpsText,
	toFollowUpReport,
} from '../../src/lib/site/follow-up-report.ts';
import { createLink, createUrls } from '../../src/lib/site/urls.ts';
import { makeEntry } from '../helpers.ts';

const HOSTILE = '<img src=x onerror=alert(1)> & [link](javascript:x) *bold*';
const TODAY = '2026-03-01';
const withFile = (slug: string, data: Parameters<typeof makeEntry>[1]) => ({
	...makeEntry(slug, data),
	file: `entries/${slug}.md`,
});
const entries = [
	withFile('due', {
		title: HOSTILE,
		date: '2026-01-10',
		authors: ['bo'],
		status: 'measuring',
		measure_by: '2026-02-10',
	}),
	withFile('shipped', { title: 'Shipped', date: '2026-01-15', authors: ['ana'] }),
	withFile('steps', {
		title: 'Steps',
		date: '2026-02-01',
		status: 'measured',
		authors: ['ana'],
		next: [
			{ step: 'Done already', owner: 'bo', due: '2026-02-02', done: true },
			{ step: HOSTILE, owner: 'bo', due: '2026-02-15', done: false },
		],
	}),
];
const names: Record<string, string> = { ana: 'Ana Souza', bo: 'Bo Chen' };
const ctx = (site?: string) => ({
	personName: (id: string) => names[id] ?? id,
	urls: createUrls('/journal/'),
	link: createLink(site),
	today: TODAY,
});
const report = (site?: string) =>
	toFollowUpReport(groupFollowUpsByOwner(getFollowUps(entries, TODAY, 30)), ctx(site));

describe('the follow-up report', () => {
	it('lists every due entry and overdue step by owner, with dates, days late and links', () => {
		expect(report('https://journal.example.com')).toEqual({
			as_of: TODAY,
			due_count: 2,
			overdue_count: 1,
			owners: [
				{
					person: 'bo',
					name: 'Bo Chen',
					url: 'https://journal.example.com/journal/people/bo/',
					due: [
						{
							entry: 'due',
							title: HOSTILE,
							url: 'https://journal.example.com/journal/entries/due/',
							file: 'entries/due.md',
							field: 'measure_by',
							days_late: 19,
							status: 'measuring',
							date: '2026-01-10',
							measure_by: '2026-02-10',
						},
					],
					overdue: [
						{
							entry: 'steps',
							title: 'Steps',
							url: 'https://journal.example.com/journal/entries/steps/',
							file: 'entries/steps.md',
							field: 'next[1].due',
							days_late: 14,
							step: HOSTILE,
							due: '2026-02-15',
						},
					],
				},
				{
					person: 'ana',
					name: 'Ana Souza',
					url: 'https://journal.example.com/journal/people/ana/',
					due: [
						expect.objectContaining({
							entry: 'shipped',
							field: 'status',
							measure_by: '2026-02-14',
							days_late: 15,
						}),
					],
					overdue: [],
				},
			],
		});
	});

	it('links site-relative paths, under the base, without a site', () => {
		const { owners } = report();
		expect(owners[0]!.url).toBe('/journal/people/bo/');
		expect(owners[0]!.due[0]!.url).toBe('/journal/entries/due/');
	});

	it('says when nothing is due', () => {
		const empty = toFollowUpReport([], ctx());
		expect(formatFollowUpsText(empty)).toBe(`Nothing is due as of ${TODAY}.`);
		expect(formatFollowUpsMarkdown(empty)).toBe(`Nothing is due as of ${TODAY}.`);
		expect(formatFollowUpsGithub(empty, () => 1)).toBe('');
	});

	it('prints text grouped by owner', () => {
		const text = formatFollowUpsText(report());
		expect(text.split('\n').slice(0, 4)).toEqual([
			`Follow-ups as of ${TODAY}: 2 entries waiting for a result and 1 overdue next step.`,
			'',
			'Bo Chen (bo)',
			`  waiting  ${HOSTILE}`,
		]);
		expect(text).toContain('due 2026-02-15, 14 days late · from Steps · /journal/entries/steps/');
	});

	it('escapes content in markdown, so a title cannot add links or formatting', () => {
		const md = formatFollowUpsMarkdown(report('https://journal.example.com'));
		expect(md).toContain('### [Bo Chen](https://journal.example.com/journal/people/bo/)');
		expect(md).toContain(
			`[${escapeMarkdown(HOSTILE)}](https://journal.example.com/journal/entries/due/)`,
		);
		expect(md).not.toContain('[link](javascript');
		expect(md).not.toMatch(/(?<!\\)<img/);
		expect(escapeMarkdown('a*b_[c]<d>')).toBe('a\\*b\\_\\[c\\]\\<d\\>');
	});

	it('shows control characters in text as escapes, and keeps markdown items on one line', () => {
		const TERMINAL = 'Title\u001b]0;owned\u0007\u001b[2J\u009b'; // retitle, clear, 8-bit CSI
		const BREAKOUT = 'a\n\n# b\r\n- c';
		const tricky = [
			withFile('tricky', {
				title: TERMINAL,
				date: '2026-01-10',
				authors: ['bo'],
				status: 'shipped',
				next: [{ step: BREAKOUT, owner: 'bo', due: '2026-02-15', done: false }],
			}),
		];
		const trickyReport = toFollowUpReport(
			groupFollowUpsByOwner(getFollowUps(tricky, TODAY, 30)),
			ctx(),
		);
		const text = formatFollowUpsText(trickyReport);
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		expect(text).toContain('waiting  Title\\u001b]0;owned\\u0007\\u001b[2J\\u009b');
		expect(text).toContain('overdue  a\\n\\n# b\\r\\n- c');
		const md = formatFollowUpsMarkdown(trickyReport);
		const items = md.split('\n').filter((line) => line.startsWith('- '));
		// The escapes' backslashes are escaped too, so that markdown shows them as written.
		expect(items).toEqual([
			expect.stringContaining(String.raw`[Title\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b]`),
			expect.stringContaining('Overdue step: a \\# b - c, due 2026-02-15'),
		]);
		expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		expect(md).not.toMatch(/^#\s*b/m);
	});

	it('prints GitHub warnings on the line of the field to update', () => {
		const lines: Record<string, number> = {
			'entries/due.md measure_by': 9,
			'entries/steps.md next[1].due': 14,
			'entries/shipped.md status': 5,
		};
		const out = formatFollowUpsGithub(
			report(),
			(file, field) => lines[`${file} ${field}`]!,
			'content/',
		);
		expect(out.split('\n')).toEqual([
			expect.stringMatching(
				/^::warning file=content\/entries\/due\.md,line=9,title=Follow-up due \(Bo Chen\)::".*" is measuring: its result was due by 2026-02-10 \(19 days late\)\./,
			),
			expect.stringMatching(
				/^::warning file=content\/entries\/steps\.md,line=14,title=Overdue next step \(Bo Chen\)::.* was due 2026-02-15 \(14 days late\)\. Mark it done: true or move the date\. \/journal\/entries\/steps\/$/,
			),
			expect.stringMatching(/^::warning file=content\/entries\/shipped\.md,line=5,/),
		]);
	});
});

describe('the digest feed item', () => {
	const metrics = new Map([
		['p95', { name: 'p95 <latency>', unit: 'ms', direction: 'down' as const }],
	]);
	const month = [
		makeEntry('win', {
			title: HOSTILE,
			date: '2026-02-03',
			status: 'measured',
			metrics: [{ metric: 'p95', before: 1000, after: 800 }],
			next: [{ step: HOSTILE, done: true }],
		}),
		makeEntry('open', { title: 'Open', date: '2026-02-20', status: 'shipped' }),
	];
	const digest = getDigest(month, metrics, TODAY, 30);
	const item = toDigestFeedItem('2026-02', digest, {
		metrics,
		personName: (id) => names[id] ?? id,
		urls: createUrls('/'),
		link: createLink('https://journal.example.com'),
		today: TODAY,
	});

	it('is titled and linked by month, dated at the month’s end (or today while it runs)', () => {
		expect(item.title).toBe('Digest: February 2026');
		expect(item.link).toBe('/months/2026-02/');
		expect(item.pubDate?.toISOString().slice(0, 10)).toBe('2026-02-28');
		expect(digestDate('2026-03', '2026-03-10')).toBe('2026-03-10');
		expect(digestDate('2025-12', '2026-03-10')).toBe('2025-12-31');
		// The first and the last month a date can name.
		expect(digestDate('0000-02', '2026-03-10')).toBe('0000-02-29');
		expect(digestDate('9999-12', '2026-03-10')).toBe('2026-03-10');
	});

	it('describes the month in HTML with every content string escaped and links absolute', async () => {
		const html = item.description!;
		expect(html).not.toContain('<img');
		expect(html).toContain(escapeHtml(HOSTILE));
		expect(html).toContain(
			`<a href="https://journal.example.com/metrics/p95/">${escapeHtml('p95 <latency>')}</a>`,
		);
		expect(html).toContain('href="https://journal.example.com/entries/win/"');
		expect(html).toContain('2 entries: 1 shipped, 1 measured.');
		// "open" is not due until 2026-03-22: 1 closed of 1.
		expect(html).toContain('Loop closure: 100% closed (1 of 1 closed or due); 1 not yet due.');
		expect(html).toContain('1 opened in these entries: 1 done, 0 open.');
		const xml = await getRssString({
			title: 'T',
			description: 'D',
			site: 'https://journal.example.com',
			items: [item],
		});
		const parsed = new XMLParser().parse(xml).rss.channel.item;
		expect(parsed.link).toBe('https://journal.example.com/months/2026-02/');
		expect(parsed.description).toBe(html);
	});
});

describe('the digest feed item of a busy month', () => {
	const busy = Array.from({ length: PAGE_SIZE.digestItems + 4 }, (_, i) =>
		makeEntry(`busy-${String(i).padStart(2, '0')}`, {
			date: '2026-01-05',
			status: 'measuring',
			measure_by: `2026-01-${String(10 + i).padStart(2, '0')}`,
			next: [
				{ step: `Late step ${i}.`, due: `2026-02-${String(10 + i).padStart(2, '0')}`, done: false },
				{ step: `Later step ${i}.`, due: '2026-12-01', done: false },
			],
		}),
	);
	const html = toDigestFeedItem('2026-01', getDigest(busy, new Map(), TODAY, 30), {
		metrics: new Map(),
		personName: (id) => names[id] ?? id,
		urls: createUrls('/'),
		link: createLink(undefined),
		today: TODAY,
	}).description!;

	it('lists the longest overdue of each kind and the first steps, and counts the rest', () => {
		const late = [...html.matchAll(/Late step (\d+)\.: due/g)].map((m) => Number(m[1]));
		expect(late).toEqual(Array.from({ length: PAGE_SIZE.digestItems }, (_, i) => i));
		expect([...html.matchAll(/result due since/g)]).toHaveLength(PAGE_SIZE.digestItems);
		expect(html).toContain(
			'<p>8 more due from these entries: <a href="/follow-ups/">every follow-up, by owner</a>.</p>',
		);
		const total = 2 * busy.length;
		expect(html).toContain(
			`${total} opened in these entries: 0 done, ${total} open (${busy.length} of them overdue, under follow-ups due).`,
		);
		// The overdue steps are under follow-ups due only, as on the month's page.
		const nextSteps = html.slice(
			html.indexOf('<h3>Next steps</h3>'),
			html.indexOf('<h3>Entries</h3>'),
		);
		expect(nextSteps).not.toContain('Late step');
		const later = [...nextSteps.matchAll(/Open: Later step (\d+)\./g)].map((m) => Number(m[1]));
		expect(later).toEqual(Array.from({ length: PAGE_SIZE.digestItems }, (_, i) => i));
		expect(html).toContain(
			`<p>${busy.length - PAGE_SIZE.digestItems} more, each on its entry’s page.</p>`,
		);
		// Every entry is still listed.
		for (const e of busy) expect(html).toContain(`/entries/${e.slug}/`);
	});
});
