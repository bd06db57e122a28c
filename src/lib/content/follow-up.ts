/**
 * When the format says an entry's result, or a next step, is due: the checker warns about both, and
 * the site and exports show the same dates.
 */
import { addDays } from '../utils/dates.ts';
import type { Entry, NextStep } from './schema.ts';

/** The date by which the result should be read: `measure_by`, or `date` + `followUpDays`. */
export function measureBy(entry: Pick<Entry, 'date' | 'measure_by'>, followUpDays: number): string {
	return entry.measure_by ?? addDays(entry.date, followUpDays);
}

/** Shipped or measuring, and its measure-by date is before today. */
export function isDueForFollowUp(
	entry: Pick<Entry, 'status' | 'date' | 'measure_by'>,
	today: string,
	followUpDays: number,
): boolean {
	return (
		(entry.status === 'shipped' || entry.status === 'measuring') &&
		measureBy(entry, followUpDays) < today
	);
}

/** Not done and due before today. */
export function isOverdue(step: NextStep, today: string): boolean {
	return !step.done && step.due !== undefined && step.due < today;
}
