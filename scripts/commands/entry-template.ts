/** The text of a new entry: every field of the format, optional ones commented with their values. */
import {
	AUTHOR_ROLES,
	ENTRY_STATUSES,
	METHODS,
	VISIBILITIES,
	type Visibility,
} from '../../src/lib/content/schema.ts';

export interface TemplateInput {
	title: string;
	date: string;
	author: string;
	team?: string;
	measureBy: string;
	/** Written out when given; otherwise left commented at its default. */
	visibility?: Visibility;
}

export function renderEntry({
	title,
	date,
	author,
	team,
	measureBy,
	visibility,
}: TemplateInput): string {
	const teamLine = team ? `team: ${team}` : '# team: team-id';
	const visibilityLine = `${visibility ? '' : '# '}visibility: ${visibility ?? 'internal'}`;
	return `---
title: ${JSON.stringify(title)}
date: ${date}
authors: [${author}]   # person ids, or - { person: id, role: ${AUTHOR_ROLES.join(' | ')} }
${teamLine}
# features: [feature-id]
status: shipped   # ${ENTRY_STATUSES.join(' | ')}
# summary: The result in one line.
# metrics:
#   - metric: metric-id
#     before: 0
#     after: 0
#     target: 0
#     measured_on: YYYY-MM-DD
#     window: 28d
#     method: ${METHODS.join(' | ')}
#     source: https://...
#     note: Caveats.
# next:
#   - step: What happens next
#     owner: ${author}
#     due: YYYY-MM-DD
#     done: false
# measure_by: ${measureBy}   # default: date + follow_up_days
# follows: earlier-entry-slug
# links:
#   - label: PR 123
#     url: https://...
# tags: [tag]
# aliases: [old-slug]
# verified_by:
#   person: person-id
#   on: YYYY-MM-DD
${visibilityLine}   # ${VISIBILITIES.join(' | ')}
# draft: false
---

## What we did

## What happened

## What's next
`;
}
