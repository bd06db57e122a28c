/**
 * The journal's content format, as zod schemas: the one definition that the Astro content
 * collections, the checker (`npm run check`) and the JSON Schema export (`npm run schema`) share.
 * Imports only `astro/zod` so that plain Node can load it.
 */
import { z } from 'astro/zod';
import { isRealDate } from '../utils/dates.ts';
import { quote } from '../utils/quote.ts';
import { dateHint, invisibleHint, unpublishableHint, urlHint } from './hints.ts';
import {
	AUTHOR_ROLES,
	DIRECTIONS,
	ENTRY_STATUSES,
	FEATURE_STATUSES,
	ID_PATTERN,
	METHODS,
	VISIBILITIES,
} from './vocabulary.ts';

/** Text as written: anything but characters that cannot be published (hints.ts). */
const PlainTextSchema = z.string().check((ctx) => {
	const hint = unpublishableHint(ctx.value);
	if (hint) ctx.issues.push({ code: 'custom', input: ctx.value, message: hint });
});

/** Text that must say something: not empty, not only spaces. */
const RequiredTextSchema = PlainTextSchema.min(1, { abort: true }).refine(
	(text) => /\S/.test(text),
	{
		error: 'must not be empty or only spaces',
	},
);

/** A tag: required text with no invisible characters, so that no two tags look alike. */
const TagSchema = RequiredTextSchema.check((ctx) => {
	const hint = invisibleHint(ctx.value);
	if (hint) ctx.issues.push({ code: 'custom', input: ctx.value, message: hint });
});

/** An id or slug: the file name without its extension. */
export const IdSchema = z
	.string()
	.regex(ID_PATTERN, { error: 'expected an id: lowercase letters, digits and "-"' });

/**
 * A `YYYY-MM-DD` date, kept as that string (years 0000 to 9999 as written). Every file is parsed by
 * the `yaml` package (YAML 1.2), which never turns a date into a `Date` object.
 */
export const IsoDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => dateHint(issue.input), abort: true })
	.refine(isRealDate, { error: (issue) => `${quote(issue.input)} is not a real calendar date` });

/** An absolute http(s) URL. */
export const UrlSchema = PlainTextSchema.refine(isHttpUrl, {
	error: (issue) => urlHint(issue.input),
	abort: true,
});

/**
 * A URL that is only an origin (`https://example.com`, a final `/` allowed): a path, query or
 * fragment would be dropped from some links and kept in others.
 */
