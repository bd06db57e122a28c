import { describe, expect, it } from 'vitest';
import { parseSeries } from '../../src/lib/content/series.ts';
import { checkJournal } from '../../src/lib/content/check.ts';
import { makeJournal } from '../helpers.ts';

const FILE = 'metrics/latency.csv';
const problems = (text: string) =>
	parseSeries(text, FILE).problems.map((p) => `${p.line} ${p.field ?? '-'}: ${p.message}`);

describe('metric CSV series', () => {
	it('reads dates and numbers, an empty value as a gap', () => {
		const { points, problems } = parseSeries(
			'date,value\n2026-01-05,1930\n2026-01-12,\n2026-01-19,-0.5\n2026-01-26,1.2e3\n',
			FILE,
		);
		expect(problems).toEqual([]);
		expect(points).toEqual([
			{ date: '2026-01-05', value: 1930 },
			{ date: '2026-01-12', value: null },
			{ date: '2026-01-19', value: -0.5 },
			{ date: '2026-01-26', value: 1200 },
		]);
	});

	it('accepts a byte-order mark, Windows line ends and blank lines', () => {
		const { points, problems } = parseSeries(
			'\uFEFFdate,value\r\n2026-01-05,1930\r\n\r\n2026-01-12,1916\r\n',
			FILE,
		);
		expect(problems).toEqual([]);
		expect(points.map((p) => p.value)).toEqual([1930, 1916]);
	});

	it('reads the header in any case, spaces around the names allowed', () => {
		for (const header of ['Date,Value', 'DATE,VALUE', 'date, value'])
			expect(parseSeries(`${header}\n2026-01-05,1930\n`, FILE)).toEqual({
				points: [{ date: '2026-01-05', value: 1930 }],
				problems: [],
			});
	});

	it('needs the header date,value', () => {
		expect(problems('day,ms\n2026-01-05,1930\n')).toEqual([
			'1 -: expected the header "date,value", found "day,ms".',
		]);
		expect(problems('')).toEqual(['1 -: expected the header "date,value", found an empty file.']);
	});

	it('names the line of every bad row, not just the first', () => {
		expect(
			problems(
				[
					'date,value',
					'2026-01-05,1930', // 2
					'2026-02-30,1900', // 3: no such day
					'05/01/2026,1900', // 4: not YYYY-MM-DD
					'2026-01-12,12 ms', // 5: a unit
					'2026-01-19,"1,916"', // 6: a thousands separator
					'2026-01-26,0x10', // 7: hex
					'2026-01-26,1800', // 8: the same date again
					'2026-01-20,1700', // 9: goes back in time
					'2026-02-02,1600,extra', // 10: a third column
				].join('\n'),
			),
		).toEqual([
			'3 date: "2026-02-30" is not a date as YYYY-MM-DD.',
			'4 date: "05/01/2026" is not a date as YYYY-MM-DD.',
			'5 value: "12 ms" is not a number such as 1930 or -0.25 (no units or thousands separators); leave it empty for a gap.',
			'6 value: "1,916" is not a number such as 1930 or -0.25 (no units or thousands separators); leave it empty for a gap.',
			'7 value: "0x10" is not a number such as 1930 or -0.25 (no units or thousands separators); leave it empty for a gap.',
			'8 date: 2026-01-26 appears twice; give each date one row.',
			'9 date: 2026-01-20 is not after 2026-01-26; rows must be in ascending date order.',
			'10 -: expected 2 columns (date,value), got 3.',
		]);
	});

	it('reports a CSV syntax error with its line', () => {
		expect(problems('date,value\n2026-01-05,1930\n2026-01-12,"19\n')).toEqual([
			expect.stringMatching(/^3 -: CSV syntax error/),
		]);
	});

	it('npm run check reports CSV problems as errors with the file and line', () => {
		const root = makeJournal({
			'metrics/latency.csv': 'date,value\n2026-01-05,1930\n2026-01-05,1931\n',
			'metrics/orphan.csv': 'date,value\n2026-01-05,1\n',
		});
		const found = checkJournal(root, '2025-12-15').problems.filter((p) => p.severity === 'error');
		expect(found.map((p) => [p.file, p.line, p.field])).toEqual([
			['metrics/latency.csv', 3, 'date'],
			['metrics/orphan.csv', 1, null],
		]);
	});
});
