/**
 * The `.md` pipeline on its own (Sätteri with our hast hook), without a build: what the sanitiser
 * keeps and drops, and what the steps after it add. The built pages are covered by hostile.test.ts.
 */
import { parse } from 'node-html-parser';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { codeRehypePlugins, markdownOptions } from '../../src/lib/site/markdown.ts';

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

/** Every element and attribute of a highlighted block: only Prism's spans and our own attributes. */
function markupIn(html: ReturnType<typeof parse>): string[] {
	return html.querySelectorAll('*').flatMap((el) => {
		const found = ['pre', 'code', 'span'].includes(el.rawTagName) ? [] : [`<${el.rawTagName}>`];
		for (const name of Object.keys(el.attributes)) {
			if (!['class', 'tabindex'].includes(name)) found.push(`<${el.rawTagName} ${name}>`);
		}
		return found;
	});
}

describe('code blocks show their text and never become markup', () => {
	it.each([
		['an unknown language', '```zz\n<img src=x onerror=alert(1)>\n```\n', 'onerror=alert(1)'],
		['another unknown one', '~~~no-such-lang\n<svg onload=alert(1)></svg>\n~~~\n', 'onload'],
		[
			'entity-encoded markup in a raw block of an unknown language',
			'<pre><code class="language-qq">&lt;img src=x onerror=alert(2)&gt;</code></pre>\n',
			'<img src=x onerror=alert(2)>',
		],
		[
			'entity-encoded markup in a raw block of a known language',
			'<pre><code class="language-js">&lt;script&gt;alert(2)&lt;/script&gt;</code></pre>\n',
			'<script>alert(2)</script>',
		],
		[
			'markup in a block of a markup language',
			'```html\n<img src=x onerror=alert(5)>\n```\n',
			'onerror=alert(5)',
		],
		['a double quote in the info string', '```js"/onmouseover="alert(3)\nx\n```\n', 'x'],
		['a single quote in the info string', "```js'/onmouseover='alert(3)\nx\n```\n", 'x'],
		['a `>` in the info string', '```js"><img src=x onerror=alert(3)>\nx\n```\n', 'x'],
	])('%s', async (_, markdown, text) => {
		const html = await render(markdown);
		expect(markupIn(html)).toEqual([]);
		expect(html.querySelector('pre')?.text).toContain(text);
	});
});

describe('`.mdx` code blocks', () => {
	/** Tag names under a node, as MDX's tree holds them after highlighting. */
	const tagsUnder = (node: ElementContent): string[] =>
		node.type === 'element' ? [node.tagName, ...node.children.flatMap(tagsUnder)] : [];
	const textUnder = (node: ElementContent): string =>
		node.type === 'text'
			? node.value
			: 'children' in node
				? node.children.map(textUnder).join('')
				: '';

	it.each(['qq', 'js', 'html'])(
		'keep markup that the source wrote as entities as text (language %s)',
		async (language) => {
			// MDX decodes `&lt;` in a code block to `<`: the tree holds the markup as text.
			const code: Element = {
				type: 'element',
				tagName: 'code',
				properties: { className: [`language-${language}`] },
				children: [{ type: 'text', value: '<img src=x onerror=alert(2)>' }],
			};
			const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [code] };
			const tree: Root = { type: 'root', children: [pre] };
			await codeRehypePlugins[0]!()(tree);
			const [block] = tree.children as Element[];
			expect(tagsUnder(block!).filter((tag) => !['pre', 'code', 'span'].includes(tag))).toEqual([]);
			expect(textUnder(block!)).toBe('<img src=x onerror=alert(2)>');
		},
	);
});

describe('the deepest body the checker allows (src/lib/content/nesting.ts)', () => {
	const list = (depth: number, last = '') =>
		Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n') + last;
	const html = (depth: number) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;

	it('renders: the processor takes every body that passes the check', async () => {
		const bodies: [string, string][] = [
			[`${'> '.repeat(32)}x`, 'x'],
			[list(32), 'level 32'],
			[html(32), 'x'],
			// Both limits at once: raw HTML as deep as allowed in the deepest list item.
			[list(32, `\n\n${'  '.repeat(32)}${html(32)}`), 'x'],
		];
		for (const [body, deepest] of bodies) expect((await render(body)).text).toContain(deepest);
	});
});
