// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { documentStrings } from '#domain/report/anonymise.ts';
import { fixtureReportDocument, missingInOrder, withSection } from './fixture.ts';
import { renderReportHtml } from './html.ts';

const doc = fixtureReportDocument();
const html = renderReportHtml(doc);
const parse = (source: string) => new DOMParser().parseFromString(source, 'text/html');
const page = parse(html);
const texts = (selector: string) => [...page.querySelectorAll(selector)].map((e) => e.textContent ?? '');

describe('renderReportHtml', () => {
  it('is a complete HTML page in British English with the report’s title and no scripts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.documentElement.lang).toBe('en-GB');
    expect(page.title).toBe('Child A: Local child safeguarding practice review');
    expect(page.querySelector('meta[charset="utf-8"]')).not.toBeNull();
    expect(page.querySelector('style')?.textContent).toContain('@media print');
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
  });

  it('holds every heading, paragraph, list item and cell in order', () => {
    const body = page.querySelector('main')?.textContent ?? '';
    const strings = documentStrings(doc).slice(2); // the title and subtitle are on the title page
    expect(
      missingInOrder(
        body,
        strings.map((s) => s.text),
      ),
    ).toEqual([]);
    expect(texts('.title-page p')).toEqual([
      'Child A',
      'Local child safeguarding practice review',
      'Northshire Safeguarding Children Partnership',
      'Version 2, generated on 16 September 2024',
    ]);
  });

  it('has an h1 for the contents and each top-level section, h2 for subsections, h3 inside a finding', () => {
    expect(texts('h1')).toEqual(['Contents', ...doc.sections.map((s) => s.title)]);
    expect(texts('h2')).toContain('Finding 1: Records do not follow a child who moves school mid-year');
    const finding = page.getElementById('section-findings-finding-1');
    expect([...(finding?.querySelectorAll('h3') ?? [])].map((h) => h.textContent)).toContain(
      'Issues for the board',
    );
    expect(page.querySelector('h5, h6')).toBeNull();
  });

  it('links the contents to the sections by safe, unique ids', () => {
    const links = [...page.querySelectorAll('nav a')].map((a) => a.getAttribute('href') ?? '');
    expect(links).toContain('#section-introduction-why-this-case');
    for (const href of links) {
      expect(href).toMatch(/^#section-[a-z0-9_-]+$/);
      expect(page.getElementById(href.slice(1)), href).not.toBeNull();
    }
    const ids = [...page.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(links.length).toBe(page.querySelectorAll('main section').length);
  });

  it('gives every table a caption and column headers', () => {
    const tables = [...page.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.querySelector('caption')?.textContent).toBeTruthy();
      const headers = [...table.querySelectorAll('thead th')];
      expect(headers.length).toBe(table.querySelector('tbody tr')?.children.length ?? headers.length);
      for (const th of headers) expect(th.getAttribute('scope')).toBe('col');
    }
  });

  it('escapes every text it is given', () => {
    const nasty = '<script>alert("x")</script> & Tom’s <b>';
    const out = renderReportHtml(
      withSection(
        { ...doc, title: 'A & B <i>' },
        {
          id: 'x"><script>.1',
          title: `Title ${nasty}`,
          origin: 'narrative',
          blocks: [
            { kind: 'paragraph', text: nasty },
            { kind: 'heading', text: nasty },
            { kind: 'list', ordered: false, items: [nasty] },
            { kind: 'table', caption: nasty, columns: [nasty], rows: [[nasty]] },
          ],
          sections: [],
        },
      ),
    );
    expect(out).not.toMatch(/<script|<b>|<i>/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom’s &lt;b&gt;');
    expect(out).toContain('<title>A &amp; B &lt;i&gt;: Local child safeguarding practice review</title>');
    expect(out).toContain('id="section-x-script-1"');
    const parsed = parse(out);
    const added = parsed.getElementById('section-x-script-1');
    expect(added?.querySelector('h1')?.textContent).toBe(`Title ${nasty}`);
    for (const selector of ['p', 'h2', 'li', 'caption', 'th', 'td']) {
      expect(added?.querySelector(selector)?.textContent, selector).toBe(nasty);
    }
  });
});
