/**
 * How entry and feature bodies (`.md`) become HTML: anyone who can open a pull request writes
 * them, so raw HTML in them is cut down to an allow-list before anything of ours is added.
 * `.mdx` bodies are code and skip this (see `mdx` in journal.yml).
 */
import { rehypePrism, type RehypePlugins } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';

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

/**
 * After sanitising, an in-page link `#x` points at `user-content-x` when that is where the
 * sanitiser moved the target (footnotes, `<a name="x">`); heading ids are given later, by
 * Astro, from the heading text, so links to headings and the contents list are untouched.
 */
export function rehypeFollowClobberedIds() {
	return (tree: Root) => {
		const ids = new Set<string>();
		visit(tree, 'element', (node: Element) => {
			for (const key of ['id', 'name']) {
				const value = node.properties[key];
				if (typeof value === 'string') ids.add(value);
			}
		});
		visit(tree, 'element', (node: Element) => {
			const href = node.properties.href;
			if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
			const id = href.slice(1);
			if (!ids.has(id) && ids.has(CLOBBER_PREFIX + id)) {
				node.properties.href = `#${CLOBBER_PREFIX}${id}`;
			}
		});
	};
}

/** Code blocks scroll sideways on a phone, so keyboard users must be able to focus them. */
export function rehypeFocusableCode() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			if (node.tagName === 'pre') node.properties.tabIndex = 0;
		});
	};
}

/**
 * Code highlighting, for `.md` and `.mdx` alike: Prism marks tokens with classes (coloured by
 * src/styles/code.css), never inline styles, so pages pass a strict Content-Security-Policy.
 */
export const codeRehypePlugins: RehypePlugins = [rehypePrism, rehypeFocusableCode];

/**
 * The rehype plugins for `.md` bodies, in order: parse raw HTML into elements, sanitise them,
 * mend in-page links, then highlight code. Astro adds heading ids after these.
 */
export const markdownRehypePlugins: RehypePlugins = [
	rehypeRaw,
	[rehypeSanitize, sanitizeSchema],
	rehypeFollowClobberedIds,
	...codeRehypePlugins,
];

/** remark-rehype options: footnote ids unprefixed, since the sanitiser prefixes every id once. */
export const markdownRemarkRehype = { clobberPrefix: '' };
