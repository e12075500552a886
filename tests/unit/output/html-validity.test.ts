import { describe, expect, test } from 'vitest';
import { formatMessage, validityErrors, type ValidatorMessage } from '../../../src/lib/output/html-validity.ts';

const BLOCKING =
  'A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.';
const at = (message: string, extract: string, type = 'error'): ValidatorMessage => ({
  type,
  url: 'file:/site/dist/index.html',
  lastLine: 1,
  firstColumn: 1602,
  message,
  extract,
});

describe('validityErrors', () => {
  test.each([
    [
      'the layout’s render-blocking expect link',
      at(BLOCKING, 'e"><link rel="expect" href="#announcer" blocking="render"><scr'),
      false,
    ],
    ['blocking on a preload link', at(BLOCKING, '<link rel="preload" href="/a.css" blocking="render">'), true],
    ['an expect link cut off in the extract', at(BLOCKING, '<link rel="expect" href="#announ'), true],
    [
      'another error on an expect link',
      at('Bad value “x” for attribute “href”.', '<link rel="expect" href="#announcer" blocking="render">'),
      true,
    ],
    ['an unrelated error', at('Duplicate ID “main”.', '<main id="main">'), true],
    ['a file the checker could not read', at('Cannot read file.', '', 'non-document-error'), true],
  ])('%s is reported: %s', (_, message, reported) => {
    expect(validityErrors([message])).toEqual(reported ? [message] : []);
  });
});

test('formatMessage names the file, line and column', () => {
  expect(formatMessage(at('Duplicate ID “main”.', ''))).toBe('/site/dist/index.html:1.1602: Duplicate ID “main”.');
});
