/**
 * extract/html: a saved web page → the article's blocks, its metadata and what was left out.
 * The article's text is never lost to a class name or a <figure>, footnote markers and list
 * numbers stay readable, bylines give people (not places or job titles), and what is kept is
 * never reported as left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bylineNames, extractHtml } from '../../scripts/normalize/extract/html.ts';
import { FIXTURES_DIR } from '../fixtures/sources/run.ts';

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A test page</title>${head}</head><body>${body}</body></html>`;
const extract = (body: string, head = '') => extractHtml(page(body, head), 'test.html');
const texts = (body: string, head = '') => extract(body, head).blocks.map((b) => b.text);

/** Running prose, so that Readability takes the page for an article. */
const PROSE = [
  'Security forces said on Wednesday they had retaken the town, two days after insurgents overran it and looted its banks and shops.',
  'Residents who returned on Thursday described burned-out market stalls and a hospital stripped of its medicines and equipment.',
  'The insurgents have attacked the district repeatedly since 2020, and aid agencies say more than ten thousand people fled in the latest raid.',
  'The provincial governor said the army would stay in the town until the roads to the coast were safe again for traders and families.',
];
const paragraphs = (lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('');

describe('normalize html: boxes named like furniture', () => {
  it('should keep paragraphs of many note marks, whether a sentence ends before them or not', () => {
    // sought forward, every "?" in the marks was a sentence's end that read on to the end (over a minute)
    const marks = `The recording is unclear here, and the transcript marks each lost word: ${'[?]'.repeat(60_000)} and then`;
    const kept = texts(`<article><h1>Headline</h1>${paragraphs([...PROSE, marks, `The speaker ends.${'[?]'.repeat(60_000)}`])}</article>`);
    expect(kept).toEqual(['Headline', ...PROSE, marks, `The speaker ends.${'[?]'.repeat(60_000)}`]);
  });

  it('should keep the body paragraphs inside a "paywall-content" box between the free ones', () => {
    const result = extract(
      `<div id="page"><h1>Headline</h1><div class="story-text">${paragraphs(PROSE.slice(0, 2))}</div>` +
        `<div class="ad-container"><span>Advertisement</span></div>` +
        `<div class="story-text paywall-content">${paragraphs(PROSE.slice(2))}<p>Until recently the group had only small commercial drones, modified to drop grenades over short distances.</p></div>` +
        `<div class="story-text"><p>The council is expected to discuss the attack on Thursday, diplomats said.</p></div></div>`,
    );
    const kept = result.blocks.map((b) => b.text);
    for (const line of PROSE) expect(kept).toContain(line);
    expect(kept).toContain('Until recently the group had only small commercial drones, modified to drop grenades over short distances.');
    expect(result.dropped).toContainEqual({ reason: '"ad" box', text: 'Advertisement' });
    expect(result.dropped.map((d) => d.reason)).not.toContain('"paywall" box');
  });

  it('should keep a body wrapped whole in a "subscriber-only paywall" box, with a standfirst and a bio outside it', () => {
    const kept = texts(
      `<p class="standfirst">Prosecutors say the men scouted the town twice in the weeks before their arrest.</p>` +
        `<div class="subscriber-only paywall">${paragraphs(PROSE)}</div>` +
        `<div class="author-bio"><p>Jane Doe is our security correspondent. She has reported from Nairobi and Mogadishu for a decade.</p></div>`,
    );
    expect(kept).toEqual(PROSE);
  });

  it('should still leave out furniture that holds a sentence or two: a paywall prompt, a newsletter box, a bio', () => {
    const result = extract(
      `<article>${paragraphs(PROSE)}` +
        `<div class="paywall-prompt"><p>This article is for subscribers only.</p><p>Subscribe for $1 a week to keep reading.</p></div>` +
        `<div class="newsletter"><p>Sign up to Africa Weekly, our free briefing on the continent, every Monday morning.</p></div>` +
        `<div class="bio"><p>Jane Doe is our security correspondent. She has reported from Nairobi and Mogadishu for a decade.</p></div></article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.reason)).toEqual(['"paywall" box', '"newsletter" box', '"bio" box']);
  });

  it('should leave out a cookie notice and a comment thread that hold prose beside the article', () => {
    const notice = [
      'We and our partners store and access information on your device, such as cookies, and process personal data.',
      'You may click to consent to our processing as described above, or change your preferences at any time.',
      'Some partners do not ask for your consent and rely instead on their legitimate interest, which you can object to.',
    ];
    const comments = [
      'I have read this article twice and I still do not understand why the police took so long to respond.',
      'This is exactly what happened in my town last year, and nobody was ever held to account for any of it.',
      'Great reporting as always, though I wish the paper would follow up on the families of the victims too.',
    ];
    const result = extract(
      `<div class="cookie-consent">${paragraphs(notice)}</div><article><h1>Headline</h1>${paragraphs([...PROSE, ...PROSE.map((p) => `Again: ${p}`)])}</article>` +
        `<section id="comments"><h2>Comments</h2>${paragraphs(comments)}</section>`,
    );
    const kept = result.blocks.map((b) => b.text).join('\n');
    for (const line of [...notice, ...comments]) expect(kept).not.toContain(line);
    expect(result.dropped.map((d) => d.reason)).toEqual(expect.arrayContaining(['"cookie" box', '"comments" box']));
  });

  it('should leave out a caption or credit set in a box of its own, as a <figcaption> is (an AMP page\'s amp-img has none)', () => {
    const result = extract(
      `<article><amp-img src="court.jpg" width="1200" height="675"></amp-img><div class="amp-caption">The case is being heard at the crown court. Photo: Riverside Echo</div>` +
        `${paragraphs(PROSE)}<p class="image-credit">Map: Example Graphics</p></article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.reason)).toEqual(['"caption" box', '"credit" box']);
  });

  it('should keep a photo essay whose running text is set in "caption" boxes', () => {
    const kept = texts(`<article><h1>Headline</h1><div class="essay caption-text">${paragraphs(PROSE)}</div></article>`);
    expect(kept.filter((text) => text !== 'Headline')).toEqual(PROSE);
  });

  it('should leave out a pull quote, which repeats a sentence of the body in large type', () => {
    const result = extract(`<article>${paragraphs(PROSE.slice(0, 2))}<blockquote class="pull-quote"><p>Burned-out market stalls and a stripped hospital</p></blockquote><div class="story__pullquote">Ten thousand people fled</div>${paragraphs(PROSE.slice(2))}</article>`);
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.reason)).toEqual(['"pull-quote" box', '"pullquote" box']);
  });

  it('should keep a quotation the story makes in a <blockquote>, whatever its class', () => {
    const quote = '"I want to thank the negotiators, who kept talking to him for three hours," the superintendent said.';
    const kept = texts(`<article>${paragraphs(PROSE.slice(0, 2))}<blockquote class="quote"><p>${quote}</p></blockquote>${paragraphs(PROSE.slice(2))}</article>`);
    expect(kept).toEqual([...PROSE.slice(0, 2), quote, ...PROSE.slice(2)]);
  });

  it('should keep the body of the fixture page saved by a subscriber, and leave out its furniture', () => {
    const html = readFileSync(join(FIXTURES_DIR, 'html-subscriber-page', 'source.html'), 'utf8');
    const result = extractHtml(html, 'source.html');
    const kept = result.blocks.map((b) => b.text);
    expect(kept).toContain('The UN has appealed for $4.7bn for the region this year. By the end of February it had received less than a tenth of that amount.');
    expect(result.dropped.map((d) => d.reason)).toEqual(expect.arrayContaining(['navigation', '"share" box', '"ad" box', '"related" box', 'aside', 'figure or caption']));
  });
});

