/**
 * Every HTML file of the sample journal passes html-validate with the repository's rules
 * (.htmlvalidate.mjs: the recommended and document presets), as an outside validator would
 * check a published journal.
 */
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { filesOf, outDir } from './pages.ts';

const validator = new HtmlValidate(new StaticConfigLoader(config));

it('every page of the sample journal is valid HTML', async () => {
	const files = filesOf('sample', '.html');
	const problems: string[] = [];
	for (const file of files) {
		const report = await validator.validateFile(join(outDir('sample'), file));
		for (const { messages } of report.results)
			for (const m of messages)
				problems.push(`/${file}: ${m.ruleId}: ${m.message} (${m.selector})`);
	}
	expect(problems).toEqual([]);
	expect(files.length).toBeGreaterThan(100);
}, 120_000);
