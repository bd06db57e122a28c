/**
 * Each metric's measurements, in a module of their own: an entry page reads them (its metrics
 * table draws each metric's trend, timelines.ts), and `astro dev` recomputes what that page
 * imports after every saved edit, so it must not import the other roll-ups (rollups.ts).
 */
import { groupByMetric, newestFirst } from '../lib/facts/rollups.ts';
import { entries, metrics } from './site.ts';

/** Metric id → its measurements, oldest first (the order timelines and latestResult read). */
export const byMetric = groupByMetric(entries, metrics);
/** Metric id → its measurements newest first, as its page lists them (page 1: the latest). */
export const byMetricNewest = new Map([...byMetric].map(([id, list]) => [id, newestFirst(list)]));
