/**
 * Every HTML file of the sample journal passes html-validate with the repository's rules
 * (.htmlvalidate.mjs: the recommended and document presets), as an outside validator would
 * check a published journal; so do the pages of a metric split into pages.
 */
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { filesOf, outDir, type SiteBuild } from './pages.ts';

const validator = new HtmlValidate(new StaticConfigLoader(config));

/** What html-validate finds wrong in `files` of `build`, one line per problem. */
async function problemsIn(build: SiteBuild, files: string[]): Promise<string[]> {
	const problems: string[] = [];
	for (const file of files) {
		const report = await validator.validateFile(join(outDir(build), file));
		for (const { messages } of report.results)
			for (const m of messages)
				problems.push(`/${file}: ${m.ruleId}: ${m.message} (${m.selector})`);
	}
	return problems;
}

it('every page of the sample journal is valid HTML', async () => {
	const files = filesOf('sample', '.html');
	expect(await problemsIn('sample', files)).toEqual([]);
	expect(files.length).toBeGreaterThan(100);
	expect(files).toEqual(
		expect.arrayContaining([
			'reviews/index.html',
			'reviews/2026-q3/index.html',
			'reviews/2026-q3/payments/index.html',
		]),
	);
}, 120_000);

it('every page of a metric, a history or a team split into pages is valid HTML', async () => {
	const split = ['metrics/latency/', 'people/ana/history/', 'teams/payments/'];
	const files = filesOf('manyMeasurements', '.html').filter((f) =>
		split.some((folder) => f.startsWith(folder)),
	);
	expect(files.filter((f) => f.startsWith('people/ana/history/')).length).toBeGreaterThan(1);
	expect(files.filter((f) => f.startsWith('teams/payments/')).length).toBeGreaterThan(1);
	expect(files.length).toBeGreaterThan(3);
	expect(await problemsIn('manyMeasurements', files)).toEqual([]);
});
