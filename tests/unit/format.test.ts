import { describe, expect, it } from 'vitest';
import { getDelta } from '../../src/lib/content/delta.ts';
import {
	displayDecimals,
	documentTitle,
	formatChangeWithPercent,
	formatDate,
	formatMonth,
	formatValue,
	githubUser,
	plural,
	possessive,
} from '../../src/lib/site/format.ts';
import { createUrls } from '../../src/lib/site/urls.ts';
import { tagSlug } from '../../src/lib/content/tags.ts';

describe('format', () => {
	it('writes values with their unit', () => {
		expect(formatValue(1900, 'ms')).toBe('1,900 ms');
		expect(formatValue(3.25, '%')).toBe('3.25%');
		expect(formatValue(412, 'count')).toBe('412');
		expect(formatValue(undefined, 'ms')).toBe('—');
	});

	it('writes changes with a real minus sign, percentage points for % metrics', () => {
		expect(
			formatChangeWithPercent(
				getDelta({ metric: 'm', before: 1900, after: 1100 }, { direction: 'down' }),
				'ms',
			),
		).toBe('−800 ms (−42.11%)');
		expect(
			formatChangeWithPercent(
				getDelta({ metric: 'm', before: 3.2, after: 3.5 }, { direction: 'up' }),
				'%',
			),
		).toBe('+0.3 pp (+9.38%)');
		expect(
			formatChangeWithPercent(getDelta({ metric: 'm', before: 0, after: 2 }, { direction: 'up' })),
		).toBe('+2');
	});

	it('writes dates without time-zone drift', () => {
		expect(formatDate('2026-03-01')).toBe('1 Mar 2026');
		expect(formatMonth('2026-12')).toBe('December 2026');
	});

	it('writes years as they are written, from 0000 to 9999', () => {
		expect(['0000-01-01', '0099-12-31', '9999-12-31'].map(formatDate)).toEqual([
			'1 Jan 0000',
			'31 Dec 0099',
			'31 Dec 9999',
		]);
		expect(formatMonth('0099-06')).toBe('June 0099');
	});
});

describe('documentTitle', () => {
	const journal = 'Northwind Pay — Outcome Journal';

	it('adds the journal title when the whole fits in 70 characters', () => {
		expect(documentTitle('#latency', journal)).toBe(`#latency · ${journal}`);
		expect(documentTitle(undefined, journal)).toBe(journal);
	});

	it("keeps only the page's own title when both would be longer", () => {
		const title = 'Requested 3-D Secure exemptions for low-risk payments';
		expect(`${title} · ${journal}`.length).toBeGreaterThan(70);
		expect(documentTitle(title, journal)).toBe(title);
	});

	it('cuts a title longer than 70 characters after a whole word', () => {
		const title = `Moved checkout price lookups to one batched call per cart ${'and more '.repeat(3)}`;
		const shown = documentTitle(title, journal);
		expect(shown.length).toBeLessThanOrEqual(70);
		expect(shown).toMatch(/^Moved checkout price lookups .* (and|more)…$/);
		expect(title.startsWith(shown.slice(0, -1))).toBe(true);
		expect(documentTitle('x'.repeat(80)).length).toBe(70);
	});

	it('counts characters as the page writes them (an apostrophe is five: &#39;)', () => {
		const title = "Published per-region checkout SLO dashboards for merchants' account managers";
		const shown = documentTitle(title, journal);
		expect(shown).toBe("Published per-region checkout SLO dashboards for merchants'…");
		expect(documentTitle(`${"'".repeat(20)}`)).toBe("'".repeat(13) + '…');
	});
});

describe('urls', () => {
	it('puts every link under the base, with a trailing slash', () => {
		const urls = createUrls('/journal/');
		expect(urls.home()).toBe('/journal/');
		expect(urls.entry('batching')).toBe('/journal/entries/batching/');
		expect(urls.month('2026-03')).toBe('/journal/months/2026-03/');
		expect(createUrls('/journal').person('ana')).toBe('/journal/people/ana/');
		expect(createUrls('/').tags()).toBe('/tags/');
	});

	it('makes tag slugs from any tag text', () => {
		expect(tagSlug('Black Friday')).toBe('black-friday');
		expect(tagSlug('p95/latency')).toBe('p95-latency');
		expect(createUrls('/').tag('Black Friday')).toBe('/tags/black-friday/');
	});

	it('writes links from content as valid URLs: what a URL may not hold is percent-encoded', () => {
		const { external } = createUrls('/');
		expect(external('https://x.example/d/"><script>alert(1)</script>')).toBe(
			'https://x.example/d/%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
		);
		expect(external('https://x.example/?q=a b|c{d}&r=50%')).toBe(
			'https://x.example/?q=a%20b%7Cc%7Bd%7D&r=50%25',
		);
		expect(external('https://x.example/pull/2#a#"b"')).toBe('https://x.example/pull/2#a%23%22b%22');
	});

	it('leaves a link that is already valid as it is', () => {
		const { external } = createUrls('/journal/');
		for (const url of [
			'https://dashboards.example.com/d/x?from=2026-01&to=2026-03#panel-2',
			'https://x.example/a%20b/caf%C3%A9',
			"https://x.example/(1);v=2,3~@!$*+'",
		])
			expect(external(url)).toBe(url);
	});
});

describe('plural', () => {
	it('puts the noun in the number of its count', () => {
		expect(plural(1, 'team')).toBe('1 team');
		expect(plural(0, 'team')).toBe('0 teams');
		expect(plural(2, 'entry', 'entries')).toBe('2 entries');
	});
});

describe('githubUser', () => {
	it('reads the user name as written, after an @, or from the profile’s address', () => {
		for (const written of [
			'anasouza',
			' @anasouza ',
			'https://github.com/anasouza',
			'github.com/anasouza/',
			'https://www.github.com/anasouza?tab=repositories',
		])
			expect(githubUser(written), written).toBe('anasouza');
	});
});

describe('possessive', () => {
	it('adds ’s, or only ’ after a final s', () => {
		expect(possessive('Ana')).toBe('Ana’s');
		expect(possessive('Payments')).toBe('Payments’');
		expect(possessive('GROWTH OPS')).toBe('GROWTH OPS’');
		expect(possessive('<svg>Payments</svg>')).toBe('<svg>Payments</svg>’s');
	});
});

describe('number precision', () => {
	it('gives a metric the decimals its values share, at most two', () => {
		expect(displayDecimals([91.2, 93, undefined])).toBe(1);
		expect(displayDecimals([1900, 1100])).toBe(0);
		expect(displayDecimals([0.125, 3])).toBe(2);
		expect(displayDecimals([])).toBe(0);
	});

	it('writes every number of a metric in the same decimals, values and changes alike', () => {
		const metric = { unit: '%', decimals: displayDecimals([91.2, 93]) };
		const delta = getDelta({ metric: 'm', before: 91.2, after: 93 }, { direction: 'up' });
		expect(`${formatValue(91.2, metric)} → ${formatValue(93, metric)}`).toBe('91.2% → 93.0%');
		expect(formatChangeWithPercent(delta, metric)).toBe('+1.8 pp (+1.97%)');
		// A value with more decimals than the rest keeps them (a CSV series may have more).
		expect(formatValue(93.25, metric)).toBe('93.25%');
		expect(formatValue(93, { unit: 'ms' })).toBe('93 ms');
	});
});
