/**
 * The Astro integration that runs the checker before every build, so that a dangling id or a
 * typo fails the build instead of publishing a wrong page (Astro alone only logs broken links).
 */
import type { AstroIntegration } from 'astro';
import { checkJournal } from '../content/check.ts';
import { countBySeverity } from '../content/problems.ts';
import { formatText } from '../content/report.ts';

export interface JournalIntegrationOptions {
	/** Absolute content root. */
	root: string;
	/** YYYY-MM-DD used for follow-up warnings. */
	today: string;
}

export function journalIntegration({ root, today }: JournalIntegrationOptions): AstroIntegration {
	return {
		name: 'outcome-journal',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const { problems } = checkJournal(root, today);
				const { errors } = countBySeverity(problems);
				if (problems.length)
					(errors ? logger.error : logger.warn).call(logger, `\n${formatText(problems)}`);
				if (errors && command === 'build') {
					logger.error(`The journal in ${root} has errors (listed above); nothing was built.`);
					// Exit here rather than throw: a content mistake deserves its message, not a stack trace.
					process.exit(1);
				}
			},
		},
	};
}
