// What CSS each page ships: css-prune.ts keeps the rules a page can use and drops the rest.
import { describe, expect, test } from 'vitest';
import {
  classTokens,
  dropUnusedVariables,
  pruneCss,
  selectorClasses,
  selectorElements,
} from '../../../src/lib/output/css-prune';

/** Prunes `css` for a page whose classes are `present` (and that has every element). */
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

describe('pruneCss by element', () => {
  const onPage = ['html', 'body', 'main', 'p', 'ul', 'li', 'a', 'table', 'td'];
  const pruneFor = (css: string, classes: string[] = []) =>
    pruneCss(
      css,
      (name) => classes.includes(name),
      (tag) => onPage.includes(tag),
    );
  test.each<[string, string, string, string[]?]>([
    ['a rule for an element the page lacks', 'blockquote{margin:0}', ''],
    ['a rule for one it has', 'p{margin:0}', 'p{margin:0}'],
    ['a list keeps the elements present', 'h1,h2,p,kbd{margin:0}', 'p{margin:0}'],
    ['a descendant needs both', 'table th{x:1}table td{x:2}', 'table td{x:2}'],
    [
      'a typeset modifier rule needs its element',
      '.typeset-blockquote\\:pl-4 :where(blockquote):not(:where(.not-typeset)){x:1}.typeset-li\\:my-1 :where(li){x:2}',
      '.typeset-li\\:my-1 :where(li){x:2}',
      ['typeset-blockquote:pl-4', 'typeset-li:my-1'],
    ],
    [
      'pseudo-classes and their arguments are not elements',
      'li:nth-child(odd)::marker{x:1}p:lang(en){x:2}',
      'li:nth-child(odd)::marker{x:1}p:lang(en){x:2}',
    ],
    [
      'attribute values are not elements',
      '[data-tone=yes] a[href$=".svg"]{x:1}',
      '[data-tone=yes] a[href$=".svg"]{x:1}',
    ],
    ['an element only inside :not() is not required', 'a:not(kbd){x:1}', 'a:not(kbd){x:1}'],
    [
      'universal and :root rules stay',
      '*,:after{box-sizing:border-box}:root{--x:1}',
      '*,:after{box-sizing:border-box}:root{--x:1}',
    ],
  ])('%s', (_name, css, expected, classes = []) => {
    expect(pruneFor(css, classes)).toBe(expected);
  });
});

describe('selectorElements', () => {
  test.each([
    ['p', ['p']],
    ['.prose :where(ul>li):not(:where([class~=not-prose] *))', ['ul', 'li']],
    ['.md\\:grid-cols-2 > a:hover', ['a']],
    ['svg use', ['svg', 'use']],
    [':root', []],
  ])('%s needs %j', (selector, elements) => {
    expect(selectorElements(selector)).toEqual(elements);
  });
});

describe('dropUnusedVariables', () => {
  test.each([
    ['a variable nothing reads goes', ':root{--a:1;--b:2;color:var(--a)}', ':root{--a:1;color:var(--a)}'],
    ['a rule left with no declarations goes', '.x{--unused:1}p{x:1}', 'p{x:1}'],
    ['@property for an unread variable goes', '@property --tw-x{syntax:"*";inherits:false}p{x:1}', 'p{x:1}'],
    [
      '@property for a read one stays',
      '@property --tw-x{syntax:"*";inherits:false}p{--tw-x:1;x:var(--tw-x)}',
      '@property --tw-x{syntax:"*";inherits:false}p{--tw-x:1;x:var(--tw-x)}',
    ],
    ['a chain read by nothing goes whole', ':root{--a:var(--b);--b:var(--c);--c:1}', ''],
    [
      'a chain read at its end stays',
      ':root{--a:var(--b);--b:1}p{x:var(--a)}',
      ':root{--a:var(--b);--b:1}p{x:var(--a)}',
    ],
    [
      'inside @media and @layer too',
      '@layer theme{:root{--a:1;--b:2}}@media print{p{x:var(--b)}}',
      '@layer theme{:root{--b:2}}@media print{p{x:var(--b)}}',
    ],
    ['a semicolon in a string is not a declaration end', 'p{content:";--x:1";--y:2}', 'p{content:";--x:1"}'],
    ['@keyframes stay whole', '@keyframes k{to{--a:1}}', '@keyframes k{to{--a:1}}'],
  ])('%s', (_name, css, expected) => {
    expect(dropUnusedVariables(css)).toBe(expected);
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
