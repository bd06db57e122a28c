/**
 * The `.md` pipeline on its own (Sätteri with our hast hook), without a build: what the sanitiser
 * keeps and drops, and what the steps after it add. The built pages are covered by hostile.test.ts.
 */
import { parse } from 'node-html-parser';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/lib/site/markdown.ts';

async function render(markdown: string) {
	const { html } = await markdownToHtml(markdown, markdownOptions);
	// `pre` parsed as elements, not as raw text (node-html-parser's default), to see Prism's tokens.
	return parse(html, { blockTextElements: { script: true, style: true } });
}

describe('markdown bodies', () => {
	it('drop scripts, styles, event handlers and javascript: links, keeping their safe text', async () => {
		const html = await render(
			'<script>alert(1)</script><p style="color:red" onclick="x()">kept</p>\n\n[link](javascript:alert(1)) <img src="x.png" onerror="alert(1)">',
		);
		expect(html.querySelector('script')).toBeNull();
		expect(html.querySelector('[style]')).toBeNull();
		expect(html.querySelector('[onclick]')).toBeNull();
		expect(html.querySelector('[onerror]')).toBeNull();
		expect(html.querySelector('a')?.getAttribute('href')).toBeUndefined();
		expect(html.text).toContain('kept');
		expect(html.text).not.toContain('alert');
	});

	it('keep a table column’s alignment as `align`, not as a style', async () => {
		const html = await render('| a | b | c |\n|:-|-:|:-:|\n| 1 | 2 | 3 |\n');
		expect(html.querySelectorAll('td').map((td) => td.getAttribute('align'))).toEqual([
			'left',
			'right',
			'center',
		]);
	});

	it('prefix the ids an author writes, and point in-page links at the prefixed ids', async () => {
		const html = await render(
			'Note[^1] and <a name="here">anchor</a> and [back](#here)\n\n[^1]: n\n',
		);
		const ref = html.querySelector('a[data-footnote-ref]')!;
		expect(ref.getAttribute('href')).toBe('#user-content-fn-1');
		expect(html.querySelector('#user-content-fn-1')).not.toBeNull();
		expect(html.querySelector('a[href="#user-content-here"]')?.text).toBe('back');
	});

	it('highlight code with Prism classes and make the block focusable', async () => {
		const html = await render('```js\nconst a = 1;\n```\n');
		const pre = html.querySelector('pre')!;
		expect(pre.getAttribute('tabindex')).toBe('0');
		expect(pre.classList.contains('language-js')).toBe(true);
		const keyword = pre.querySelectorAll('span').find((span) => span.classList.contains('keyword'));
		expect(keyword?.text).toBe('const');
	});
});
