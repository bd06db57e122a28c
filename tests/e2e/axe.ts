/**
 * Axe on an open page, as the browser tests run it: one finding per violated rule, with the
 * elements it names.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const COLOR_SCHEMES = ['light', 'dark'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/**
 * Axe's rules (enabled by default) whose findings depend on colours. The dark scheme changes
 * colours only (a11y.test.ts tests that), so in dark mode only these run again.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Axe's violations on `page` as it is shown in `colorScheme` (which the caller emulated): every
 * rule in light mode, the colour rules in dark mode.
 */
export async function axeViolations(page: Page, colorScheme: ColorScheme): Promise<string[]> {
	// Legacy mode runs axe in the page itself, rather than in a blank page opened for each analysis;
	// it leaves out cross-origin frames only, and the site's policy allows no frame from another
	// origin.
	const axe = new AxeBuilder({ page }).setLegacyMode();
	if (colorScheme === 'dark') axe.withRules(COLOUR_RULES);
	const { violations } = await axe.analyze();
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
