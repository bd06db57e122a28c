/**
 * Code highlighting that cannot turn content into markup. Prism splits a block's text into
 * tokens and each token becomes a hast `span` holding text, so whatever a block holds, entities
 * and tags included, stays text. (Astro's Prism step wrote a string of HTML and parsed it again:
 * a language Prism did not know left the code unescaped, entities decoded into elements, and the
 * info string was pasted into an attribute.) Only a language Prism ships is loaded or named in a
 * class; any other block is shown as plain text.
 */
import { createRequire } from 'node:module';
import type { Element, ElementContent, Parent, Root } from 'hast';
import Prism from 'prismjs';

const require = createRequire(import.meta.url);
const loadLanguages = require('prismjs/components/index.js') as ((ids: string[]) => void) & {
	silent: boolean;
};
const { languages } = require('prismjs/components.js') as {
	languages: Record<string, { alias?: string | string[] }>;
};
loadLanguages.silent = true;

/** Prism's language ids by every name a block may use (`js` for `javascript`). */
const LANGUAGE_IDS = new Map(
	Object.entries(languages)
		.filter(([id]) => id !== 'meta')
		.flatMap(([id, { alias = [] }]) => [id, ...[alias].flat()].map((name) => [name, id])),
);

/** The Prism grammar for a block's language, loaded on first use; none for an unknown one. */
function grammarOf(name: string): Prism.Grammar | undefined {
	const id = LANGUAGE_IDS.get(name);
	if (id === undefined) return undefined;
	if (!Prism.languages[id]) loadLanguages([id]);
	return Prism.languages[id];
}

function toHast(stream: Prism.TokenStream): ElementContent[] {
	if (typeof stream === 'string') return stream ? [{ type: 'text', value: stream }] : [];
	if (Array.isArray(stream)) return stream.flatMap(toHast);
	return [
		{
			type: 'element',
			tagName: 'span',
			properties: { className: ['token', stream.type, ...[stream.alias ?? []].flat()] },
			children: toHast(stream.content),
		},
	];
}

function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' && node.tagName === 'br') return '\n';
	return 'children' in node ? node.children.map(textOf).join('') : '';
}

const LANGUAGE_CLASS = /^language-(.+)$/;

/**
 * Highlights one `pre` whose only child is a `code` element, in place: the code's children
 * become Prism's tokens (or its plain text), and the block is made focusable, since it scrolls
 * sideways on a phone.
 */
function highlightBlock(pre: Element): void {
	pre.properties.tabIndex = 0;
	const [code] = pre.children;
	if (pre.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code') return;
	const classes = [code.properties.className ?? []].flat().map(String);
	const name = classes.map((c) => LANGUAGE_CLASS.exec(c)?.[1]).find(Boolean);
	const grammar = name === undefined ? undefined : grammarOf(name);
	const text = code.children.map(textOf).join('');
	if (!grammar) {
		// An unknown language's class is dropped with the rest: it may hold anything.
		code.properties.className = undefined;
		code.children = text ? [{ type: 'text', value: text }] : [];
		return;
	}
	const className = [`language-${name}`];
	pre.properties.className = className;
	code.properties.className = className;
	code.children = toHast(Prism.tokenize(text, grammar));
}

/** Highlights every code block of a tree, inside `.mdx` components too. */
export function highlightCode(tree: Root): void {
	const walk = (node: Parent) => {
		for (const child of node.children) {
			if (child.type === 'element' && child.tagName === 'pre') highlightBlock(child);
			else if ('children' in child) walk(child);
		}
	};
	walk(tree);
}
