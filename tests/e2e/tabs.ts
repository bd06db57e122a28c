/**
 * Tabs kept open and reused from one page load to the next. Opening and closing a tab costs
 * Chromium several times what a load in an open tab costs, and a browser test file loads dozens of
 * pages. A tab's next load replaces its document, so nothing of the page before stays but what a
 * browser context shares among its tabs anyway (cache, storage).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Tabs {
	/** Runs `visit` in a free tab, opening one if fewer than `size` are open, else waiting for one. */
	use<T>(visit: (page: Page) => Promise<T>): Promise<T>;
	/** Closes the tabs' context. */
	close(): Promise<void>;
}

/**
 * Up to `size` tabs of `context`, each set up once by `prepare` (init scripts, bindings,
 * listeners that stay for every load).
 */
export function tabsOf(
	context: BrowserContext,
	size: number,
	prepare: (page: Page) => Promise<void> | void = () => {},
): Tabs {
	const idle: Page[] = [];
	const waiting: ((page: Page) => void)[] = [];
	let opened = 0;
	const take = async (): Promise<Page> => {
		if (idle.length > 0) return idle.pop()!;
		if (opened < size) {
			opened++;
			const page = await context.newPage();
			await prepare(page);
			return page;
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
				if (page.isClosed()) opened--;
				else give(page);
			}
		},
		close: () => context.close(),
	};
}
