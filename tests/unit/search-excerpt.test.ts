import { describe, expect, it } from 'vitest';
import { excerptCuts } from '../../src/client/search/pagefind';

// Pagefind's own excerpts of the real dossier (excerptLength 36), with the texts they come from.
const mosul =
  'For some ISIS fighters, there will be no escape from the battles of Mosul and Raqqa. Nor do they want one. Urged on by the messages of al-Adnani and al-Baghdadi, they will embrace martyrdom in the alleyways of Mosul and the wide expanses of the Jazeera desert. Most of those who fight to the death are likely to be foreign fighters, if past experience is any guide. Moroccans, Tunisians and Chechens will be among them.';
const returnees =
  'And then there is the third group of foreign fighters: “the returnees.” This is the cohort that most concerns those in counterterrorism circles. These fighters may attempt to return to their countries of origin, like Tunisia or Saudi Arabia, or go further afield to Europe.';

describe('excerptCuts', () => {
  it('should say an excerpt that starts inside its passage is cut at the start', () => {
    const excerpt =
      'and the wide expanses of the Jazeera desert. Most of those who fight to the death are likely to be foreign fighters, if past experience is any guide. Moroccans, <mark>Tunisians</mark> and Chechens will be among them.';
    expect(excerptCuts(excerpt, mosul)).toEqual({ start: true, end: false });
  });

  it('should say an excerpt that stops before its passage ends is cut at the end', () => {
    const excerpt =
      'And then there is the third group of foreign fighters: “the returnees.” This is the cohort that most concerns those in counterterrorism circles. These fighters may attempt to return to their countries of origin, like <mark>Tunisia</mark>';
    expect(excerptCuts(excerpt, returnees)).toEqual({ start: false, end: true });
  });

  it('should see no cut in an excerpt that is the whole passage, whatever its escapes and spacing', () => {
    const content = 'Fighters & “returnees” <from> Tunisia,\n  and Libya.';
    expect(excerptCuts('Fighters &amp; “returnees” &lt;from&gt; <mark>Tunisia,</mark> and Libya.', content)).toEqual({ start: false, end: false });
  });

  it('should see cuts at both ends of an excerpt from the middle', () => {
    expect(excerptCuts('the messages of <mark>al-Adnani</mark> and', mosul)).toEqual({ start: true, end: true });
  });
});
