/**
 * The fixed word lists of the content format. Kept apart from the zod schemas so that browser
 * code (the history page's period picker) can use them without bundling zod.
 */

export const AUTHOR_ROLES = ['lead', 'contributor', 'reviewer', 'support'] as const;
export const ENTRY_STATUSES = [
	'shipped',
	'measuring',
	'measured',
	'inconclusive',
	'reverted',
] as const;
export const METHODS = [
	'ab_test',
	'holdout',
	'staged_rollout',
	'pre_post',
	'estimate',
	'qualitative',
] as const;
export const FEATURE_STATUSES = ['planned', 'building', 'launched', 'retired'] as const;
export const DIRECTIONS = ['up', 'down'] as const;
export const VISIBILITIES = ['internal', 'public'] as const;

/** What an id or slug (a file name without its extension) may hold. */
export const ID_PATTERN = /^[a-z0-9-]+$/;
