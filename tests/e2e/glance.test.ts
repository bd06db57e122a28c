/**
 * Answers at a glance, in the built sample journal: a sparkline next to every metric in a list and
 * on entry pages, the metric page's ranges, and the history page's comparison. Expectations come
 * from the raw content (the CSV series and the entries), not from src/lib.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJournal } from '../../src/lib/content/load.ts';
import { sampleContent } from '../helpers.ts';
import { outDir, page, textOf } from './pages.ts';

const journal = loadJournal(sampleContent);
const metricsById = new Map(journal.metrics.map((m) => [m.id, m.data!]));
const csv = (id: string) =>
	readFileSync(join(sampleContent, 'metrics', `${id}.csv`), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(','))
		.filter(([, value]) => value !== '');
const sparklines = (path: string) => page('sample', path).querySelectorAll('svg.sparkline');
/** Bytes of every sparkline on a page, as written. */
const sparklineBytes = (path: string) =>
	sparklines(path).reduce((sum, svg) => sum + Buffer.byteLength(svg.outerHTML), 0);

describe('sparklines', () => {
	it('the metrics list has one per metric with a history, its label read from the series', () => {
		const rows = page('sample', 'metrics').querySelectorAll('tbody tr');
		expect(rows).toHaveLength(metricsById.size);
		const row = rows.find(
			(r) => r.querySelector('a')!.getAttribute('href') === '/metrics/checkout-p95-ms/',
		)!;
		const svg = row.querySelector('svg.sparkline')!;
		expect(svg.getAttribute('role')).toBe('img');
		const series = csv('checkout-p95-ms');
		const [firstDate, first] = series[0]!;
		const [lastDate, last] = series.at(-1)!;
		const label = svg.getAttribute('aria-label')!;
		expect(label).toContain(metricsById.get('checkout-p95-ms')!.name);
		expect(label).toContain(`${Number(first).toLocaleString('en')} ms`);
		expect(label).toContain(`${Number(last).toLocaleString('en')} ms`);
		expect(firstDate! < lastDate!).toBe(true);
		// p95 latency fell: lower is better, so the words say better though the sign is negative.
		expect(Number(last) < Number(first)).toBe(true);
		expect(label).toContain(': better (lower is better)');
		// Colours come from CSS: no inline style and no stroke attribute; the page's stylesheets
		// draw the line in currentColor.
		expect(svg.outerHTML).not.toMatch(/style=/);
		expect(svg.querySelector('path')!.hasAttribute('stroke')).toBe(false);
		const css = page('sample', 'metrics')
			.querySelectorAll('link[rel="stylesheet"]')
			.map((link) => readFileSync(join(outDir('sample'), link.getAttribute('href')!), 'utf8'))
			.join('\n');
		expect(css).toMatch(/\.sparkline path\{[^}]*stroke:currentColor/);
	});

	it('a team’s metrics and a person’s metrics table have one per metric', () => {
		const team = page('sample', 'teams/payments');
		const teamRows = team.querySelectorAll('.team-metrics tbody tr');
		expect(teamRows.length).toBeGreaterThan(0);
		for (const row of teamRows) expect(row.querySelector('svg.sparkline')).not.toBeNull();
		const person = page('sample', 'people/ana');
		const personRows = person.querySelectorAll('td[data-label="Trend"]');
		expect(personRows.length).toBeGreaterThan(0);
		for (const cell of personRows) expect(cell.querySelector('svg.sparkline')).not.toBeNull();
	});

	it('each metric row of an entry page shows the series around the entry, the entry marked', () => {
		const entry = journal.entries.find((e) => e.id === 'smart-retries-holdout')!;
		const html = page('sample', `entries/${entry.id}`);
		const rows = html.querySelectorAll('.card-table tbody tr');
		expect(rows).toHaveLength(entry.data!.metrics!.length);
		for (const row of rows) {
			const svg = row.querySelector('svg.sparkline')!;
			expect(svg.querySelector('circle.mark')).not.toBeNull();
			expect(svg.getAttribute('aria-label')).toContain('this entry,');
		}
	});

	it('stay within a few kB per page, however long the series', () => {
		for (const path of [
			'metrics',
			'teams/payments',
			'people/ana',
			'entries/smart-retries-holdout',
		]) {
			const count = sparklines(path).length;
			expect(count, path).toBeGreaterThan(0);
			expect(sparklineBytes(path) / count, path).toBeLessThan(900);
			expect(sparklineBytes(path), path).toBeLessThan(16 * 1024);
		}
	});
});

