import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeHtml, toFeedItem } from '../../src/lib/site/feed.ts';
import { makeEntry } from '../helpers.ts';

const HOSTILE = '<img src=x onerror=alert(1)> & "quotes"';

describe('toFeedItem', () => {
	it('leaves a summary as text for feed readers that render descriptions as HTML', async () => {
		const entry = makeEntry('hostile', { title: HOSTILE, summary: HOSTILE, tags: ['x'] });
		const xml = await getRssString({
			title: 'T',
			description: 'D',
			site: 'https://journal.example.com',
			items: [toFeedItem(entry, '/entries/hostile/')],
		});
		const item = new XMLParser({ htmlEntities: true }).parse(xml).rss.channel.item;
		expect(item.description).toBe(escapeHtml(HOSTILE));
		expect(item.description).not.toContain('<img');
		expect(item.title).toBe(HOSTILE);
		expect(item.category).toEqual(['shipped', 'x']);
	});

	it('has no description when the entry has no summary', () => {
		expect(toFeedItem(makeEntry('plain', {}), '/entries/plain/').description).toBeUndefined();
	});
});

describe('escapeHtml', () => {
	it('escapes markup and quotes, and nothing else', () => {
		expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe(
			'&#60;a href=&#34;x&#34;&#62;Tom&#39;s &#38; co&#60;/a&#62;',
		);
		expect(escapeHtml('café 42 ms')).toBe('café 42 ms');
	});
});
