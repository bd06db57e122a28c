/** metrics/<id>.csv: a metric's history exported from a dashboard (`date,value` rows). */
import { parse } from 'csv-parse/sync';
import { isRealDate } from '../utils/dates.ts';
import { excerpt, quote } from '../utils/quote.ts';
import { numberProblem } from './numbers.ts';
import type { Problem } from './problems.ts';

/** A plain decimal number, optionally with an exponent: what a dashboard export writes. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface SeriesPoint {
	date: string;
	/** null where the export has a gap. */
	value: number | null;
}

/** Parses a series; every bad row becomes a problem naming its line. */
export function parseSeries(
	text: string,
	file: string,
): { points: SeriesPoint[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const points: SeriesPoint[] = [];
	const error = (line: number, field: string | null, message: string) =>
		problems.push({ file, line, field, severity: 'error', message });
	// With `info: true` each record comes with its line; csv-parse's types do not model that.
	type Row = { record: string[]; info: { lines: number } };
	let records: Row[];
	try {
		records = parse(text, {
			// Spreadsheet exports often start with a byte-order mark.
			bom: true,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
		}) as unknown as Row[];
	} catch (err) {
		const line = (err as { lines?: number }).lines ?? 1;
		error(line, null, `CSV syntax error: ${excerpt((err as Error).message)}`);
		return { points, problems };
	}
	const [header, ...rows] = records;
	// A spreadsheet's export may capitalise its column names (Date,Value): same columns.
	if (!header || header.record.join(',').toLowerCase() !== 'date,value') {
		const found = header ? `, found ${quote(header.record.join(','))}` : ', found an empty file';
		error(header?.info.lines ?? 1, null, `expected the header "date,value"${found}.`);
		return { points, problems };
	}
	let previous = '';
	for (const { record, info } of rows) {
		const line = info.lines;
		const [date = '', value = '', ...extra] = record;
		if (extra.length) error(line, null, `expected 2 columns (date,value), got ${record.length}.`);
		if (!isRealDate(date)) {
			error(line, 'date', `${quote(date)} is not a date as YYYY-MM-DD.`);
			continue;
		}
		if (date === previous) error(line, 'date', `${date} appears twice; give each date one row.`);
		else if (date < previous)
			error(
				line,
				'date',
				`${date} is not after ${previous}; rows must be in ascending date order.`,
			);
		previous = date > previous ? date : previous;
		if (value !== '' && !NUMBER.test(value)) {
			error(
				line,
				'value',
				`${quote(value)} is not a number such as 1930 or -0.25 (no units or thousands separators); leave it empty for a gap.`,
			);
			continue;
		}
		const number = value === '' ? null : Number(value);
		const inexact = number === null ? undefined : numberProblem(value, number);
		if (inexact) {
			error(line, 'value', inexact);
			continue;
		}
		points.push({ date, value: number });
	}
	return { points, problems };
}
