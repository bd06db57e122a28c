/**
 * A deterministic synthetic journal for the benchmark: the same size and seed always give the
 * same files, byte for byte, and the same git history. Its shape follows a real organisation's
 * journal: about 2% people, 0.2% teams, 1% features and 0.5% metrics relative to entries,
 * entries over five years in `entries/<year>/<team>/`. Entries come in three shapes (`SHAPES`),
 * since a journal of terse notes and one of long write-ups load a build differently.
 */
import { AUTHOR_ROLES, METHODS } from '../../src/lib/content/vocabulary.ts';
import { addDays, daysBetween } from '../../src/lib/utils/dates.ts';
import {
	CODE_SAMPLES,
	FEATURE_ADJECTIVES,
	FEATURE_NOUNS,
	FIRST_NAMES,
	JOB_TITLES,
	LAST_NAMES,
	METRIC_KINDS,
	TEAM_AREAS,
	TITLE_ENDINGS,
	TITLE_OBJECTS,
	TITLE_THINGS,
	TITLE_VERBS,
	WINDOWS,
} from './names.ts';
import { createRandom, createZipf, type Random } from './random.ts';
import { countWords, createWriter, VOCABULARY, type Writer } from './text.ts';

/** First day of the five years of entries (a Monday, so weeks line up). */
export const FIRST_DAY = '2021-01-04';
/** Days covered by entries. */
const SPAN_DAYS = 5 * 365;
/** The "today" every measurement runs with, a few weeks after the last entry. */
export const BENCH_TODAY = '2026-01-20';

/** Share of entries for each kind of file (the shape of a real journal). */
export const SHAPE = { people: 0.02, teams: 0.002, features: 0.01, metrics: 0.005 } as const;

/**
 * How entries are written. `typical` is the shape of a real journal; `short` entries are notes
 * with no code and few metrics; `long` ones are write-ups with tables and several code blocks.
 */
export const SHAPES = {
	typical: { words: { min: 150, max: 600 }, maxMetrics: 3 },
	short: { words: { min: 50, max: 150 }, maxMetrics: 1 },
	long: { words: { min: 600, max: 1500 }, maxMetrics: 3 },
} as const;

export type Shape = keyof typeof SHAPES;
export const SHAPE_NAMES = Object.keys(SHAPES) as Shape[];

/** One commit of the journal's history. */
export interface Commit {
	/** YYYY-MM-DD; the commit is made at noon UTC that day. */
	date: string;
	author: { name: string; email: string };
	message: string;
	/** Path (relative to the journal root) → content at this commit. */
	files: Map<string, string>;
}

/** What the bench needs to know about an entry without parsing it again. */
export interface GeneratedEntry {
	slug: string;
	/** Path relative to the journal root. */
	file: string;
	title: string;
	draft: boolean;
	/** Earlier slugs that redirect here (their pages are not entry pages). */
	aliases: string[];
}

export interface GeneratedJournal {
	/** Path relative to the journal root → final content. */
	files: Map<string, string>;
	/** Oldest first; replaying them yields `files`. */
	commits: Commit[];
	entries: GeneratedEntry[];
}

/** A word of the vocabulary that many entries contain but far from all: a typical search. */
export const TYPICAL_QUERY = 'rollout';

interface Person {
	id: string;
	name: string;
	team: string;
}

interface MetricDef {
	id: string;
	kind: (typeof METRIC_KINDS)[number];
}

/** How many of each kind of file a journal of `entries` entries has. */
export function countsFor(entries: number) {
	return {
		entries,
		people: Math.max(3, Math.round(entries * SHAPE.people)),
		teams: Math.max(1, Math.round(entries * SHAPE.teams)),
		features: Math.max(1, Math.round(entries * SHAPE.features)),
		metrics: Math.max(1, Math.round(entries * SHAPE.metrics)),
	};
}