describe('normalize html: tables in figures', () => {
  const table =
    '<table><thead><tr><th>Country</th><th>Attacks 2022</th><th>Attacks 2023</th></tr></thead>' +
    '<tbody><tr><td>Burkina Faso</td><td>1,802</td><td>2,104</td></tr><tr><td>Mali</td><td>1,121</td><td>1,203</td></tr></tbody></table>';

  it('should keep a table in a <figure> as rows, and its caption as a paragraph', () => {
    const result = extract(
      `<article>${paragraphs(PROSE.slice(0, 2))}<figure class="wp-block-table">${table}<figcaption>Table 1: attacks recorded by country, Conflict Watch dataset.</figcaption></figure>${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual([
      ...PROSE.slice(0, 2),
      'Country | Attacks 2022 | Attacks 2023',
      'Burkina Faso | 1,802 | 2,104',
      'Mali | 1,121 | 1,203',
      'Table 1: attacks recorded by country, Conflict Watch dataset.',
      ...PROSE.slice(2),
    ]);
    expect(result.dropped.map((d) => d.reason)).not.toContain('figure or caption');
  });

  it('should still leave out a picture and its caption, and a caption beside a picture in a table figure', () => {
    const result = extract(
      `<article>${paragraphs(PROSE.slice(0, 2))}<figure><img src="a.jpg" alt=""><figcaption>Police outside the court on Monday. Photograph: Reuters</figcaption></figure>` +
        `<figure><img src="chart.png" alt="">${table}<figcaption>Photograph: AFP</figcaption></figure>${paragraphs(PROSE.slice(2))}</article>`,
    );
    const kept = result.blocks.map((b) => b.text);
    expect(kept).toContain('Mali | 1,121 | 1,203');
    expect(kept.join('\n')).not.toMatch(/Photograph/);
    expect(result.dropped).toEqual(
      expect.arrayContaining([
        { reason: 'figure or caption', text: 'Police outside the court on Monday. Photograph: Reuters' },
        { reason: 'figure or caption', text: 'Photograph: AFP' },
      ]),
    );
  });
});

describe('normalize html: footnote markers and superscripts', () => {
  const first = (html: string) => texts(`<article><p>${html}</p>${paragraphs(PROSE)}</article>`)[0];

  it('should write a linked footnote marker as "[1]", not run it into the number before it', () => {
    expect(first('The unit received 412 reports last year, up from 260 in 2021.<sup><a href="#fn1">1</a></sup>')).toBe('The unit received 412 reports last year, up from 260 in 2021.[1]');
  });

  it('should write a bare <sup> after punctuation, a Pandoc noteref and a MediaWiki reference as one marker each', () => {
    expect(first('Figures rose in 2021.<sup>1</sup> They fell in 2022,<sup>2</sup> then rose again')).toBe('Figures rose in 2021.[1] They fell in 2022,[2] then rose again');
    expect(first('A claim<a href="#fn3" class="footnote-ref" id="fnref3" role="doc-noteref"><sup>3</sup></a> and another.<sup class="reference"><a href="#cite_note-4">[4]</a></sup>')).toBe('A claim[3] and another.[4]');
    expect(first('A span marker<span role="doc-noteref">5</span> here')).toBe('A span marker[5] here');
  });

  it('should keep the footnote itself numbered like its marker', () => {
    const kept = texts(`<article>${paragraphs(PROSE)}<p id="fn1" class="footnote"><sup>1</sup> Figures from the unit’s annual report, published in April 2024.</p></article>`);
    expect(kept.at(-1)).toBe('[1] Figures from the unit’s annual report, published in April 2024.');
  });

  it('should leave out the arrow at the end of a footnote that links back to its marker', () => {
    const kept = texts(
      `<article>${paragraphs(PROSE)}<ol class="footnotes"><li id="fn1">The database covers the EU member states. <a href="#ref1">↩</a></li>` +
        `<li id="fn2">See the earlier paper (2023). <a href="#fnref2" class="footnote-backref">back to text</a></li><li id="fn3">Excluded. <a href="#r3" role="doc-backlink">↑</a></li>` +
        `<li id="fn4">As drawn as an emoji. <a href="#r4">↩\uFE0F</a></li></ol></article>`,
    );
    expect(kept.slice(-4)).toEqual(['1. The database covers the EU member states.', '2. See the earlier paper (2023).', '3. Excluded.', '4. As drawn as an emoji.']);
  });

  it('should keep an in-page link with words, and a caret or arrow that is text', () => {
    const kept = texts(`<article>${paragraphs(PROSE)}<p>Prices rose 3 ↑ in May, as <a href="#table-2">table 2</a> shows, from 10^3 tonnes.</p></article>`);
    expect(kept.at(-1)).toBe('Prices rose 3 ↑ in May, as table 2 shows, from 10^3 tonnes.');
  });

  it('should keep a footnote set beside its paragraph in an <aside> (role="doc-footnote", a "sidenote"), in its place', () => {
    const kept = texts(
      `<article>${paragraphs(PROSE.slice(0, 2))}<aside role="doc-footnote" id="fn1"><sup>1</sup> Around two thirds of attackers told someone of their plans.</aside>` +
        `${paragraphs(PROSE.slice(2))}<aside class="sidenote"><sup>2</sup> The shortest interval recorded was eleven days.</aside></article>`,
    );
    expect(kept).toEqual([...PROSE.slice(0, 2), '[1] Around two thirds of attackers told someone of their plans.', ...PROSE.slice(2), '[2] The shortest interval recorded was eleven days.']);
  });

  it('should leave a hidden sidenote hidden (a copy for another layout), not read it twice', () => {
    const note = 'The shortest interval recorded was eleven days, in a case from the north of the country.';
    const kept = texts(`<article>${paragraphs(PROSE.slice(0, 2))}<p>${note}</p><aside class="sidenote" hidden>${note}</aside>${paragraphs(PROSE.slice(2))}</article>`);
    expect(kept).toEqual([...PROSE.slice(0, 2), note, ...PROSE.slice(2)]);
  });

  it('should keep the endnotes Pandoc writes in an <aside role="doc-endnotes">, without their "↩︎" links', () => {
    const kept = texts(
      `<p>${PROSE[0]}</p><p>${PROSE[1]}<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>${paragraphs(PROSE.slice(2))}` +
        `<aside id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol><li id="fn1"><p>Interviews by the author, March 2024.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></aside>`,
    );
    expect(kept).toEqual([PROSE[0], `${PROSE[1]}[1]`, ...PROSE.slice(2), '1. Interviews by the author, March 2024.']);
  });

  it('should still leave out an <aside> of key points or related stories', () => {
    const result = extract(
      `<article><aside class="key-points"><ul><li>The brothers deny the charges</li><li>The trial will last six weeks</li></ul></aside>${paragraphs(PROSE)}` +
        `<aside class="related-notes"><a href="/a">How the plot was found</a></aside></article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.reason)).toEqual(['aside', 'aside']);
  });

  it('should keep superscripts inside words sensible: m2, 19th, Mme, and an exponent after a number as 10^6', () => {
    expect(first('A flat of 80 m<sup>2</sup> on the 19<sup>th</sup> floor, said M<sup>me</sup> Diallo, cost 10<sup>6</sup> francs')).toBe(
      'A flat of 80 m2 on the 19th floor, said Mme Diallo, cost 10^6 francs',
    );
  });

  it('should write out the quotation marks a browser draws around <q>, nested and in the page\'s language', () => {
    const kept = texts(
      `<article>${paragraphs(PROSE)}<p>As one investigator put it, <q>we are looking for a needle in a <q>stack</q> of needles</q>.</p>` +
        `<p lang="de">Der Ermittler sagte, <q>wir suchen eine Nadel im Nadelhaufen</q>.</p></article>`,
    );
    expect(kept.slice(-2)).toEqual(['As one investigator put it, “we are looking for a needle in a ‘stack’ of needles”.', 'Der Ermittler sagte, „wir suchen eine Nadel im Nadelhaufen“.']);
  });

  it('should leave a <q> that brings its own quotation marks as it is', () => {
    const kept = texts(`<article>${paragraphs(PROSE)}<p>He said <q>"we will win"</q> and <q>“so will they”</q>.</p></article>`);
    expect(kept.at(-1)).toBe('He said "we will win" and “so will they”.');
  });

  it('should keep words either side of a <br> inside a paragraph apart', () => {
    expect(first('The first line<br>and the second')).toBe('The first line and the second');
  });
});