describe('metric ranges', () => {
	const id = 'checkout-conversion';

	it('link 3, 6, 12 months and all time from every range, the current one marked', () => {
		for (const range of ['', '3m/', '6m/', '12m/']) {
			const html = page('sample', `metrics/${id}/${range}`);
			const links = html.querySelectorAll('nav.ranges a');
			expect(links.map((a) => a.getAttribute('href'))).toEqual([
				`/metrics/${id}/3m/`,
				`/metrics/${id}/6m/`,
				`/metrics/${id}/12m/`,
				`/metrics/${id}/`,
			]);
			const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
			expect(current.map((a) => a.getAttribute('href'))).toEqual([`/metrics/${id}/${range}`]);
		}
	});

	it('show only the range’s values, and state the change over it in words and numbers', () => {
		// Today is 2026-11-24: three months back is 2026-08-24.
		const inRange = csv(id).filter(([date]) => date! >= '2026-08-24');
		const html = page('sample', `metrics/${id}/3m`);
		const rows = html.querySelectorAll('.history-table tbody tr');
		expect(rows).toHaveLength(inRange.length);
		const change = textOf(html.querySelector('.range-change'));
		const [first, last] = [Number(inRange[0]![1]), Number(inRange.at(-1)![1])];
		expect(change).toContain(`${first}%`);
		expect(change).toContain(`${last}%`);
		// Conversion: higher is better.
		expect(change).toMatch(
			last > first ? /, better\.$/ : last < first ? /, worse\.$/ : /no change/,
		);
		expect(change).toMatch(/^Change over the last 3 months, 24 Aug 2026 to 24 Nov 2026: /);
		expect(textOf(page('sample', `metrics/${id}`).querySelector('.range-change'))).toMatch(
			/^Change over all time: /,
		);
		const all = page('sample', `metrics/${id}`).querySelectorAll('.history-table tbody tr');
		expect(all.length).toBeGreaterThan(rows.length);
	});

	it('says which entries the chart marks, in the number they are', () => {
		// The minimal journal's latency is reported by one published entry, the sample's by several.
		expect(textOf(page('minimal', 'metrics/latency'))).toContain(
			'The chart marks the 1 entry that reports this metric with ▲',
		);
		expect(textOf(page('sample', `metrics/${id}`))).toMatch(
			/The chart marks each of the \d+ entries that report this metric with ▲/,
		);
	});

	it('the legend names every mark: line, entry marker, dotted ship-date line', () => {
		const legend = textOf(page('sample', `metrics/${id}`).querySelector('.chart-legend'));
		expect(legend).toContain('entry (select to open)');
		expect(legend).toContain('date an entry shipped');
	});
});

describe('history page', () => {
	it('says “No metrics recorded” once for an entry without metrics', () => {
		for (const person of journal.people) {
			const html = page('sample', `people/${person.id}/history`);
			for (const article of html.querySelectorAll('[data-history-item]'))
				expect(textOf(article).match(/no metrics recorded/gi)?.length ?? 0).toBeLessThanOrEqual(1);
		}
	});

	it('says in print that permalinks are relative when site is not set', () => {
		const note = page('sample', 'people/ana/history').querySelector('.relative-note');
		expect(textOf(note)).toContain('Permalinks are relative');
	});
});
