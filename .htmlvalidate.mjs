// @ts-check
/**
 * html-validate's rules for the built pages (tests/e2e/html-validate.test.ts runs them over every
 * HTML file of the sample journal). Nothing is turned off. One rule is narrowed, with its reason.
 * @type {import('html-validate').ConfigData}
 */
export default {
	root: true,
	// `document` adds the checks that need a whole page: headings that never skip a level, ids that
	// every `aria-labelledby` and `for` names, a doctype, labelled inputs and subresource integrity.
	extends: ['html-validate:recommended', 'html-validate:document'],
	rules: {
		// Integrity hashes guard files from another origin, which a third party could change. Every
		// script and stylesheet here is a file of the same build, served beside the page by the same
		// host: whoever could change one could change the page and its hash too. A file from another
		// origin still needs its hash.
		'require-sri': ['error', { target: 'crossorigin' }],
	},
};