describe('normalize html: ordered lists', () => {
  it('should keep the number of each item of an ordered list, from its start', () => {
    const kept = texts(`<article>${paragraphs(PROSE)}<ol><li>Small sums are collected in cash.</li><li><p>The cash is deposited under false names.</p></li></ol><ol start="4" type="a"><li>Fourth</li></ol><ul><li>Not numbered</li></ul></article>`);
    expect(kept.slice(PROSE.length)).toEqual(['1. Small sums are collected in cash.', '2. The cash is deposited under false names.', 'd. Fourth', 'Not numbered']);
  });
});

describe('normalize html: bylines', () => {
  it('should strip " in <Place>" from each author of the byline', () => {
    expect(bylineNames('By Sanne de Vries in The Hague and Omar Khalil in Amman')).toEqual(['Sanne de Vries', 'Omar Khalil']);
  });

  it.each([
    ['By Aïssata Diallo, Senior Analyst', ['Aïssata Diallo']],
    ['By Jane Doe, Security Correspondent, and John Roe, Staff Writer', ['Jane Doe', 'John Roe']],
    ['By Mariam al-Amin, Middle East Editor, in Beirut', ['Mariam al-Amin']],
    ['By Peter Otieno · 4 May 2025', ['Peter Otieno']],
    ['By Jane Doe, Washington', ['Jane Doe']],
    ['By Staff Reporter', []],
    ['By Reuters', ['Reuters']],
  ])('should read "%s" as %j', (byline, names) => {
    expect(bylineNames(byline)).toEqual(names);
  });

  it('should take the people of the byline on the page, not its places or job titles', () => {
    const article = paragraphs(PROSE);
    expect(extract(`<article><p class="byline">By Sanne de Vries in The Hague and Omar Khalil in Amman</p>${article}</article>`).metadata.authors?.value).toEqual(['Sanne de Vries', 'Omar Khalil']);
    expect(extract(`<article><span class="byline">By Aïssata Diallo, Senior Analyst</span>${article}</article>`).metadata.authors?.value).toEqual(['Aïssata Diallo']);
  });


  it('should prefer the people of the byline to an organisation named as the JSON-LD author, and keep the organisation for want of one', () => {
    const jsonLd = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"Tribune Staff"}}</script>`;
    const withByline = extract(`<article><p class="byline">By Marta Kowalczyk in Geneva</p>${paragraphs(PROSE)}</article>`, jsonLd).metadata.authors;
    expect(withByline).toEqual({ value: ['Marta Kowalczyk'], status: 'verified', from: 'the byline on the page' });
    expect(extract(`<article>${paragraphs(PROSE)}</article>`, jsonLd).metadata.authors?.value).toEqual(['Tribune Staff']);
  });

  it('should read the two authors of the fixture page saved by a subscriber', () => {
    const html = readFileSync(join(FIXTURES_DIR, 'html-subscriber-page', 'source.html'), 'utf8');
    expect(extractHtml(html, 'source.html').metadata.authors?.value).toEqual(['Marta Kowalczyk', 'Ibrahim Sow']);
  });
});

describe('normalize html: what is reported as left out', () => {
  it('should not report as left out text that Readability kept, split at <br><br> into paragraphs', () => {
    const result = extract(`<div id="content"><h1>Headline</h1><div class="text">${PROSE.join('<br><br>')}<ul><li>Macomia</li><li>Quissanga</li></ul></div></div>`);
    const kept = result.blocks.map((b) => b.text).join(' ');
    for (const line of PROSE) expect(kept).toContain(line);
    expect(result.dropped.filter((d) => d.text.includes(PROSE[0]!))).toEqual([]);
  });
});

describe('normalize html: what the page says about itself', () => {
  it('should keep a first paragraph that the page also gives as its description, and not take it for a standfirst', () => {
    const result = extract(`<article><h1>Headline</h1>${paragraphs(PROSE)}</article>`, `<meta property="og:description" content="${PROSE[0]}">`);
    expect(result.blocks.find((b) => b.kind === 'paragraph')?.text).toBe(PROSE[0]);
    expect(result.metadata.standfirst).toBeUndefined();
    expect(result.notes.join(' ')).toMatch(/description is its first paragraph/);
  });

  it('should still take a description printed apart from the body for a standfirst', () => {
    const summary = 'A summary that stands apart from the body.';
    const result = extract(`<header><h1>Headline</h1><p class="standfirst">${summary}</p></header><article>${paragraphs(PROSE)}</article>`, `<meta property="og:description" content="${summary}">`);
    expect(result.metadata.standfirst).toMatchObject({ value: summary, status: 'verified' });
  });

  it('should read the language the page declares, JSON-LD first, as a canonical tag', () => {
    const french = (head: string, lang = 'fr-FR') => extractHtml(page(`<article><h1>Titre</h1>${paragraphs(PROSE)}</article>`, head).replace('lang="en"', `lang="${lang}"`), 't.html');
    expect(french('').metadata.language).toEqual({ value: 'fr-FR', status: 'verified', from: '<html lang>' });
    expect(french('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Titre","inLanguage":"fr"}</script>').metadata.language?.value).toBe('fr');
    expect(french('<meta property="og:locale" content="es_ES">', '').metadata.language?.value).toBe('es-ES');
  });
});

describe('normalize html: section headings in wrappers of their own', () => {
  const chapter = (wrapper: string, heading: string, lines: string[]) => `<section class="chapter">${wrapper.replace('%', heading)}${paragraphs(lines)}</section>`;

  it('should keep a section heading wrapped in a <header> or a "chapter__header" box, with the label beside it', () => {
    const kept = texts(
      `<div class="longform"><h1>Headline</h1>` +
        chapter('<header class="chapter__header"><span class="chapter__number">Part one</span><h2>The blast</h2></header>', '', PROSE.slice(0, 2)) +
        chapter('<div class="section-header"><h3>%</h3></div>', 'The money', PROSE.slice(2)) +
        `</div>`,
    );
    expect(kept).toEqual(['Headline', 'Part one', 'The blast', ...PROSE.slice(0, 2), 'The money', ...PROSE.slice(2)]);
  });

  it('should leave alone a masthead, and an article header that holds the headline', () => {
    const result = extract(
      `<header class="site-header"><h2>Latest news</h2><a href="/">Home</a></header>` +
        `<article><header class="article-header"><h1>Headline</h1><h2>A standfirst set as a subheading</h2></header>${paragraphs(PROSE)}</article>`,
    );
    const kept = result.blocks.map((b) => b.text);
    expect(kept).not.toContain('Latest news');
    expect(kept).not.toContain('A standfirst set as a subheading');
    expect(kept).toEqual(expect.arrayContaining(PROSE));
  });
});

describe('normalize html: posts embedded from social networks', () => {
  const TWEET = 'This morning our police dismantled a cell that intended to attack the cup final. Four men are in custody.';

  it('should keep an embedded tweet quoted in the story, out of its <figure> and its embed box, with its attribution', () => {
    const result = extract(
      `<article>${paragraphs(PROSE.slice(0, 2))}<p>The minister announced the arrests in a post on X:</p>` +
        `<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet"><p lang="en">${TWEET}</p>&mdash; Interior Minister (@interior_min) <a href="https://twitter.com/x/status/1">September 21, 2025</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></div></figure>` +
        `<div class="social-embed"><blockquote class="instagram-media"><p>Fans queue at the stadium gates.</p></blockquote></div>` +
        `${paragraphs(PROSE.slice(2))}</article>`,
    );
    const kept = result.blocks.map((b) => b.text);
    expect(kept).toEqual([...PROSE.slice(0, 2), 'The minister announced the arrests in a post on X:', TWEET, '— Interior Minister (@interior_min) September 21, 2025', 'Fans queue at the stadium gates.', ...PROSE.slice(2)]);
  });

  it('should still leave out a picture with its caption, a pull quote in a <figure> and a box of share links', () => {
    const result = extract(
      `<article>${paragraphs(PROSE.slice(0, 2))}` +
        `<figure><img src="a.jpg"><figcaption>Police outside the stadium. Photograph: Agency</figcaption></figure>` +
        `<figure class="pull-quote"><blockquote><p>Four men are in custody</p></blockquote></figure>` +
        `<div class="social-share"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>` +
        `${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.reason)).toEqual(['figure or caption', 'figure or caption', '"social" box']);
  });
});

describe('normalize html: the rest of the article hidden behind "Continue reading"', () => {
  const MORE = [
    'Prosecutors said the boy had been isolated and angry when he first joined a gaming chat group where the recruiter was active.',
    'Within weeks the conversations had moved to a private channel, where he was sent videos of attacks and bomb-making manuals.',
    'His mother found one of the documents on his laptop in November and contacted the police the same evening.',
  ];

  it('should keep the hidden rest of the article, by the hidden attribute or by display:none', () => {
    for (const hide of ['hidden class="read-more-wrapper"', 'style="display: none" class="article-rest"']) {
      const kept = texts(`<article><h1>Headline</h1><div class="article-body">${paragraphs(PROSE)}<div ${hide}>${paragraphs(MORE)}</div><button>Continue reading</button></div></article>`);
      expect(kept.filter((text) => text !== 'Headline')).toEqual([...PROSE, ...MORE]);
    }
  });

  it('should still leave out a hidden copy of the article, a hidden notice beside it and a hidden line', () => {
    const result = extract(
      `<article><h1>Headline</h1>${paragraphs(PROSE)}<p hidden>Tap to hear this article read aloud by an automated voice, in full.</p></article>` +
        `<div class="print-copy" hidden>${paragraphs(PROSE)}</div>` +
        `<div class="modal" aria-hidden="true">${paragraphs(MORE.map((line) => line.replace('.', ' on our site.')))}</div>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual(['Headline', ...PROSE]);
    expect(result.dropped.filter((d) => d.reason === 'hidden element')).toHaveLength(3);
  });
});