/** Generates a journal of `entries` entries of one shape from `seed`. */
export function generateJournal(
	entries: number,
	seed: number,
	shape: Shape = 'typical',
): GeneratedJournal {
	const random = createRandom(seed);
	const writer = createWriter(random);
	const counts = countsFor(entries);
	const setup = new Map<string, string>([['journal.yml', journalYml(entries)]]);

	const teamIds = unique(
		Array.from({ length: counts.teams }, (_, i) => TEAM_AREAS[i % TEAM_AREAS.length]!),
	).map((name) => ({ id: toId(name), name }));
	const people: Person[] = [];
	const usedIds = new Set<string>();
	for (let i = 0; i < counts.people; i++) {
		const first = random.pick(FIRST_NAMES);
		const last = random.pick(LAST_NAMES);
		const id = uniqueId(toId(`${first} ${last}`), usedIds);
		people.push({ id, name: `${first} ${last}`, team: teamIds[i % teamIds.length]!.id });
	}
	for (const person of people) {
		setup.set(
			`people/${person.id}.yml`,
			`name: ${person.name}\ntitle: ${random.pick(JOB_TITLES)}\nteam: ${person.team}\ngithub: ${person.id.replace('-', '')}\n`,
		);
	}
	const membersOf = Map.groupBy(people, (p) => p.team);
	for (const team of teamIds) {
		setup.set(
			`teams/${team.id}.yml`,
			`name: ${team.name}\ndescription: ${writer.sentences(random.int(8, 20))}\nlead: ${membersOf.get(team.id)![0]!.id}\n`,
		);
	}

	const featureIds = new Set<string>();
	const featuresOf = new Map<string, string[]>();
	for (let i = 0; i < counts.features; i++) {
		const { id, name } = uniqueName(
			`${random.pick(FEATURE_ADJECTIVES)} ${random.pick(FEATURE_NOUNS)}`,
			featureIds,
		);
		const team = random.pick(teamIds).id;
		featuresOf.set(team, [...(featuresOf.get(team) ?? []), id]);
		const launched = addDays(FIRST_DAY, random.int(0, SPAN_DAYS));
		setup.set(
			`features/${id}.md`,
			`---\nname: ${name}\nteam: ${team}\nstatus: ${random.pick(['launched', 'launched', 'building', 'planned', 'retired'])}\nflag: ${team}.${id.replaceAll('-', '_')}\nlaunched: ${launched}\n---\n${writer.sentences(random.int(30, 80))}\n`,
		);
	}

	const metricIds = new Set<string>();
	const metrics: MetricDef[] = [];
	for (let i = 0; i < counts.metrics; i++) {
		const kind = random.pick(METRIC_KINDS);
		const { id, name } = uniqueName(`${random.pick(teamIds).name} ${kind.suffix}`, metricIds);
		metrics.push({ id, kind });
		setup.set(
			`metrics/${id}.yml`,
			`name: ${name}\nunit: '${kind.unit}'\ndirection: ${kind.direction}\ndescription: ${writer.sentences(random.int(8, 16))}\nsource: https://dashboards.example.com/d/${id}\n`,
		);
		setup.set(`metrics/${id}.csv`, weeklySeries(random, kind));
	}

	const tagPool = unique([
		...'latency checkout experiment rollout onboarding reliability cost refunds activation incident research mobile'.split(
			' ',
		),
		// Rarer words make rarer tags.
		...VOCABULARY.slice(300, 300 + Math.max(20, Math.round(entries * 0.005))),
	]);
	const tagRank = createZipf(random, tagPool.length, 1.1);

	const days = Array.from({ length: entries }, () => random.int(0, SPAN_DAYS - 1)).sort(
		(a, b) => a - b,
	);
	const generated: GeneratedEntry[] = [];
	const files = new Map(setup);
	const recentByTeam = new Map<string, string[]>();
	// Week number → files first committed (or rewritten) that week.
	const byWeek = new Map<number, Map<string, string>>();
	const commitIn = (date: string, path: string, text: string) => {
		const week = Math.floor(daysBetween(FIRST_DAY, date) / 7);
		if (!byWeek.has(week)) byWeek.set(week, new Map());
		byWeek.get(week)!.set(path, text);
	};
	for (const [i, offset] of days.entries()) {
		const date = addDays(FIRST_DAY, offset);
		const entry = makeEntry({
			random,
			writer,
			i,
			date,
			people,
			membersOf,
			teamIds,
			featuresOf,
			metrics,
			tagPool,
			tagRank,
			recentByTeam,
			shape,
		});
		generated.push(entry.info);
		files.set(entry.info.file, entry.text);
		// Some entries are written in two steps, as engineers do: the change, then weeks later the result.
		if (entry.draftText && entry.revisedOn < BENCH_TODAY) {
			commitIn(date, entry.info.file, entry.draftText);
			commitIn(entry.revisedOn, entry.info.file, entry.text);
		} else commitIn(date, entry.info.file, entry.text);
	}

	const commits: Commit[] = [
		{
			date: addDays(FIRST_DAY, -7),
			author: authorOf(people[0]!),
			message: 'Set up the journal: people, teams, features and metrics',
			files: setup,
		},
	];
	for (const week of [...byWeek.keys()].sort((a, b) => a - b)) {
		const changed = byWeek.get(week)!;
		const author = authorOf(random.pick(people));
		commits.push({
			date: addDays(FIRST_DAY, week * 7 + 6),
			author,
			message: `Entries for the week of ${addDays(FIRST_DAY, week * 7)} (${changed.size} files)`,
			files: changed,
		});
	}
	return { files, commits, entries: generated };
}

