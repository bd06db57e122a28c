/**
 * Each metric's history, for the metric pages: a module of its own so that no other page reads
 * the CSV series (see rollups.ts).
 */
import { readSeries } from '../lib/content/load.ts';
import { getMetricTimeline } from '../lib/facts/metric-timeline.ts';
import { byMetric } from './measurements.ts';
import { contentRoot, metrics } from './site.ts';

/** Metric id → its CSV series (only for metrics the journal defines). */
const series = readSeries(contentRoot);
/** Metric id → its history: CSV series or measurements, with a marker per published entry. */
export const timelines = new Map(
	[...metrics.keys()].map((id) => [id, getMetricTimeline(byMetric.get(id) ?? [], series.get(id))]),
);
