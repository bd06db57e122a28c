/**
 * How entry and feature bodies (`.md`) become HTML: anyone who can open a pull request writes
 * them, so raw HTML in them is cut down to an allow-list before anything of ours is added.
 * `.mdx` bodies are code and skip this (see `mdx` in journal.yml).
 *
 * `.md` is parsed by Astro's native Markdown processor (Sätteri, Rust), which also parses raw
 * HTML into elements; one hast plugin then runs the steps below on the whole tree, before
 * Astro adds image markers and heading ids. The unified (remark/rehype) pipeline did the same
 * several times slower, which 10,000 entries feel.
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { Element, Parent, Root } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { highlightCode } from './highlight.ts';

/** Prefix that the sanitiser puts before every `id` and `name` an author writes. */
const CLOBBER_PREFIX = 'user-content-';

/**
 * GitHub's allow-list (tables, code, details/summary, images, task lists, footnotes), with links
 * limited to http(s), mailto and relative URLs and images to http(s) and relative URLs, so a
 * `javascript:`, `data:` or `vbscript:` URL is dropped and its link is left as plain text.
 */
export const sanitizeSchema: SanitizeSchema = {
	...defaultSchema,
	protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
	// `script` and `style` lose their text too; other disallowed elements keep their children.
	strip: ['script', 'style'],
	clobberPrefix: CLOBBER_PREFIX,
};

/** Every element of a tree, in document order: one plain walk, however many steps read them. */
function elementsOf(tree: Root): Element[] {
	const found: Element[] = [];
	// Through every parent, not only elements: an `.mdx` component can hold a code block.
	const walk = (node: Parent) => {
		for (const child of node.children) {
			if (child.type === 'element') found.push(child);
			if ('children' in child) walk(child);
		}
	};
	walk(tree);
	return found;
}

/**
 * After sanitising, an in-page link `#x` points at `user-content-x` when that is where the
 * sanitiser moved the target (footnotes, `<a name="x">`); heading ids are given later, by
 * Astro, from the heading text, so links to headings and the contents list are untouched.
 */
export function followClobberedIds(elements: readonly Element[]): void {
	const ids = new Set<string>();
	for (const node of elements) {
		for (const key of ['id', 'name']) {
			const value = node.properties[key];
			if (typeof value === 'string') ids.add(value);
		}
	}
	for (const node of elements) {
		const href = node.properties.href;
		if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) continue;
		const id = href.slice(1);
		if (!ids.has(id) && ids.has(CLOBBER_PREFIX + id)) {
			node.properties.href = `#${CLOBBER_PREFIX}${id}`;
		}
	}
}

/**
 * The same highlighting as a rehype plugin, for `.mdx`'s unified pipeline: Prism marks tokens
 * with classes (coloured by src/styles/code.css), never inline styles, so pages pass a strict
 * Content-Security-Policy.
 */
export const codeRehypePlugins = [() => highlightCode];

/**
 * A `.md` body after parsing: sanitised, in-page links mended, code highlighted. The sanitiser
 * returns a new tree, since the parser's own is read-only.
 */
export function cleanMarkdownTree(tree: Root): Root {
	const clean = rehypeSanitize(sanitizeSchema)(tree) as Root;
	followClobberedIds(elementsOf(clean));
	highlightCode(clean);
	return clean;
}

/**
 * A table column's alignment as the `align` attribute, which the allow-list keeps: the parser
 * writes it as a `style`, which the sanitiser drops with every other style.
 */
const alignFromStyle: HastPluginDefinition = {
	name: 'align-from-style',
	element: {
		filter: ['td', 'th'],
		visit(node, ctx) {
			const align = /text-align:\s*(left|center|right)/.exec(String(node.properties.style ?? ''));
			if (align) ctx.setProperty(node, 'align', align[1]);
		},
	},
};

/** Options of Astro's native Markdown processor for `.md` bodies. */
export const markdownOptions: SatteriProcessorOptions = {
	features: {
		rawHtml: true,
		smartPunctuation: true,
		// Footnote ids unprefixed here, since the sanitiser prefixes every id once.
		gfm: { footnotes: { clobberPrefix: '' } },
	},
	hastPlugins: [
		alignFromStyle,
		{
			name: 'sanitize',
			before: (root, ctx) => ctx.replaceNode(root, cleanMarkdownTree(root as Root)),
		},
	],
};
