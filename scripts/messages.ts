/** All terminal output of the CLI goes through here, so tests can capture it. */
import type { Conflict } from '../src/lib/site/shard-merge.ts';

export interface Output {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

export const processOutput: Output = {
	stdout: (text) => process.stdout.write(`${text}\n`),
	stderr: (text) => process.stderr.write(`${text}\n`),
};

export const USAGE = `Usage: outcome-journal <command> [flags]   (in this repository: npm run <command> -- [flags])

  dev     [--content DIR] [ASTRO_FLAGS]
          Serve the journal, and each page again as its files change (astro dev).
  preview [ASTRO_FLAGS]
          Serve the last build from dist/ (astro preview).
  check   [--content DIR] [--format text|compact|json|github]
          Validate the journal; exit 1 when there are errors. compact prints one problem a
          line as path:line:column: severity field: message.
  new     --title "..." --author ID [--team ID] [--date YYYY-MM-DD] [--slug NAME] [--content DIR]
          Write a new entry under entries/<year>/ and print its path. Its file name (the slug)
          comes from the title, or from --slug.
  init    DIR [--author ID] [--team ID] [--audience public|internal]
          Write a new journal repository into the empty folder DIR: content/ (settings, one
          person, one team, a first entry), a package.json pinning this version, .nvmrc,
          .gitignore, a GitHub Actions workflow that checks and builds pull requests and
          publishes main to GitHub Pages, and Dependabot settings that keep it current.
  schema  [--out DIR]
          Write JSON Schema files for every kind of content file (default: public/schema).
  follow-ups  [--content DIR] [--format text|json|markdown|github]
          List entries due for follow-up and overdue next steps, by owner.
  build   [--content DIR] [ASTRO_FLAGS]
          Build the site into dist/ (astro build), then its search index in a process of its own.
  bench   [--entries 1000,10000] [--out DIR] [--skip STEP,...] [--seed N] [--port N]
          Generate synthetic journals and measure check, build, search and dev against a bare
          Astro baseline; writes bench.json and bench.md (default: bench-results/).
          Steps to skip: check, build, search, baseline, query, dev. (This repository only.)
  shards  list [--content DIR]
          Print the shards of a sharded build (JOURNAL_SHARD values) as JSON, for a CI matrix.
  shards  merge [--out DIR] SHARD_DIR...
          Join the shards' output folders into one site (default: dist/), failing on any file
          that two shards wrote differently, then build its search index.

The content root is --content, else JOURNAL_CONTENT, else ./content. Astro writes .astro/,
dist/ and its cache (node_modules/.astro/) in the current folder.`;

export const messages = {
	shardConflicts: (conflicts: readonly Conflict[]) =>
		[
			`${conflicts.length} file${conflicts.length === 1 ? '' : 's'} written differently by two shards, so nothing was merged. Build every shard from the same commit of the generator and the journal.`,
			...conflicts.slice(0, 10).map((c) => `  ${c.path}: ${c.shards[0]} and ${c.shards[1]} differ`),
			...(conflicts.length > 10 ? [`  ...and ${conflicts.length - 10} more`] : []),
		].join('\n'),
	unknownCommand: (name: string) =>
		`Unknown command "${name}". Commands: dev, build, preview, check, new, init, schema, follow-ups, shards, bench.`,
	badFormat: (value: string) => `--format must be text, compact, json or github, not "${value}".`,
	badFollowUpFormat: (value: string) =>
		`--format must be text, json, markdown or github, not "${value}".`,
	followUpsIncomplete: (errors: number) =>
		`The journal has ${errors} error${errors === 1 ? '' : 's'}, so files that could not be read are missing from this list. Run npm run check to see them.`,
	wroteEntry: (path: string) => `Wrote ${path}`,
	publicEntry:
		'It is marked `visibility: public`, as journal.yml sets `audience: public`: anyone who can read the site will see it. Change it to `visibility: internal` to keep it off the site.',
	wroteSchemas: (count: number, dir: string) => `Wrote ${count} JSON Schema files to ${dir}`,
	initNotEmpty: (dir: string) =>
		`${dir} is not an empty folder; init writes only into a new or empty one, so that nothing is overwritten. Name a new folder.`,
	wroteSkeleton: (dir: string, files: string[]) =>
		`Wrote a new journal to ${dir}:\n${files.map((file) => `  ${file}`).join('\n')}`,
	skeletonAudience: (audience: 'public' | 'internal', chosen: boolean) =>
		audience === 'public'
			? `Audience: public${chosen ? '' : ' (the default; --audience internal for a site only your organisation can read)'}. The site publishes only entries marked \`visibility: public\`, which is how new entries are written; \`audience\` in content/journal.yml changes it.`
			: 'Audience: internal. The site publishes every entry that is not a draft, so serve it only where your organisation alone can read it (GitHub Pages is public unless your plan has private Pages).',
	skeletonNextSteps: (dir: string) => `Next:
  cd ${dir}
  npm install                 # pins outcome-journal in package-lock.json; commit both
  npm run dev                 # preview the journal at http://localhost:4321/
  npm run new -- --title "What we shipped" --author ID
  Push it to GitHub and choose Settings → Pages → Source: GitHub Actions. The workflow checks
  and builds every pull request and publishes main; Dependabot proposes each new version.`,
};
