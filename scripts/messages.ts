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

export const USAGE = `Usage: npm run <command> -- [flags]

  check   [--content DIR] [--format text|compact|json|github]
          Validate the journal; exit 1 when there are errors. compact prints one problem a
          line as path:line:column: severity field: message.
  new     --title "..." --author ID [--team ID] [--date YYYY-MM-DD] [--content DIR]
          Write a new entry under entries/<year>/ and print its path.
  init    DIR [--author ID] [--team ID] [--generator OWNER/NAME@REF]
          Write a new journal into the empty folder DIR: content/ (settings, one person,
          one team, a first entry) and a GitHub Actions workflow that checks pull requests
          and publishes main to GitHub Pages with the generator OWNER/NAME at REF.
  schema  [--out DIR]
          Write JSON Schema files for every kind of content file (default: public/schema).
  follow-ups  [--content DIR] [--format text|json|markdown|github]
          List entries due for follow-up and overdue next steps, by owner.
  build   [ASTRO_FLAGS]
          Build the site (astro build), then its search index in a process of its own.
  bench   [--entries 1000,10000] [--out DIR] [--skip STEP,...] [--seed N] [--port N]
          Generate synthetic journals and measure check, build, search and dev against a bare
          Astro baseline; writes bench.json and bench.md (default: bench-results/).
          Steps to skip: check, build, search, baseline, query, dev.
  shards  list [--content DIR]
          Print the shards of a sharded build (JOURNAL_SHARD values) as JSON, for a CI matrix.
  shards  merge [--out DIR] SHARD_DIR...
          Join the shards' output folders into one site (default: dist/), failing on any file
          that two shards wrote differently, then build its search index.

The content root is --content, else JOURNAL_CONTENT, else ./content.`;

export const messages = {
	shardConflicts: (conflicts: readonly Conflict[]) =>
		[
			`${conflicts.length} file${conflicts.length === 1 ? '' : 's'} written differently by two shards, so nothing was merged. Build every shard from the same commit of the generator and the journal.`,
			...conflicts.slice(0, 10).map((c) => `  ${c.path}: ${c.shards[0]} and ${c.shards[1]} differ`),
			...(conflicts.length > 10 ? [`  ...and ${conflicts.length - 10} more`] : []),
		].join('\n'),
	unknownCommand: (name: string) =>
		`Unknown command "${name}". Commands: check, new, init, schema, follow-ups, build, bench, shards.`,
	missingContent: (dir: string) =>
		`Content folder ${dir} does not exist. Pass --content DIR or set JOURNAL_CONTENT.`,
	badFormat: (value: string) => `--format must be text, compact, json or github, not "${value}".`,
	badFollowUpFormat: (value: string) =>
		`--format must be text, json, markdown or github, not "${value}".`,
	followUpsIncomplete: (errors: number) =>
		`The journal has ${errors} error${errors === 1 ? '' : 's'}, so files that could not be read are missing from this list. Run npm run check to see them.`,
	wroteEntry: (path: string) => `Wrote ${path}`,
	wroteSchemas: (count: number, dir: string) => `Wrote ${count} JSON Schema files to ${dir}`,
	initNotEmpty: (dir: string) =>
		`${dir} is not an empty folder; init writes only into a new or empty one, so that nothing is overwritten. Name a new folder.`,
	wroteSkeleton: (dir: string, files: string[]) =>
		`Wrote a new journal to ${dir}:\n${files.map((file) => `  ${file}`).join('\n')}`,
	skeletonNextSteps: (content: string) => `Next:
  - Put real names in people/ and teams/, and your own words in the first entry.
  - Preview it from this folder: JOURNAL_CONTENT=${content} npm run dev
  - Push it to GitHub and choose Settings → Pages → Source: GitHub Actions. The workflow checks
    every pull request and publishes main.`,
	setGenerator: (workflow: string) =>
		`  - Set GENERATOR_REPOSITORY in ${workflow} to the repository your team keeps outcome-journal in, or run init again with --generator OWNER/NAME@REF.`,
};
