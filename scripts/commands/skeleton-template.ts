/** The texts of a new journal's settings, first person and first team (`npm run init`). */
import { readFileSync } from 'node:fs';
import type { Audience } from '../../src/lib/content/audience.ts';
import { packageFile } from '../package-root.ts';

export interface SkeletonInput {
	/** Person id of the first author. */
	author: string;
	/** Team id. */
	team: string;
	/** Who reads the site (journal.yml's `audience`). */
	audience: Audience;
}

/** "ana-souza" → "Ana Souza": a readable placeholder until someone writes the real name. */
export function toDisplayName(id: string): string {
	return id
		.split('-')
		.filter(Boolean)
		.map((word) => word[0]!.toUpperCase() + word.slice(1))
		.join(' ');
}

export function renderJournalConfig({ team, audience }: SkeletonInput): string {
	return `# Site settings; every key is optional.
title: ${JSON.stringify(`${toDisplayName(team)} Outcome Journal`)}
description: What we shipped, what it did, and what we are doing next.
# Who reads the site. public: only entries marked \`visibility: public\` are published (new ones
# are written that way); internal: every entry, for a site only your organisation can read.
audience: ${audience}
follow_up_days: 30   # an entry's measure_by defaults to its date plus this many days
# base: /journal/   # the path the site is served under (the GitHub workflow sets it for Pages)
# site: https://journal.example.com   # origin for absolute links in RSS and the sitemap
# edit_url: https://github.com/OWNER/REPO/edit/main/content/   # + a file's path = its edit link
# language: en   # the language entries are written in (de, ja, zh-TW): search splits words by it
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

/** A file of scripts/templates/, as `init` writes it. */
export function readTemplate(name: 'github-workflow.yml' | 'dependabot.yml'): string {
	return readFileSync(packageFile(`scripts/templates/${name}`), 'utf8');
}

/** The journal repository's package.json: outcome-journal at exactly `version`, and its commands. */
export function renderPackageJson(name: string, version: string): string {
	const manifest = {
		name,
		private: true,
		type: 'module',
		scripts: {
			dev: 'outcome-journal dev',
			build: 'outcome-journal build',
			preview: 'outcome-journal preview',
			check: 'outcome-journal check',
			new: 'outcome-journal new',
		},
		engines: { node: NODE_ENGINES },
		dependencies: { 'outcome-journal': version },
	};
	return `${JSON.stringify(manifest, null, '\t')}\n`;
}

/** The lowest Node the package runs on (its own `engines`), and the one CI and `nvm use` pick. */
export const NODE_ENGINES = '>=22.12';
export const NODE_VERSION = '24';

export const GITIGNORE = `node_modules/
dist/
.astro/
`;
