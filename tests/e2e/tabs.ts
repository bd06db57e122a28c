/**
 * Tabs kept open and reused from one page load to the next. Opening and closing a tab costs
 * Chromium several times what a load in an open tab costs, and a browser test file loads dozens of
 * pages. A visit must leave its tab settled: a page that navigates on its own after its visit (a
 * scheduled refresh) would cut the next visit's load short.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Tabs {
	/** Runs `visit` in a free tab, opening one if fewer than `size` are open, else waiting for one. */
	use<T>(visit: (page: Page) => Promise<T>): Promise<T>;
	/** Closes the tabs' context. */
	close(): Promise<void>;
}

/**
 * Up to `size` tabs of `context`. What every load needs (init scripts, bindings) is set on the
 * context; a visit's listeners are its own, attached and detached by the visit.
 */
export function tabsOf(context: BrowserContext, size: number): Tabs {
	const idle: Page[] = [];
	const waiting: ((page: Page) => void)[] = [];
	let opened = 0;
	const take = async (): Promise<Page> => {
		if (idle.length > 0) return idle.pop()!;
		if (opened < size) {
			opened++;
			return context.newPage();
		}
		return new Promise((resolve) => waiting.push(resolve));
	};
	const give = (page: Page) => {
		const next = waiting.shift();
		if (next) next(page);
		else idle.push(page);
	};
	return {
		async use(visit) {
			const page = await take();
			try {
				return await visit(page);
			} finally {
				// A tab that closed (a crashed page) is not handed out again: a visit waiting for a tab
				// gets a new one.
				if (!page.isClosed()) give(page);
				else if (waiting.length > 0) void context.newPage().then(give);
				else opened--;
			}
		},
		close: () => context.close(),
	};
}
