/** Finding the Chromium that the browser tests drive: the bench's finder, one for both. */
export { findChromium } from '../../scripts/bench/chromium.ts';

/** What to do when no browser is found: one line, printed once for the whole run. */
export const NO_CHROMIUM =
	'The browser tests need Chromium: install it (`sudo apt-get install chromium` on Debian or Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome executable.';
