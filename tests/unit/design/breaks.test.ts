import { describe, expect, it } from 'vitest';
import { camelHumps, camelPieces } from '../../../src/lib/design/breaks';

describe('camelHumps: where a camel-case word may break', () => {
  it.each<[string, string, number[]]>([
    ['a field path', 'volumeClaimTemplates', [6, 11]],
    ['a kind', 'StatefulSet', [8]],
    ['no hump', 'Interchangeable', []],
    ['capitals in a row are one hump', 'podIP', [3]],
    ['an acronym then a word: no lower-case letter before the hump', 'HPAScaler', []],
    ['digits are no hump', 'apps/v1', []],
    ['the first letter is never a hump', 'Deployment', []],
    ['characters, not UTF-16 units, are counted', '→aB', [2]],
  ])('%s', (_name, word, expected) => {
    expect(camelHumps(word)).toEqual(expected);
  });
});

describe('camelPieces: a text cut at the humps of its long words', () => {
  it.each<[string, string, number, string[]]>([
    ['every hump by default', 'hostPath and podIP', 1, ['host', 'Path and pod', 'IP']],
    [
      'only words of the minimum length',
      'Node paths (hostPath); no per-Pod claims via volumeClaimTemplates',
      12,
      ['Node paths (hostPath); no per-Pod claims via volume', 'Claim', 'Templates'],
    ],
    ['punctuation counts as part of the word', 'RollingUpdate, OnDelete', 12, ['Rolling', 'Update, OnDelete']],
    [
      'a text without humps is one piece',
      'Same claim for every replica, or none',
      12,
      ['Same claim for every replica, or none'],
    ],
    ['white space is kept as written', 'a  backoffLimit\tb', 12, ['a  backoff', 'Limit\tb']],
    ['empty text', '', 1, ['']],
  ])('%s', (_name, text, minLength, expected) => {
    const pieces = camelPieces(text, minLength);
    expect(pieces).toEqual(expected);
    // Joined again, the pieces are the text: the breaks add nothing a reader copies.
    expect(pieces.join('')).toBe(text);
  });
});
