/** The texts of a new journal's settings, first person and first team (`npm run init`). */
import { readFileSync } from 'node:fs';

export interface SkeletonInput {
	/** Person id of the first author. */
	author: string;
	/** Team id. */
	team: string;
}

/** "ana-souza" → "Ana Souza": a readable placeholder until someone writes the real name. */
export function toDisplayName(id: string): string {
	return id
		.split('-')
		.filter(Boolean)
		.map((word) => word[0]!.toUpperCase() + word.slice(1))
		.join(' ');
}

export function renderJournalConfig({ team }: SkeletonInput): string {
	return `# Site settings; every key is optional.
title: ${JSON.stringify(`${toDisplayName(team)} Outcome Journal`)}
description: What we shipped, what it did, and what we are doing next.
follow_up_days: 30   # an entry's measure_by defaults to its date plus this many days
# base: /journal/   # the path the site is served under (the GitHub workflow sets it for Pages)
# site: https://journal.example.com   # origin for absolute links in RSS and the sitemap
# edit_url: https://github.com/OWNER/REPO/edit/main/content/   # + a file's path = its edit link
`;
}

export function renderPerson({ author, team }: SkeletonInput): string {
	return `name: ${JSON.stringify(toDisplayName(author))}   # full name
team: ${team}
# title: Senior Engineer
# github: user-name
`;
}

export function renderTeam({ author, team }: SkeletonInput): string {
	return `name: ${JSON.stringify(toDisplayName(team))}
lead: ${author}
# description: What the team owns.
`;
}

/** Placeholders in the workflow template, replaced by `init`. */
const GENERATOR_REPOSITORY = '__GENERATOR_REPOSITORY__';
const GENERATOR_REF = '__GENERATOR_REF__';

/** The GitHub Actions workflow, checking out the generator `repository` at `ref`. */
export function renderWorkflow(repository: string, ref: string): string {
	const template = readFileSync(
		new URL('../templates/github-workflow.yml', import.meta.url),
		'utf8',
	);
	return template.replaceAll(GENERATOR_REPOSITORY, repository).replaceAll(GENERATOR_REF, ref);
}
