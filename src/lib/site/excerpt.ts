/**
 * Pagefind's excerpts as text runs. Pagefind hands back an excerpt as an HTML string: the page's
 * text with `<` and `>` escaped and each matched word wrapped in `<mark>`. The search page never
 * parses it as HTML; it splits it here at the `<mark>` boundaries and shows each run as text, so
 * an entry whose text contains `<img src=x onerror=…>` shows exactly that and runs nothing.
 */

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptRun {
	text: string;
	mark: boolean;
}

/** `a <mark>b</mark> c` → `[{ a }, { b, mark }, { c }]`, with Pagefind's `&lt;`/`&gt;` undone. */
export function splitExcerpt(excerpt: string): ExcerptRun[] {
	const runs: ExcerptRun[] = [];
	let mark = false;
	for (const part of excerpt.split(/(<\/?mark>)/)) {
		if (part === '<mark>' || part === '</mark>') mark = part === '<mark>';
		else if (part) runs.push({ text: part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), mark });
	}
	return runs;
}
