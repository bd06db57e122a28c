/** The environment variables every tool honours (see docs/cli.md). */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRealDate, localToday } from '../utils/dates.ts';
import type { Audience } from './audience.ts';
import type { z } from 'astro/zod';
import { JournalSchema, type Journal } from './schema.ts';

/** A bad environment variable or flag: the caller prints the message and exits 2. */
export class UsageError extends Error {}

type Env = Record<string, string | undefined>;

/** `JOURNAL_CONTENT` (absolute or relative to `cwd`), else `./content`. */
export function getContentRoot(env: Env = process.env, cwd = process.cwd()): string {
	return resolve(cwd, env.JOURNAL_CONTENT || 'content');
}

/** `root` itself, if it is an existing folder: the build and every command need one. */
export function requireContentFolder(root: string): string {
	if (!existsSync(root) || !statSync(root).isDirectory())
		throw new UsageError(
			`Content folder ${root} does not exist. Pass --content DIR or set JOURNAL_CONTENT.`,
		);
	return root;
}

/** `JOURNAL_TODAY`, else the real local date. */
export function getToday(env: Env = process.env): string {
	const value = env.JOURNAL_TODAY;
	if (!value) return localToday();
	if (!isRealDate(value))
		throw new UsageError(`JOURNAL_TODAY="${value}" is not a date as YYYY-MM-DD.`);
	return value;
}

/**
 * `JOURNAL_AUDIENCE` (`internal` or `public`) when set, else journal.yml's `audience`
 * (`configured`), which defaults to `internal`.
 */
export function getAudience(
	env: Env = process.env,
	configured: Pick<Journal, 'audience'> = { audience: 'internal' },
): Audience {
	const value = env.JOURNAL_AUDIENCE || configured.audience;
	if (value !== 'internal' && value !== 'public') {
		throw new UsageError(`JOURNAL_AUDIENCE="${value}" must be "internal" or "public".`);
	}
	return value;
}

/**
 * Where the site is served: journal.yml's `base` and `site`, unless `JOURNAL_BASE` or
 * `JOURNAL_SITE` is set. A deploy workflow knows these from its host (GitHub Pages serves a
 * project at `/<repo>/`), so it sets them without editing the journal.
 */
export function getSiteLocation(
	config: Pick<Journal, 'base' | 'site'>,
	env: Env = process.env,
): Pick<Journal, 'base' | 'site'> {
	const { base, site } = JournalSchema.shape;
	return {
		base: env.JOURNAL_BASE ? parseVariable('JOURNAL_BASE', base, env.JOURNAL_BASE) : config.base,
		site: env.JOURNAL_SITE ? parseVariable('JOURNAL_SITE', site, env.JOURNAL_SITE) : config.site,
	};
}

/** A variable checked by the same schema as the journal.yml key it overrides. */
function parseVariable<T>(name: string, schema: z.ZodType<T>, value: string): T {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	throw new UsageError(`${name}="${value}": ${parsed.error.issues[0]?.message}.`);
}

/** `JOURNAL_SEARCH`: `1` (default) builds the search index, `0` skips it (faster test builds). */
export function isSearchEnabled(env: Env = process.env): boolean {
	const value = env.JOURNAL_SEARCH || '1';
	if (value !== '0' && value !== '1') {
		throw new UsageError(
			`JOURNAL_SEARCH="${value}" must be "1" (build the index) or "0" (skip it).`,
		);
	}
	return value === '1';
}

/** One part of a sharded build (see `JOURNAL_SHARD` in docs/cli.md). */
export type Shard = { kind: 'year'; year: string } | { kind: 'lists' };

/**
 * `JOURNAL_SHARD`: unset builds the whole site; `year:YYYY` only the pages of the entries dated
 * that year; `lists` every other page. `npm run shards -- merge` joins the parts into one site.
 */
export function getShard(env: Env = process.env): Shard | undefined {
	const value = env.JOURNAL_SHARD;
	if (!value) return undefined;
	if (value === 'lists') return { kind: 'lists' };
	const year = /^year:(\d{4})$/.exec(value)?.[1];
	if (year) return { kind: 'year', year };
	throw new UsageError(
		`JOURNAL_SHARD="${value}" must be "year:YYYY" (one year's entry pages) or "lists" (every other page).`,
	);
}

/** The shard's name in folder names: `lists`, `year-2024`. */
export function shardName(shard: Shard): string {
	return shard.kind === 'lists' ? 'lists' : `year-${shard.year}`;
}