interface EntryContext {
	random: Random;
	writer: Writer;
	i: number;
	date: string;
	people: Person[];
	membersOf: Map<string, Person[]>;
	teamIds: { id: string; name: string }[];
	featuresOf: Map<string, string[]>;
	metrics: MetricDef[];
	tagPool: string[];
	tagRank: () => number;
	recentByTeam: Map<string, string[]>;
	shape: Shape;
}

const STATUS_OLD = [
	'measured',
	'measured',
	'measured',
	'measured',
	'inconclusive',
	'reverted',
	'shipped',
	'measuring',
] as const;
const STATUS_RECENT = ['shipped', 'shipped', 'measuring', 'measuring', 'measured'] as const;
function makeEntry(ctx: EntryContext) {
	const { random, writer, date, people } = ctx;
	const team = random.chance(0.9) ? random.pick(ctx.teamIds).id : undefined;
	const crew = (team && ctx.membersOf.get(team)) || people;
	const title = [
		random.pick(TITLE_VERBS),
		'the',
		random.pick(TITLE_OBJECTS),
		random.pick(TITLE_THINGS),
		random.pick(TITLE_ENDINGS),
	]
		.filter(Boolean)
		.join(' ');
	const slug = `${toId(title.split(' ').slice(0, 5).join(' '))}-${ctx.i + 1}`;
	const year = date.slice(0, 4);
	const file = `entries/${year}/${team ? `${team}/` : ''}${slug}.md`;
	const recent = daysBetween(date, BENCH_TODAY) < 90;
	const status = random.pick(recent ? STATUS_RECENT : STATUS_OLD);
	const authors = random.sample(crew, random.int(1, Math.min(3, crew.length)));
	const withRoles = random.chance(0.5);
	const lines: string[] = ['---', `title: ${title}`, `date: ${date}`];
	if (withRoles) {
		lines.push('authors:');
		authors.forEach((a, n) =>
			lines.push(
				`  - person: ${a.id}`,
				`    role: ${n === 0 ? 'lead' : random.pick(AUTHOR_ROLES)}`,
			),
		);
	} else lines.push(`authors: [${authors.map((a) => a.id).join(', ')}]`);
	if (team) lines.push(`team: ${team}`);
	const features = team ? ctx.featuresOf.get(team) : undefined;
	if (features?.length && random.chance(0.6))
		lines.push(`features: [${random.sample(features, random.int(1, 2)).join(', ')}]`);
	lines.push(`status: ${status}`);
	const measured = status === 'measured' || status === 'inconclusive' || status === 'reverted';
	if (measured || random.chance(0.5))
		lines.push(`summary: ${writer.sentences(random.int(10, 24))}`);

	const results = random.int(measured ? 1 : 0, SHAPES[ctx.shape].maxMetrics);
	const metricRows: string[] = [];
	if (results) lines.push('metrics:');
	for (const metric of random.sample(ctx.metrics, results)) {
		const { kind } = metric;
		const before = round(kind.min + random.next() * (kind.max - kind.min), kind.decimals);
		const better = kind.direction === 'up' ? 1 : -1;
		const shift =
			status === 'reverted'
				? -better
				: status === 'inconclusive'
					? (random.chance(0.5) ? 1 : -1) * 0.1
					: better;
		const after = round(before * (1 + (shift * random.int(2, 30)) / 100), kind.decimals);
		lines.push(`  - metric: ${metric.id}`, `    before: ${before}`);
		if (measured) {
			lines.push(`    after: ${after}`);
			if (random.chance(0.3))
				lines.push(`    target: ${round(before * (1 + better * 0.1), kind.decimals)}`);
			// A result is read on or before today; the same draw either way keeps the rest alike.
			const measuredOn = addDays(date, random.int(14, 45));
			if (measuredOn <= BENCH_TODAY) lines.push(`    measured_on: ${measuredOn}`);
		}
		lines.push(`    window: ${random.pick(WINDOWS)}`, `    method: ${random.pick(METHODS)}`);
		if (random.chance(0.5))
			lines.push(`    source: https://dashboards.example.com/d/${metric.id}?from=${date}`);
		if (random.chance(0.2)) lines.push(`    note: ${writer.sentences(random.int(6, 14))}`);
		metricRows.push(`| ${metric.id} | ${before} | ${measured ? after : 'pending'} |`);
	}

	const steps = random.int(0, 3);
	if (steps) lines.push('next:');
	for (let s = 0; s < steps; s++) {
		const due = addDays(date, random.int(14, 90));
		const done = due < addDays(BENCH_TODAY, -30) ? random.chance(0.85) : random.chance(0.3);
		lines.push(
			`  - step: ${writer.sentences(random.int(5, 12))}`,
			`    owner: ${random.pick(crew).id}`,
			`    due: ${due}`,
			`    done: ${done}`,
		);
	}
	if (random.chance(0.2)) lines.push(`measure_by: ${addDays(date, random.int(21, 60))}`);
	const teamKey = team ?? '';
	const recentSlugs = ctx.recentByTeam.get(teamKey) ?? [];
	if (recentSlugs.length && random.chance(0.3)) lines.push(`follows: ${random.pick(recentSlugs)}`);
	const links = random.int(0, 2);
	if (links) lines.push('links:');
	for (let l = 0; l < links; l++)
		lines.push(
			`  - label: PR ${random.int(100, 99999)}`,
			`    url: https://git.example.com/${teamKey || 'shared'}/pull/${random.int(100, 99999)}`,
		);
	const tags = unique(Array.from({ length: random.int(1, 4) }, () => ctx.tagPool[ctx.tagRank()]!));
	lines.push(`tags: [${tags.join(', ')}]`);
	const aliases = random.chance(0.02) ? [`${slug}-old`] : [];
	if (aliases.length) lines.push(`aliases: [${aliases.join(', ')}]`);
	if (measured && random.chance(0.3)) {
		const verifier = random.pick(people.filter((p) => !authors.includes(p)));
		if (verifier)
			lines.push(
				'verified_by:',
				`  person: ${verifier.id}`,
				`  on: ${addDays(date, random.int(20, 50))}`,
			);
	}
	lines.push(`visibility: ${random.chance(0.4) ? 'public' : 'internal'}`);
	const draft = random.chance(0.01);
	if (draft) lines.push('draft: true');
	lines.push('---');
	if (!draft) ctx.recentByTeam.set(teamKey, [...recentSlugs.slice(-19), slug]);

	const { body, firstSection } = (ctx.shape === 'typical' ? makeBody : makeShapedBody[ctx.shape])(
		random,
		writer,
		metricRows,
	);
	const frontmatter = lines.join('\n');
	const revisedOn = addDays(date, random.int(14, 70));
	return {
		info: { slug, file, title, draft, aliases },
		text: `${frontmatter}\n${body}`,
		// The first version: the same frontmatter with only "What we did" written.
		draftText: measured && random.chance(0.5) ? `${frontmatter}\n${firstSection}` : undefined,
		revisedOn,
	};
}

