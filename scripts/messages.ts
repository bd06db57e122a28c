/** All terminal output of the CLI goes through here, so tests can capture it. */

export interface Output {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

export const processOutput: Output = {
	stdout: (text) => process.stdout.write(`${text}\n`),
	stderr: (text) => process.stderr.write(`${text}\n`),
};

export const USAGE = `Usage: npm run <command> -- [flags]

  check   [--content DIR] [--format text|json|github]
          Validate the journal; exit 1 when there are errors.
  new     --title "..." --author ID [--team ID] [--date YYYY-MM-DD] [--content DIR]
          Write a new entry under entries/<year>/ and print its path.
  schema  [--out DIR]
          Write JSON Schema files for every kind of content file (default: public/schema).
  bench   [--entries 1000,10000] [--out DIR] [--skip STEP,...] [--seed N] [--port N]
          Generate synthetic journals and measure check, build, search and dev against a bare
          Astro baseline; writes bench.json and bench.md (default: bench-results/).
          Steps to skip: check, build, search, baseline, query, dev.

The content root is --content, else JOURNAL_CONTENT, else ./content.`;

export const messages = {
	unknownCommand: (name: string) =>
		`Unknown command "${name}". Commands: check, new, schema, bench.`,
	missingContent: (dir: string) =>
		`Content folder ${dir} does not exist. Pass --content DIR or set JOURNAL_CONTENT.`,
	badFormat: (value: string) => `--format must be text, json or github, not "${value}".`,
	wroteEntry: (path: string) => `Wrote ${path}`,
	wroteSchemas: (count: number, dir: string) => `Wrote ${count} JSON Schema files to ${dir}`,
};
