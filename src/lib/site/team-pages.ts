/**
 * When a team's entries get a page per year. Up to PAGE_SIZE.teamEntries entries the team page
 * lists them all, folded by year; a larger team's page links `/teams/<id>/<year>/` for each year
 * instead, and keeps its counts, loop health and everything else.
 */
import { PAGE_SIZE } from './page-size.ts';

export const splitsByYear = (entries: readonly unknown[]): boolean =>
	entries.length > PAGE_SIZE.teamEntries;
