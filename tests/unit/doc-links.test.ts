/**
 * Every relative link in the README, CONTRIBUTING.md and docs/ resolves: the file it names exists
 * inside the repository, and its `#anchor` is a heading of that file as GitHub slugs it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.ts';

const docs = [
	'README.md',
	'CONTRIBUTING.md',
	...readdirSync(join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.md'))
		.map((f) => join('docs', f)),
];

const trees = new Map<string, Root>();
/** The markdown tree of a file, parsed once. */
function treeOf(file: string): Root {
	let tree = trees.get(file);
	if (!tree) {
		tree = fromMarkdown(readFileSync(join(repoRoot, file), 'utf8'));
		trees.set(file, tree);
	}
	return tree;
}

/** The text of a node as GitHub reads a heading: inline code included, markup left out. */
function textOf(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** The anchors GitHub gives a file's headings (a repeated heading gets `-1`, `-2`, …). */
function anchorsOf(file: string): Set<string> {
	const slugger = new GithubSlugger();
	const anchors = new Set<string>();
	visit(treeOf(file), 'heading', (heading) => void anchors.add(slugger.slug(textOf(heading))));
	return anchors;
}

/** Every link, image and link definition of a file that is not an absolute URL. */
function relativeLinks(file: string): string[] {
	const urls: string[] = [];
	visit(treeOf(file), (node) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition')
			urls.push(node.url);
	});
	return urls.filter((url) => !/^[a-z][a-z\d+.-]*:/i.test(url));
}

/** What is wrong with `url` in `file`, or null when it resolves. */
function brokenLink(file: string, url: string): string | null {
	const [path = '', anchor] = url.split('#');
	if (path.startsWith('/')) return 'a path from the root does not work on every host';
	const target = path ? resolve(repoRoot, dirname(file), decodeURI(path)) : join(repoRoot, file);
	const inRepo = relative(repoRoot, target);
	if (inRepo.startsWith('..')) return 'it points outside the repository';
	if (!existsSync(target)) return 'no such file';
	if (anchor === undefined) return null;
	if (statSync(target).isDirectory() || !target.endsWith('.md'))
		return 'an anchor in a non-markdown file';
	return anchorsOf(inRepo).has(anchor) ? null : `no heading #${anchor} in ${inRepo}`;
}

describe('documentation links', () => {
	it('finds the README, CONTRIBUTING.md and the docs', () => {
		expect(docs).toContain('docs/content-format.md');
		expect(docs.length).toBeGreaterThan(10);
	});

	it.each(docs)('every relative link in %s resolves', (file) => {
		const broken = relativeLinks(file)
			.map((url) => ({ url, problem: brokenLink(file, url) }))
			.filter((link) => link.problem !== null);
		expect(broken).toEqual([]);
	});

	it('finds a link that does not resolve', () => {
		expect(brokenLink('README.md', 'docs/nowhere.md')).toBe('no such file');
		expect(brokenLink('README.md', 'docs/cli.md#nowhere')).toBe(
			'no heading #nowhere in docs/cli.md',
		);
		expect(brokenLink('docs/cli.md', '../../elsewhere/format.md')).toBe(
			'it points outside the repository',
		);
	});

	it.each(docs)('%s names nothing outside the repository', (file) => {
		expect(readFileSync(join(repoRoot, file), 'utf8')).not.toMatch(/shared\/spec|\.\.\/shared/);
	});
});
