/**
 * The Astro integration that runs the checker for every build, so that a dangling id or a typo
 * fails the build instead of publishing a wrong page (Astro alone only logs broken links). The
 * check runs while Vite starts; the loaders wait for it, so its errors stop the build before any
 * page is rendered.
 */
import { mkdirSync } from 'node:fs';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { getShard } from '../content/env.ts';
import { countBySeverity, type Problem } from '../content/problems.ts';
import { formatText, summarize } from '../content/report.ts';
import { handOverCheckedJournal, handOverLater } from './checked-data.ts';
import { checkOffThread } from './check-off-thread.ts';
import { checkForSite } from './site-check.ts';

export interface JournalIntegrationOptions {
	/** Absolute content root. */
	root: string;
	/** YYYY-MM-DD used for follow-up warnings. */
	today: string;
}

/** Above this many warnings, `astro dev` counts them instead of listing them at every start. */
export const DEV_WARNINGS_LISTED = 20;

export function journalIntegration({ root, today }: JournalIntegrationOptions): AstroIntegration {
	return {
		name: 'outcome-journal',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				// Astro writes its content store there half a second after its first change, but
				// makes the folder only once every loader is done: a cold build whose loaders took
				// longer (10,000 entries) could fail to write it.
				mkdirSync(config.cacheDir, { recursive: true });
				// A sharded build's sitemap needs the journal itself (shard.ts), which stays on the
				// thread that read it.
				if (command === 'build' && getShard()) {
					const { journal, problems, leftOut, cache } = checkForSite(root, today);
					// Before Astro and the pages get the data, so that the cache holds it as read.
					cache?.save();
					report(logger, command, root, { problems, leftOut });
					handOverCheckedJournal(journal);
					return;
				}
				// Vite starts meanwhile (docs/decisions/0012). In dev, files change after the
				// check; the loaders read again what changed since it began.
				const readAt = command === 'dev' ? Date.now() : undefined;
				handOverLater(
					checkOffThread(root, today, readAt).then((result) => {
						if (result.onThisThread)
							logger.warn(
								`The journal's check ran on Astro's thread, not its own: ${result.onThisThread}.`,
							);
						report(logger, command, root, result);
						return result.checked;
					}),
				);
			},
		},
	};
}

/**
 * Tells the terminal the check's problems (as errors if any is one) and which files the audience
 * leaves out; stops a build whose journal has errors.
 */
function report(
	logger: AstroIntegrationLogger,
	command: 'build' | 'dev',
	root: string,
	{ problems, leftOut }: { problems: readonly Problem[]; leftOut?: string },
): void {
	const { errors } = countBySeverity(problems);
	if (problems.length)
		(errors ? logger.error : logger.warn).call(
			logger,
			`\n${command === 'dev' ? formatForDev(problems) : formatText(problems)}`,
		);
	if (errors && command === 'build') throw journalError(root, problems);
	if (leftOut) logger.warn(leftOut);
}

/**
 * What stops a build whose journal has errors: Astro's error for the user's own mistakes, which
 * Astro prints as a message and a hint. Without a stack, which says nothing about a content
 * mistake, Astro prints none.
 */
export function journalError(root: string, problems: readonly Problem[]): AstroError {
	const first = problems.find((p) => p.severity === 'error')!;
	const error = new AstroError(
		`The journal in ${root} has errors, listed above: ${summarize(problems)} The first is in ${first.file}, line ${first.line}. Nothing was built.`,
		'Fix the files named above; `npm run check` lists the problems again without building.',
	);
	error.stack = '';
	return error;
}

/**
 * Errors in full; warnings too while they are few. A large journal's thousands of follow-up
 * warnings would bury the dev server's own output at every start; `npm run check` lists them.
 */
export function formatForDev(problems: readonly Problem[]): string {
	const { warnings } = countBySeverity(problems);
	if (warnings <= DEV_WARNINGS_LISTED) return formatText(problems);
	const errors = problems.filter((p) => p.severity === 'error');
	const listed = errors.length ? `${formatText(errors).split('\n').slice(0, -1).join('\n')}\n` : '';
	return `${listed}${summarize(problems)} Warnings are not listed here: npm run check lists them.`;
}