describe('normalize html: an article saved only in its <noscript> fallback', () => {
  it('should read the article from the <noscript> fallback of a page that builds it with JavaScript', () => {
    const result = extract(`<div id="root"><div class="spinner">Loading…</div></div><noscript><div class="article"><h1>Headline</h1>${paragraphs(PROSE)}</div></noscript>`);
    expect(result.blocks.map((b) => b.text).filter((text) => text !== 'Headline')).toEqual(PROSE);
    expect(result.notes.join(' ')).toMatch(/<noscript> fallback/);
  });

  it('should still leave out a <noscript> copy of an article the page holds, and a "please enable JavaScript" line', () => {
    const result = extract(
      `<article><h1>Headline</h1>${paragraphs(PROSE)}<noscript><p>Please enable JavaScript to view the comments powered by our provider.</p></noscript></article>` +
        `<noscript><div>${paragraphs(PROSE)}</div></noscript>`,
    );
    expect(result.blocks.map((b) => b.text).filter((text) => text !== 'Headline')).toEqual(PROSE);
    expect(result.notes.join(' ')).not.toMatch(/noscript/);
  });
});

describe('normalize html: a description printed above the byline', () => {
  const DEK = 'Banning a group makes membership a crime. Here is how the process works and what it changes for its members.';
  const described = (body: string, description: string) => extract(body, `<meta property="og:description" content="${description}">`);

  it('should take a description printed above the byline, inside the article, for the standfirst', () => {
    const result = described(`<article><h1>Headline</h1><p class="dek">${DEK}</p><p class="byline">By Jane Doe · 2 November 2024</p>${paragraphs(PROSE)}</article>`, DEK);
    expect(result.metadata.standfirst).toMatchObject({ value: DEK, status: 'verified' });
    expect(result.notes.join(' ')).not.toMatch(/description is its first paragraph/);
  });

  it('should still keep as the lead a description printed under the byline, or above a byline that closes the article', () => {
    for (const body of [
      `<article><h1>Headline</h1><p class="byline">By Jane Doe</p>${paragraphs(PROSE)}</article>`,
      `<article><h1>Headline</h1>${paragraphs(PROSE)}<p class="byline">By Jane Doe, in Maputo</p></article>`,
    ]) {
      const result = described(body, PROSE[0]!);
      expect(result.metadata.standfirst).toBeUndefined();
      expect(result.notes.join(' ')).toMatch(/description is its first paragraph/);
    }
  });
});