/** A typical body of 150–600 words: three sections, with lists, a table or code in some. */
function makeBody(random: Random, writer: Writer, metricRows: string[]) {
	const { min, max } = SHAPES.typical.words;
	const target = random.int(min, max);
	const list = random.chance(0.5)
		? Array.from(
				{ length: random.int(3, 5) },
				() => `- ${writer.sentences(random.int(4, 10))}`,
			).join('\n')
		: '';
	const table =
		metricRows.length && random.chance(0.5)
			? ['| Metric | Before | After |', '| --- | ---: | ---: |', ...metricRows].join('\n')
			: '';
	const code = random.chance(0.15) ? random.pick(CODE_SAMPLES).join('\n') : '';
	const sub = random.chance(0.3)
		? `### ${writer.sentences(random.int(2, 5)).replace(/\.$/, '')}`
		: '';
	return assembleBody(writer, target, { list, sub, table, code });
}

/** The parts of a body besides its prose. */
interface BodyParts {
	list: string;
	sub: string;
	table: string;
	code: string;
}

/** Three sections around `parts`, with prose filling them to exactly `target` words. */
function assembleBody(writer: Writer, target: number, { list, sub, table, code }: BodyParts) {
	const fixed = ['## What we did', list, '## What happened', sub, table, code, "## What's next"];
	const proseWords = Math.max(0, target - countWords(fixed.join('\n')));
	const did = Math.round(proseWords * 0.4);
	const happened = Math.round(proseWords * 0.4);
	const prose = [did, happened, proseWords - did - happened].map((n) =>
		n ? writer.sentences(n) : '',
	);
	const sections = [
		['## What we did', prose[0], list],
		['## What happened', sub, prose[1], table, code],
		["## What's next", prose[2]],
	].map((parts) => parts.filter(Boolean).join('\n\n'));
	return { body: `${sections.join('\n\n')}\n`, firstSection: `${sections[0]}\n` };
}

