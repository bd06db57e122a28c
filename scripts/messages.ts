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
  follow-ups  [--content DIR] [--format text|json|markdown|github]
          List entries due for follow-up and overdue next steps, by owner.

The content root is --content, else JOURNAL_CONTENT, else ./content.`;

export const messages = {
	unknownCommand: (name: string) =>
		`Unknown command "${name}". Commands: check, new, schema, follow-ups.`,
	missingContent: (dir: string) =>
		`Content folder ${dir} does not exist. Pass --content DIR or set JOURNAL_CONTENT.`,
	badFormat: (value: string) => `--format must be text, json or github, not "${value}".`,
	badFollowUpFormat: (value: string) =>
		`--format must be text, json, markdown or github, not "${value}".`,
	followUpsIncomplete: (errors: number) =>
		`The journal has ${errors} error${errors === 1 ? '' : 's'}, so files that could not be read are missing from this list. Run npm run check to see them.`,
	wroteEntry: (path: string) => `Wrote ${path}`,
	wroteSchemas: (count: number, dir: string) => `Wrote ${count} JSON Schema files to ${dir}`,
};