const OriginSchema = UrlSchema.refine(
	(value) => !/[?#]/.test(value) && new URL(value).pathname === '/' && !/@/.test(value),
	{
		error:
			'expected an origin such as https://example.com, without a path, query or fragment; to serve the site under a path, set base (e.g. base: /journal/)',
	},
);

function isHttpUrl(value: string): boolean {
	try {
		const { protocol } = new URL(value);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

/** Free text that YAML may have read as a number (`window: 28`). */
const TextSchema = z.union([PlainTextSchema, z.number().transform(String)]);

export {
	AUTHOR_ROLES,
	DIRECTIONS,
	ENTRY_STATUSES,
	FEATURE_STATUSES,
	METHODS,
	VISIBILITIES,
} from './vocabulary.ts';

/**
 * A URL path of plain segments: `/`, `/journal/`, `/team/journal`. Anything else (`//host/`, `..`,
 * a backslash, a scheme, spaces) would make links point somewhere else, or break the build.
 */
const BASE_PATH = /^\/(?:(?!\.\.?(?:\/|$))[\w.~-]+(?:\/|$))*$/;

/** A BCP 47 language tag as people write one: `en`, `pt-BR`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

/** journal.yml: site settings, all optional. */
export const JournalSchema = z.strictObject({
	/** Site title. */
	title: RequiredTextSchema.default('Outcome Journal'),
	/** One line under the title. */
	description: PlainTextSchema.optional(),
	/** Absolute origin, used for absolute links in RSS and the sitemap. */
	site: OriginSchema.optional(),
	/** Days after `date` that an entry's `measure_by` defaults to (at most ten years). */
	follow_up_days: z.number().int().min(1).max(3650).default(30),
	/** Path the site is served under, e.g. `/journal/`. */
	base: z
		.string()
		.regex(BASE_PATH, {
			error:
				'expected a path such as /journal/: letters, digits, ".", "_", "~" and "-" between single "/" (no "//", "..", "\\", spaces or scheme)',
		})
		.default('/'),
	/** Prefix that, followed by a file's path in the content root, edits that file. */
	edit_url: UrlSchema.optional(),
	/**
	 * The month (1–12) that starts q1 of the quarterly reviews; 1 gives calendar quarters. A fiscal
	 * year is named by the calendar year in which it ends: with 7, July–September 2026 is 2027-q1.
	 */
	fiscal_year_start_month: z.number().int().min(1).max(12).default(1),
	/**
	 * Whether `.mdx` entries are allowed. MDX runs code at build time (it can import modules and
	 * read files), so set `false` unless everyone who can change the journal is trusted.
	 */
	mdx: z.boolean().default(true),
	/**
	 * Who reads the built site: `internal` publishes every entry that is not a draft; `public`
	 * only those marked `visibility: public`. `npm run new` writes new entries visible to it, and
	 * `JOURNAL_AUDIENCE` overrides it for one build.
	 */
	audience: z.enum(VISIBILITIES).default('internal'),
	/**
	 * The language the entries are written in, as a language tag (`en`, `de`, `ja`, `zh-TW`):
	 * search splits and stems their words by it (a Japanese sentence has no spaces between its
	 * words), and a write-up carries it for screen readers. The site's own text stays English.
	 */
	language: z
		.string()
		.regex(LANGUAGE_TAG, {
			error: 'expected a language tag such as en, de, ja or zh-TW',
		})
		.default('en'),
});

/** people/<id>.yml */
export const PersonSchema = z.strictObject({
	/** Full name. */
	name: RequiredTextSchema,
	/** Job title. */
	title: PlainTextSchema.optional(),
	/** Team id. */
	team: IdSchema.optional(),
	/** GitHub user name. */
	github: PlainTextSchema.optional(),
});

/** teams/<id>.yml */
export const TeamSchema = z.strictObject({
	/** Team name. */
	name: RequiredTextSchema,
	/** What the team owns. */
	description: PlainTextSchema.optional(),
	/** Person id of the team lead. */
	lead: IdSchema.optional(),
});

/** features/<id>.md frontmatter; the body is the description. */
export const FeatureSchema = z.strictObject({
	/** Feature name. */
	name: RequiredTextSchema,
	/** Owning team id. */
	team: IdSchema.optional(),
	/** Lifecycle stage. */
	status: z.enum(FEATURE_STATUSES).default('launched'),
	/** Feature-flag key. */
	flag: PlainTextSchema.optional(),
	/** Launch date. */
	launched: IsoDateSchema.optional(),
});

/** metrics/<id>.yml */
export const MetricSchema = z.strictObject({
	/** Metric name. */
	name: RequiredTextSchema,
	/** Display unit: %, ms, s, count, USD, ... */
	unit: PlainTextSchema.optional(),
	/** Which way is better. */
	direction: z.enum(DIRECTIONS),
	/** What is measured, and how. */
	description: PlainTextSchema.optional(),
	/** Dashboard or query URL. */
	source: UrlSchema.optional(),
});

/** An author: a bare person id, or a person with a role. */
export const AuthorSchema = z.union([
	IdSchema,
	z.strictObject({
		/** Person id. */
		person: IdSchema,
		/** What they did on this change. */
		role: z.enum(AUTHOR_ROLES).optional(),
	}),
]);

/** One metric that an entry moved (or tried to). */
export const MetricResultSchema = z.strictObject({
	/** Metric id. */
	metric: IdSchema,
	/** Value before the change. */
	before: z.number().optional(),
	/** Value after the change. */
	after: z.number().optional(),
	/** Value the change aimed for. */
	target: z.number().optional(),
	/** Date the "after" value was read. */
	measured_on: IsoDateSchema.optional(),
	/** Measurement window, free text (e.g. 28d). */
	window: TextSchema.optional(),
	/** How the effect was measured. */
	method: z.enum(METHODS).optional(),
	/** Link to the evidence. */
	source: UrlSchema.optional(),
	/** Caveats. */
	note: PlainTextSchema.optional(),
});

/** A follow-up step. */
export const NextStepSchema = z.strictObject({
	/** What will be done. */
	step: RequiredTextSchema,
	/** Person id responsible. */
	owner: IdSchema.optional(),
	/** When it is due. */
	due: IsoDateSchema.optional(),
	/** Whether it has been done. */
	done: z.boolean().default(false),
});

/** A link to evidence. */
export const LinkSchema = z.strictObject({
	/** Link text, e.g. "PR 4812". */
	label: RequiredTextSchema.optional(),
	/** http(s) URL. */
	url: UrlSchema,
});

/** entries/**\/<slug>.md frontmatter: I did X, Y happened, here is what I am doing next. */
export const EntrySchema = z
	.strictObject({
		/** What changed, in the past tense. */
		title: RequiredTextSchema,
		/** When the change shipped. */
		date: IsoDateSchema,
		/** Person ids, or `{ person, role }`; at least one. */
		authors: z.array(AuthorSchema).min(1, { error: 'expected at least one author' }),
		/** Team id. */
		team: IdSchema.optional(),
		/** Feature ids. */
		features: z.array(IdSchema).optional(),
		/** Where the outcome stands. */
		status: z.enum(ENTRY_STATUSES),
		/** The result in one line. */
		summary: PlainTextSchema.optional(),
		/** Metrics that moved. */
		metrics: z.array(MetricResultSchema).optional(),
		/** What happens next. */
		next: z.array(NextStepSchema).optional(),
		/** When to look at the result; defaults to date + follow_up_days. */
		measure_by: IsoDateSchema.optional(),
		/** Slug of the earlier entry this one follows up. */
		follows: IdSchema.optional(),
		/** Evidence: PRs, dashboards, experiment reports. */
		links: z.array(LinkSchema).optional(),
		/** Free tags. */
		tags: z.array(TagSchema).optional(),
		/** Earlier slugs that redirect here. */
		aliases: z.array(IdSchema).optional(),
		/** Someone other than the authors confirmed the numbers. */
		verified_by: z
			.strictObject({
				/** Person id. */
				person: IdSchema,
				/** Date of the check. */
				on: IsoDateSchema.optional(),
			})
			.optional(),
		/** `public` entries are the only ones in a public build. */
		visibility: z.enum(VISIBILITIES).default('internal'),
		/** Drafts never appear in any output. */
		draft: z.boolean().default(false),
	})
	// Each rule runs even when other fields have errors, so the checker reports everything at once.
	.superRefine(checkMeasured, { when: whenValid('status', 'metrics', 'summary') })
	.superRefine(checkVerifier, { when: whenValid('authors', 'verified_by') });

/** A refinement's `when`: the fields it reads passed. */
function whenValid(...fields: string[]) {
	return ({ issues }: z.core.ParsePayload) =>
		issues.every((i) => !fields.includes(String(i.path?.[0])));
}

/** verified_by is someone other than the authors: a second pair of eyes on the numbers. */
function checkVerifier(
	entry: { authors: (string | { person: string })[]; verified_by?: { person: string } },
	ctx: z.core.$RefinementCtx,
): void {
	const verifier = entry.verified_by?.person;
	if (!verifier) return;
	if (entry.authors.some((a) => (typeof a === 'string' ? a : a.person) === verifier))
		ctx.addIssue({
			code: 'custom',
			path: ['verified_by', 'person'],
			message: `${quote(verifier)} is an author of this entry; verified_by names someone other than the authors who confirmed the numbers`,
		});
}

function checkMeasured(
	entry: { status: string; summary?: string; metrics?: { after?: number }[] },
	ctx: z.core.$RefinementCtx,
): void {
	const hasAfter = entry.metrics?.some((m) => m.after !== undefined) ?? false;
	if (entry.status === 'measured' && !hasAfter && !entry.summary) {
		ctx.addIssue({
			code: 'custom',
			path: ['status'],
			message:
				'status "measured" needs a metric with an "after" value or a "summary"; add one, or use "measuring"',
		});
	}
}

export type Journal = z.output<typeof JournalSchema>;
export type Person = z.output<typeof PersonSchema>;
export type Team = z.output<typeof TeamSchema>;
export type Feature = z.output<typeof FeatureSchema>;
export type Metric = z.output<typeof MetricSchema>;
export type Entry = z.output<typeof EntrySchema>;
export type Author = z.output<typeof AuthorSchema>;
export type MetricResult = z.output<typeof MetricResultSchema>;
export type NextStep = z.output<typeof NextStepSchema>;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export type Method = (typeof METHODS)[number];
export type Visibility = (typeof VISIBILITIES)[number];

/** Every kind of content file, with the schema that validates it. */
export const SCHEMAS = {
	journal: JournalSchema,
	person: PersonSchema,
	team: TeamSchema,
	feature: FeatureSchema,
	metric: MetricSchema,
	entry: EntrySchema,
} as const;
