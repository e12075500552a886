// What CSS each page ships: css-prune.ts keeps the rules a page can use and drops the rest.
import { describe, expect, test } from 'vitest';
import { classTokens, pruneCss, selectorClasses } from '../../../src/lib/output/css-prune';

/** Prunes `css` for a page whose classes are `present`. */
const prune = (css: string, present: string[]) => pruneCss(css, (name) => present.includes(name));

describe('pruneCss', () => {
  test.each<[string, string, string[], string]>([
    // Rules without classes always apply.
    ['element rules', 'body{margin:0}a:hover{color:red}', [], 'body{margin:0}a:hover{color:red}'],
    ['attribute rules', '[data-theme=dark] .x{color:#fff}[hidden]{display:none}', [], '[hidden]{display:none}'],
    ['custom properties on :root', ':root{--color-ink:#111;--space:4px}', [], ':root{--color-ink:#111;--space:4px}'],
    // Class rules follow the page.
    ['a class the page has', '.badge{padding:2px}', ['badge'], '.badge{padding:2px}'],
    ['a class it lacks', '.badge{padding:2px}', [], ''],
    ['a compound needs every class', '.a.b{x:1}', ['a'], ''],
    ['a descendant selector needs both classes', '.a .b{x:1}', ['a', 'b'], '.a .b{x:1}'],
    ['a list keeps the selectors that can match', '.a,.b,p{x:1}', ['b'], '.b,p{x:1}'],
    ['a list inside attribute brackets is not split', '[data-x="a,b"].c{x:1}', ['c'], '[data-x="a,b"].c{x:1}'],
    ['an escaped variant class', '.hover\\:bg-sunken:hover{x:1}', ['hover:bg-sunken'], '.hover\\:bg-sunken:hover{x:1}'],
    [
      'an arbitrary-value class with = and brackets',
      '.aria-\\[current\\=page\\]\\:bg-sunken[aria-current=page]{x:1}',
      ['aria-[current=page]:bg-sunken'],
      '.aria-\\[current\\=page\\]\\:bg-sunken[aria-current=page]{x:1}',
    ],
    [
      'a class only inside :not() is not required',
      ':not(.js) [data-js-only]{display:none}',
      [],
      ':not(.js) [data-js-only]{display:none}',
    ],
    ['a single selector in :where() is required', ':where(.notes ol>li){x:1}', [], ''],
    ['one alternative of :where(a, b) is enough', ':where(.a,.b) p{x:1}', ['b'], ':where(.a,.b) p{x:1}'],
    [
      'a declaration with var() and a string is kept whole',
      '.a{content:"}";color:var(--x,red)}',
      ['a'],
      '.a{content:"}";color:var(--x,red)}',
    ],
    // At-rules.
    [
      '@media keeps its used rules',
      '@media (min-width:40rem){.a{x:1}.b{x:2}}',
      ['a'],
      '@media (min-width:40rem){.a{x:1}}',
    ],
    ['an emptied @media goes', '@media print{.a{x:1}}', [], ''],
    [
      'nested @supports inside @media',
      '@media screen{@supports (display:grid){.a{x:1}.b{x:2}}}',
      ['b'],
      '@media screen{@supports (display:grid){.b{x:2}}}',
    ],
    [
      '@layer order statements stay',
      '@layer theme,base,components,utilities;',
      [],
      '@layer theme,base,components,utilities;',
    ],
    [
      '@layer blocks are pruned inside',
      '@layer utilities{.p-4{padding:1rem}.p-8{padding:2rem}}',
      ['p-8'],
      '@layer utilities{.p-8{padding:2rem}}',
    ],
    ['an emptied @layer goes', '@layer components{.unused{x:1}}', [], ''],
    [
      '@property stays (it registers a variable)',
      '@property --tw-x{syntax:"*";inherits:false}',
      [],
      '@property --tw-x{syntax:"*";inherits:false}',
    ],
    [
      '@keyframes stay whole',
      '@keyframes spin{to{transform:rotate(1turn)}}',
      [],
      '@keyframes spin{to{transform:rotate(1turn)}}',
    ],
    ['@font-face stays', '@font-face{font-family:x;src:local(x)}', [], '@font-face{font-family:x;src:local(x)}'],
  ])('%s', (_name, css, present, expected) => {
    expect(prune(css, present)).toBe(expected);
  });

  test('keeps the order of what it keeps', () => {
    const css = '.a{x:1}.b{x:2}.c{x:3}@media print{.c{x:4}.a{x:5}}';
    expect(prune(css, ['a', 'c'])).toBe('.a{x:1}.c{x:3}@media print{.c{x:4}.a{x:5}}');
  });
});

describe('selectorClasses', () => {
  test.each([
    ['.a', ['a']],
    ['div.a > .b:hover::after', ['a', 'b']],
    ['.a:not(.b, .c)', ['a']],
    ['.md\\:grid-cols-2', ['md:grid-cols-2']],
    ['.w-1\\/2', ['w-1/2']],
    ['p', []],
  ])('%s needs %j', (selector, classes) => {
    expect(selectorClasses(selector)).toEqual(classes);
  });
});

describe('classTokens (class names that scripts may add)', () => {
  test.each([
    ['el.className = "badge is-open"', ['badge', 'is-open']],
    ['`<span class="${x} chip">`', ['chip']],
    ["classList.add('aria-[current=page]:bg-sunken')", ['aria-[current=page]:bg-sunken']],
  ])('%s holds %j', (code, classes) => {
    const tokens = classTokens(code);
    for (const name of classes) expect(tokens.has(name)).toBe(true);
  });
});
