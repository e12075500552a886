import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../../src/lib/content/code-spans';

describe('codeSpans', () => {
  it.each([
    ['plain', [{ text: 'plain', code: false }]],
    [
      'needs the `JobSuccessPolicy` gate',
      [
        { text: 'needs the ', code: false },
        { text: 'JobSuccessPolicy', code: true },
        { text: ' gate', code: false },
      ],
    ],
    ['`spec.suspend`', [{ text: 'spec.suspend', code: true }]],
    ['an odd ` backtick stays text', [{ text: 'an odd ` backtick stays text', code: false }]],
    [
      '<b>not html</b> `x`',
      [
        { text: '<b>not html</b> ', code: false },
        { text: 'x', code: true },
      ],
    ],
  ])('%s', (text, parts) => {
    expect(codeSpans(text)).toEqual(parts);
  });
});
