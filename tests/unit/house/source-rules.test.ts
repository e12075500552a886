// House rules over every tracked source file (detection in tests/unit/house/source-rules.ts): no line
// over 120 characters, and comments name repository paths that exist.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { comments, existingPaths, longLines, missingPaths, namedPaths, topLevel, type Finding } from './source-rules';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);

const CHECKED = /\.(?:ts|mts|mjs|js|astro|css|sh|ya?ml|json|md)$/;
// Files without a telling extension that are still project code.
const CHECKED_NAMES = new Set(['.ci/run', 'deploy/Containerfile', 'deploy/nginx.conf']);
// Content and generated data keep their own rules: src/content/ is prose and data (checked when the
// site builds), editions/ is a frozen built site, and the rest is written by tools.
const SKIPPED = [
  'src/content/',
  'editions/',
  'tests/anchors.json', // written by scripts/anchors.ts
  'tests/citations.txt', // written by scripts/citations.ts
  'package-lock.json', // written by npm
];

/**
 * Lines that cannot be broken without harm, with the reason. Keep it empty: a long string can be
 * split into a concatenation or an array joined, a long URL can sit on its own line.
 */
const LONG_LINE_ALLOWED: readonly { file: string; line: number; reason: string }[] = [];

const sources = tracked.filter(
  (file) =>
    (CHECKED.test(file) || CHECKED_NAMES.has(file)) &&
    !SKIPPED.some((skip) => file.startsWith(skip)) &&
    existsSync(`${root}${file}`),
);
const roots = topLevel(tracked);
const exists = existingPaths(tracked);

// tests/e2e/ is reported on its own, so its findings show as one named test until they are fixed.
const E2E = 'tests/e2e/';
const groups = [
  { name: 'outside tests/e2e/', files: sources.filter((file) => !file.startsWith(E2E)) },
  { name: 'in tests/e2e/', files: sources.filter((file) => file.startsWith(E2E)) },
];

const rules: { name: string; check: (file: string, text: string) => Finding[] }[] = [
  {
    name: 'no line is longer than 120 characters',
    check: (file, text) =>
      longLines(text).filter(
        (found) => !LONG_LINE_ALLOWED.some((allowed) => allowed.file === file && allowed.line === found.line),
      ),
  },
  { name: 'comments name repository paths that exist', check: (file, text) => missingPaths(file, text, roots, exists) },
];

describe('house rules: detection', () => {
  const arrow = '›'.repeat(10);
  it.each([
    { name: 'a 121-character line is flagged', text: `ok\n${'x'.repeat(121)}`, lines: [2] },
    { name: 'a 120-character line is not', text: 'x'.repeat(120), lines: [] },
    { name: "a 120-character line with '›' counts characters, not bytes", text: arrow + 'x'.repeat(110), lines: [] },
    { name: "a 121-character line with '›' is flagged", text: arrow + 'x'.repeat(111), lines: [1] },
  ])('$name', ({ text, lines }) => {
    expect(longLines(text).map((found) => found.line)).toEqual(lines);
  });

  const files = ['src/lib/links/ids.ts', 'src/lib/README.md', 'README.md', 'tests/e2e/home.spec.ts'];
  const fixtureRoots = topLevel(files);
  const fixtureExists = existingPaths(files);
  it.each([
    { name: 'a missing file is flagged', file: 'a.ts', text: '// See src/lib/ids.ts.', missing: ['src/lib/ids.ts'] },
    { name: 'an existing file is not', file: 'a.ts', text: '// See src/lib/links/ids.ts.', missing: [] },
    { name: 'an existing folder is not', file: 'a.ts', text: '/* lives in src/lib/links/ */', missing: [] },
    { name: 'a :line suffix is stripped', file: 'a.ts', text: '// src/lib/links/ids.ts:12', missing: [] },
    { name: 'a glob is skipped', file: 'a.ts', text: '// every src/lib/*.ts file', missing: [] },
    { name: 'a placeholder is skipped', file: 'a.ts', text: '// tests/e2e/<name>.spec.ts', missing: [] },
    { name: 'a brace list is skipped', file: 'a.ts', text: '// src/lib/{links,gone}/', missing: [] },
    {
      name: 'a string is not a comment',
      file: 'a.ts',
      text: "const a = 'src/gone.ts'; // src/old.ts",
      missing: ['src/old.ts'],
    },
    { name: 'a URL path is not a repository path', file: 'a.ts', text: '// https://kubernetes.io/src/x', missing: [] },
    { name: 'a relative import path is not checked', file: 'a.ts', text: '// ../src/gone.ts', missing: [] },
    { name: 'a word equal to a folder is not a path', file: 'a.ts', text: '// the src of it', missing: [] },
    {
      name: 'an HTML comment in .astro is checked',
      file: 'a.astro',
      text: '<p />\n<!-- src/x.ts -->',
      missing: ['src/x.ts'],
    },
    {
      name: 'a JSX comment in .astro is checked',
      file: 'a.astro',
      text: '---\n---\n{/* src/y.ts */}',
      missing: ['src/y.ts'],
    },
    {
      name: 'a shell comment is checked',
      file: 'run.sh',
      text: 'echo $#  # see tests/gone.sh',
      missing: ['tests/gone.sh'],
    },
    {
      name: 'Markdown prose is checked',
      file: 'x.md',
      text: 'Read `src/lib/README.md` and `src/gone/`.',
      missing: ['src/gone/'],
    },
  ])('$name', ({ file, text, missing }) => {
    expect(missingPaths(file, text, fixtureRoots, fixtureExists).map((found) => found.message)).toEqual(
      missing.map((path) => `names ${path}, which does not exist`),
    );
  });

  it('reports the line a path is named on, inside a multi-line comment', () => {
    const text = 'const a = 1;\n/**\n * Fine.\n * See src/gone.ts.\n */\nexport default a;';
    expect(missingPaths('a.ts', text, fixtureRoots, fixtureExists)).toEqual([
      { line: 4, message: 'names src/gone.ts, which does not exist' },
    ]);
  });

  it('finds comments in .astro frontmatter on the right line', () => {
    const found = comments('a.astro', '---\nconst a = 1; // one\n---\n<p>{a}</p>');
    expect(found).toEqual([{ line: 2, text: '// one' }]);
  });

  it('takes the path out of trailing punctuation', () => {
    expect(namedPaths('(src/lib/links/ids.ts), README.md.', fixtureRoots)).toEqual([
      'src/lib/links/ids.ts',
      'README.md',
    ]);
  });
});

describe.each(rules)('house rules: $name', ({ check }) => {
  it('checks a real set of files', () => {
    expect(sources.length).toBeGreaterThan(100);
  });
  it.each(groups)('$name', ({ files }) => {
    const findings = files.flatMap((file) =>
      check(file, readFileSync(`${root}${file}`, 'utf8')).map((found) => `${file}:${found.line}: ${found.message}`),
    );
    expect(findings, `\n${findings.join('\n')}\n`).toEqual([]);
  });
});