describe('normalize html: accordions', () => {
  it('should keep a heading set inside the <button> that opens its panel, and still leave out a button without one', () => {
    const result = extract(
      `<article><h1>Headline</h1>${paragraphs(PROSE.slice(0, 2))}<button aria-expanded="true" class="faq__question"><h3>Who sets the threat level?</h3></button>` +
        `${paragraphs(PROSE.slice(2))}<button class="more">Continue reading</button></article>`,
    );
    expect(result.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain('Who sets the threat level?');
    expect(result.blocks.map((b) => b.text).filter((text) => text !== 'Headline')).toEqual([...PROSE.slice(0, 2), 'Who sets the threat level?', ...PROSE.slice(2)]);
    expect(result.dropped).toContainEqual({ reason: 'form', text: 'Continue reading' });
  });

  const ANSWERS = [
    'The level is set by an analysis centre within the security service, which brings together analysts from across government.',
    'Officials have not given a reason, but changes usually follow an attack, a series of disrupted plots or new intelligence.',
  ];

  it('should keep the answers in an accordion\'s closed panels, opened by a button beside them or named by aria-controls', () => {
    const kept = texts(
      `<article><h1>Headline</h1>${paragraphs(PROSE.slice(0, 2))}<div class="faq">` +
        `<div class="faq__item"><button aria-expanded="false"><h3>Who sets the threat level?</h3></button><div class="faq__answer" hidden><p>${ANSWERS[0]}</p></div></div>` +
        `<div class="faq__item"><h3><span role="button" aria-controls="a2">Why now?</span></h3><div id="a2" style="display:none"><p>${ANSWERS[1]}</p></div></div>` +
        `</div>${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(kept.filter((text) => text !== 'Headline')).toEqual([...PROSE.slice(0, 2), 'Who sets the threat level?', ANSWERS[0], 'Why now?', ANSWERS[1], ...PROSE.slice(2)]);
  });

  it('should still leave out a closed menu or notice beside the article, and a hidden paragraph that no control opens', () => {
    const result = extract(
      `<div class="masthead"><button aria-expanded="false">Menu</button><div class="drawer" hidden><p>Subscribers can read every article on the site and in the app for one low monthly price.</p></div></div>` +
        `<article><h1>Headline</h1>${paragraphs(PROSE)}<div class="panel" hidden><p>${ANSWERS[0]}</p></div></article>`,
    );
    expect(result.blocks.map((b) => b.text).filter((text) => text !== 'Headline')).toEqual(PROSE);
    expect(result.dropped.filter((d) => d.reason === 'hidden element')).toHaveLength(2);
  });
});

describe('normalize html: quotations and their attribution', () => {
  const QUOTE = 'I came back after three weeks because I did not know what else to do. My hands would not stop shaking.';

  it('should keep the attribution a <blockquote> sets in its own <footer>', () => {
    const kept = texts(`<article>${paragraphs(PROSE.slice(0, 2))}<blockquote class="blockquote"><p>${QUOTE}</p><footer class="blockquote-footer">Leyla Demir, stallholder</footer></blockquote>${paragraphs(PROSE.slice(2))}</article>`);
    expect(kept).toEqual([...PROSE.slice(0, 2), QUOTE, 'Leyla Demir, stallholder', ...PROSE.slice(2)]);
  });

  it('should keep a quotation in a <figure>, and its source in the <figcaption>', () => {
    const kept = texts(`<article>${paragraphs(PROSE.slice(0, 2))}<figure class="quote"><blockquote><p>${QUOTE}</p></blockquote><figcaption>— Owen Price, former paramedic</figcaption></figure>${paragraphs(PROSE.slice(2))}</article>`);
    expect(kept).toEqual([...PROSE.slice(0, 2), QUOTE, '— Owen Price, former paramedic', ...PROSE.slice(2)]);
  });

  it('should still leave out a pull quote in a <figure>, and a picture\'s caption beside a quotation', () => {
    const result = extract(
      `<article>${paragraphs(PROSE.slice(0, 2))}<figure class="wp-block-pullquote"><blockquote><p>My hands would not stop shaking</p><cite>Leyla Demir</cite></blockquote></figure>` +
        `<figure><img src="market.jpg"><blockquote><p>${QUOTE}</p></blockquote><figcaption>The market today. Photograph: Agency</figcaption></figure>${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual([...PROSE.slice(0, 2), QUOTE, ...PROSE.slice(2)]);
    expect(result.dropped.map((d) => d.text)).toEqual(['My hands would not stop shaking Leyla Demir', 'The market today. Photograph: Agency']);
  });

  it('should leave out a quotation in a <figure> that repeats the body\'s words, whatever its class: a pull quote', () => {
    const result = extract(
      `<article>${paragraphs(PROSE.slice(0, 2))}<figure class="wp-block-quote is-large"><blockquote><p>“burned-out market stalls and a hospital stripped of its medicines”</p></blockquote></figure>${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.text)).toEqual(['“burned-out market stalls and a hospital stripped of its medicines”']);
  });

  it('should keep a quotation in a <figure> that only a script or a share box repeats (a JSON-LD articleBody, "click to tweet")', () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: [...PROSE, QUOTE].join(' ') })}</script>`;
    const kept = texts(
      `${jsonLd}<article>${paragraphs(PROSE.slice(0, 2))}<figure><blockquote><p>${QUOTE}</p></blockquote><figcaption>— Ann Lee, resident</figcaption></figure>` +
        `<div class="share-quote"><a href="#">${QUOTE} Tweet this</a></div>${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(kept).toEqual([...PROSE.slice(0, 2), QUOTE, '— Ann Lee, resident', ...PROSE.slice(2)]);
  });

  it('should keep a wrapper of article text whose class holds "caption" or "credit", and leave out a caption box', () => {
    // the wrapper holds too little of the article for a furniture-named box to be rescued as article text
    const more = [...PROSE, ...PROSE].map((line, i) => `${line.slice(0, -1)}, report ${i + 1} says.`);
    const result = extract(
      `<article><div class="entry-content has-caption">${paragraphs(PROSE.slice(0, 2))}</div><div class="image-credit">Photograph: Agency</div>${paragraphs(more)}</article>`,
    );
    expect(result.blocks.map((b) => b.text)).toEqual([...PROSE.slice(0, 2), ...more]);
    expect(result.dropped.map((d) => d.text)).toEqual(['Photograph: Agency']);
  });

  it('should leave a hidden message beside a box of buttons hidden: only an accordion\'s toggle opens a panel', () => {
    const kept = texts(
      `<article>${paragraphs(PROSE.slice(0, 2))}<div class="tools"><button>Copy link</button></div><div hidden><p>Link copied to your clipboard, you can now paste it into an email or a message to a friend.</p></div>${paragraphs(PROSE.slice(2))}</article>`,
    );
    expect(kept).toEqual(PROSE);
  });

  it('should still leave out the footer of the page and of the article', () => {
    const result = extract(`<article>${paragraphs(PROSE)}<footer class="story-footer"><p>Filed under Courts and Security</p></footer></article><footer>© Harbourline 2025</footer>`);
    expect(result.blocks.map((b) => b.text)).toEqual(PROSE);
    expect(result.dropped.map((d) => d.reason)).toEqual(['page footer', 'page footer']);
  });
});