/** Bodies of the other shapes; `typical` keeps its own draws, so its journals stay as they were. */
const makeShapedBody = {
	/** 50–150 words: prose and at most a short list, no table, no code. */
	short(random: Random, writer: Writer) {
		const { min, max } = SHAPES.short.words;
		const target = random.int(min, max);
		const list = random.chance(0.3)
			? Array.from({ length: 2 }, () => `- ${writer.sentences(random.int(3, 6))}`).join('\n')
			: '';
		return assembleBody(writer, target, { list, sub: '', table: '', code: '' });
	},
	/** 600–1,500 words: a list, one or two tables, and two to four code blocks. */
	long(random: Random, writer: Writer, metricRows: string[]) {
		const { min, max } = SHAPES.long.words;
		const target = random.int(min, max);
		const list = Array.from(
			{ length: random.int(4, 8) },
			() => `- ${writer.sentences(random.int(5, 12))}`,
		).join('\n');
		const tables = [stepTable(random, writer)];
		if (metricRows.length)
			tables.unshift(
				['| Metric | Before | After |', '| --- | ---: | ---: |', ...metricRows].join('\n'),
			);
		const code = random
			.sample(CODE_SAMPLES, random.int(2, 4))
			.map((sample) => sample.join('\n'))
			.join('\n\n');
		const sub = `### ${writer.sentences(random.int(2, 5)).replace(/\.$/, '')}`;
		return assembleBody(writer, target, { list, sub, table: tables.join('\n\n'), code });
	},
};

/** A table of rollout steps with a number per step, as long write-ups have. */
function stepTable(random: Random, writer: Writer): string {
	const rows = Array.from(
		{ length: random.int(3, 6) },
		(_, i) => `| ${i + 1} | ${writer.words(random.int(2, 5))} | ${random.int(1, 100)}% |`,
	);
	return ['| Step | What | Traffic |', '| ---: | --- | ---: |', ...rows].join('\n');
}

function weeklySeries(random: Random, kind: (typeof METRIC_KINDS)[number]): string {
	const rows = ['date,value'];
	let value = kind.min + random.next() * (kind.max - kind.min);
	for (let week = 0; week * 7 <= SPAN_DAYS + 14; week++) {
		value = Math.min(kind.max, Math.max(kind.min, value * (1 + (random.next() - 0.5) * 0.06)));
		rows.push(
			`${addDays(FIRST_DAY, week * 7)},${random.chance(0.02) ? '' : round(value, kind.decimals)}`,
		);
	}
	return `${rows.join('\n')}\n`;
}

function journalYml(entries: number): string {
	return `title: Bench Journal (${entries} entries)\ndescription: A synthetic journal for the benchmark.\nfollow_up_days: 30\nedit_url: https://git.example.com/bench/journal/edit/main/\n`;
}

function authorOf(person: Person) {
	return { name: person.name, email: `${person.id}@example.com` };
}

function round(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

function toId(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** A distinct id for `name`; a repeated name gets a number, in its id and its name alike. */
function uniqueName(name: string, used: Set<string>): { id: string; name: string } {
	const id = uniqueId(toId(name), used);
	const suffix = id.slice(toId(name).length + 1);
	return { id, name: suffix ? `${name} ${suffix}` : name };
}

function uniqueId(id: string, used: Set<string>): string {
	let candidate = id;
	for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
	used.add(candidate);
	return candidate;
}

function unique<T>(items: T[]): T[] {
	return [...new Set(items)];
}
