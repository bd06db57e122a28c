import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toEntryRecord, toHistoryRows, type ExportContext } from '../../src/lib/site/export.ts';
import { HISTORY_COLUMNS, toHistoryCsv } from '../../src/lib/site/history-export.ts';
import { asCsvCell, makeEntry } from '../helpers.ts';

const ctx: ExportContext = {
	people: new Map([
		['ana', { name: 'Ana Souza' }],
		['cy', { name: 'Cy Okafor' }],
	]),
	metrics: new Map([
		['p95', { name: 'Checkout p95', unit: 'ms', direction: 'down' as const }],
		['conv', { name: 'Conversion', unit: '%', direction: 'up' as const }],
	]),
	published: new Set(['a', 'b']),
	today: '2026-06-01',
	followUpDays: 30,
	permalink: (slug) => `https://journal.example.com/entries/${slug}/`,
};

const AWKWARD = 'Fees, "fast" & <safe>\nsecond line';
const measured = makeEntry('a', {
	title: AWKWARD,
	status: 'measured',
	features: ['checkout', 'vault'],
	verified_by: { person: 'cy', on: '2026-02-01' },
	metrics: [
		{ metric: 'p95', before: 1900, after: 1100, method: 'ab_test', note: '=1+1, "quoted"' },
		{ metric: 'conv', before: 3.2, after: 3.0 },
	],
	next: [
		{ step: 'Apply to refunds', owner: 'cy', due: '2026-05-01', done: false },
		{ step: 'Write it up', done: true },
	],
	links: [{ label: 'PR 1', url: 'https://git.example.com/1' }],
});
const plain = makeEntry('b', { title: 'No numbers' });
const rowsOf = (e: ReturnType<typeof makeEntry>, roles: ('lead' | 'support')[] = []) =>
	toHistoryRows(toEntryRecord(e.slug, e.data, ctx), 'ana', roles);

describe('toHistoryRows', () => {
	it('gives one row per metric, with the entry columns repeated and the evidence of each', () => {
		const rows = rowsOf(measured, ['lead', 'support']);
		expect(rows.map((r) => [r.metric, r.method, r.evidence, r.verdict])).toEqual([
			['p95', 'ab_test', 'strong', 'better'],
			['conv', null, 'unstated', 'worse'],
		]);
		expect(rows[0]).toMatchObject({
			person: 'ana',
			role: 'lead, support',
			slug: 'a',
			url: 'https://journal.example.com/entries/a/',
			title: AWKWARD,
			features: 'checkout, vault',
			strongest_evidence: 'strong',
			verified_by: 'Cy Okafor',
			verified_on: '2026-02-01',
			change: -800,
			next_steps: 'open: Apply to refunds (owner cy, due 2026-05-01)\ndone: Write it up',
			links: 'PR 1: https://git.example.com/1',
		});
		expect(Object.keys(rows[0]!)).toEqual([...HISTORY_COLUMNS]);
	});

	it('keeps an entry without metrics as one row with empty metric columns', () => {
		const rows = rowsOf(plain);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ slug: 'b', role: null, metric: null, evidence: null });
		expect(rows[0]!.strongest_evidence).toBeNull();
	});
});

describe('toHistoryCsv', () => {
	it('parses back to the same rows, commas, quotes, & < and newlines included', () => {
		const rows = [...rowsOf(measured), ...rowsOf(plain)];
		const parsed = parse(toHistoryCsv(rows), { columns: true }) as Record<string, string>[];
		expect(parsed).toHaveLength(rows.length);
		rows.forEach((row, i) => {
			for (const column of HISTORY_COLUMNS)
				expect(parsed[i]![column], column).toBe(asCsvCell(row[column]));
		});
		expect(parsed[0]!.title).toBe(AWKWARD);
		expect(parsed[0]!.note).toBe(`'=1+1, "quoted"`);
		expect(parsed[0]!.change).toBe('-800');
	});

	it('writes only the header row for a person without entries', () => {
		expect(toHistoryCsv([]).trim()).toBe(HISTORY_COLUMNS.join(','));
	});
});
