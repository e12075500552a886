import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseColourTokens, siteColour, siteColours } from '../../../src/lib/design/tokens';
import { WORKLOAD_IDS } from '../../../src/lib/content/model';

const sheet = (root: string, theme = '--color-bg: var(--bg);') =>
  [
    `@import 'tailwindcss';`,
    `@theme inline { ${theme} }`,
    '@theme { --font-sans: system-ui; }',
    `:root { color-scheme: light dark; ${root} }`,
    '.x { --bg: #000000; }',
  ].join('\n');

describe('parseColourTokens', () => {
  const BG = '--color-bg: var(--bg);';
  it.each([
    {
      name: 'light-dark() picks per scheme',
      root: '--bg: light-dark(#F8FAFC, #0b1120);',
      theme: BG,
      light: { bg: '#f8fafc' },
      dark: { bg: '#0b1120' },
    },
    {
      name: 'one colour serves both',
      root: '--bg: #e2e8f0;',
      theme: BG,
      light: { bg: '#e2e8f0' },
      dark: { bg: '#e2e8f0' },
    },
    {
      name: 'var() chains resolve, in and out of light-dark()',
      root: '--base: #111111; --night: #222222; --bg: light-dark(var(--base), var(--night));',
      theme: '--color-bg: var(--bg); --color-surface: var(--color-bg);',
      light: { bg: '#111111', surface: '#111111' },
      dark: { bg: '#222222', surface: '#222222' },
    },
  ])('$name', ({ root, theme, light, dark }) => {
    const tokens = parseColourTokens(sheet(root, theme));
    expect(tokens.light).toEqual(light);
    expect(tokens.dark).toEqual(dark);
  });

  it.each<[string, string, RegExp]>([
    [
      'a variable that is not defined',
      '--other: #fff;',
      /global\.css: --color-bg points at --bg, which is not defined/,
    ],
    ['a value that is not a colour', '--bg: 12px;', /--color-bg → --bg is "12px"/],
    ['a variable that refers to itself', '--bg: var(--bg);', /refers to itself/],
  ])('names the token and the fix for %s', (_name, root, message) => {
    expect(() => parseColourTokens(sheet(root), 'src/styles/global.css')).toThrow(message);
  });

  it('reads only :root, so a component’s own variable of the same name does not leak in', () => {
    expect(parseColourTokens(sheet('--bg: #ffffff;')).light.bg).toBe('#ffffff');
  });
});

describe('the site’s tokens (src/styles/global.css)', () => {
  const css = readFileSync('src/styles/global.css', 'utf8');
  const themed = [...css.matchAll(/^\s*--color-([\w-]+):/gm)].map((m) => m[1]!);

  it('resolve every @theme colour to a hex colour in both schemes', () => {
    expect(themed.length).toBeGreaterThan(10);
    for (const scheme of ['light', 'dark'] as const) {
      expect(Object.keys(siteColours(scheme)).sort()).toEqual([...themed].sort());
      for (const colour of Object.values(siteColours(scheme))) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('have a colour for every workload mark, distinct per workload, and differ between the schemes', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const marks = WORKLOAD_IDS.map((id) => siteColour(id, scheme));
      expect(new Set(marks).size).toBe(WORKLOAD_IDS.length);
    }
    expect(siteColour('bg', 'light')).not.toBe(siteColour('bg', 'dark'));
  });

  it('throws naming the stylesheet for a token it does not define', () => {
    expect(() => siteColour('chartreuse', 'dark')).toThrow(/global\.css has no --color-chartreuse/);
  });
});
