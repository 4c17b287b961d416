/**
 * CustomElement writes a custom element's tags as HTML, so that what it holds streams like any
 * other element's content. Written in a template, a custom-element tag is rendered by Astro
 * as a framework component: its content is buffered and that content's render instructions
 * are spread into one call, which overflows the stack somewhere between 100,000 and 200,000
 * components inside (a compare page of a 50,000-paragraph source died of it).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ManyItems from './fixtures/ManyItems.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown>) => container.renderToString(ManyItems, { props });

describe('CustomElement', () => {
  it('should write the tag around its content, with its attributes escaped', async () => {
    const html = await render({
      tag: 'compare-view',
      count: 2,
      attributes: { class: 'compare', 'data-cols': 2, 'data-note': 'a "b" & <c>', hidden: true, 'data-off': false, 'data-none': undefined },
    });
    expect(html).toContain('<main><compare-view class="compare" data-cols="2" data-note="a &quot;b&quot; &amp; &lt;c&gt;" hidden><p>0</p><p>1</p></compare-view></main>');
  });

  it('should refuse a name that is not a custom element’s, and an attribute name it would have to escape', async () => {
    await expect(render({ tag: 'div', count: 1 })).rejects.toThrow(/"div" is not a custom element name/);
    await expect(render({ tag: 'x-y', count: 1, attributes: { 'on"x': 'y' } })).rejects.toThrow(/is not an attribute name/);
  });

  it('should hold 200,000 components without overflowing the stack', async () => {
    const count = 200_000;
    const html = await render({ tag: 'x-list', count });
    expect(html.match(/<p>\d+<\/p>/g)?.length).toBe(count);
    expect(html).toMatch(/^<main><x-list><p>0<\/p>/);
    expect(html).toMatch(/<p>199999<\/p><\/x-list><\/main>$/);
  });
});
