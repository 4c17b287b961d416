/** src/client/search/fold.ts: text and queries folded as the search index folds them. */
import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets, queryForms, searchWords } from '../../src/client/search/fold';

describe('foldText', () => {
  it('should drop diacritics and case', () => {
    expect(foldText('Hayat Tahrir al-Shām')).toBe('hayat tahrir al sham');
    expect(foldText('Ḥizb ut-Taḥrīr')).toBe('hizb ut tahrir');
    expect(foldText('Élysée')).toBe('elysee');
  });

  it('should drop every kind of apostrophe, so both spellings fold alike', () => {
    for (const form of ["Qur'anic", 'Qur’anic', 'Qurʼanic', 'Qur‘anic', 'Quranic']) expect(foldText(form)).toBe('quranic');
  });

  it('should turn every kind of dash into a word boundary', () => {
    for (const form of ['al-Qaeda', 'al‐Qaeda', 'al‑Qaeda', 'al–Qaeda', 'al Qaeda']) expect(foldText(form)).toBe('al qaeda');
  });
});

describe('foldWithOffsets', () => {
  it('should map each folded character back to the original', () => {
    const text = 'Jabhat al‑Nuṣra’s men';
    const { folded, offsets } = foldWithOffsets(text);
    expect(folded).toBe('jabhat al nusras men');
    const start = folded.indexOf('nusras');
    const end = start + 'nusras'.length;
    expect(text.slice(offsets[start], offsets[end])).toBe('Nuṣra’s');
    expect(offsets.at(-1)).toBe(text.length);
  });

  it('should keep characters outside the Basic Multilingual Plane whole', () => {
    const text = '𝐀 word';
    const { folded, offsets } = foldWithOffsets(text);
    const start = folded.indexOf('word');
    expect(text.slice(offsets[start], offsets[start + 4])).toBe('word');
  });
});

describe('searchWords', () => {
  it('should split at spaces, dashes and punctuation, folded', () => {
    expect(searchWords('Self-styled “emir” of Dar‘a, al-Shām')).toEqual(['self', 'styled', 'emir', 'of', 'dara', 'al', 'sham']);
  });
});

describe('queryForms', () => {
  it('should search a dashed compound also as the same words apart, as a phrase', () => {
    expect(queryForms('al-Qaeda')).toEqual(['al-Qaeda', '"al Qaeda"']);
    expect(queryForms(' self‐styled ')).toEqual(['self‐styled', '"self styled"']);
    expect(queryForms('Ansar-al-Islam')).toEqual(['Ansar-al-Islam', '"Ansar al Islam"']);
  });

  it('should split dashed words of a longer query into plain words', () => {
    expect(queryForms('al-Qaeda  Yemen')).toEqual(['al-Qaeda Yemen', 'al Qaeda Yemen']);
  });

  it('should leave alone what needs one form', () => {
    expect(queryForms('al Qaeda')).toEqual(['al Qaeda']);
    expect(queryForms('Qur’anic')).toEqual(['Qur’anic']);
    expect(queryForms('"al-Qaeda in Iraq"')).toEqual(['"al-Qaeda in Iraq"']);
    expect(queryForms('1990-1995')).toEqual(['1990-1995', '"1990 1995"']);
    expect(queryForms('a - b')).toEqual(['a - b']);
    expect(queryForms('   ')).toEqual([]);
  });
});
