// Highlighting of manifests and MDX fences: which text gets which colour class, that the text a
// reader copies is unchanged, and that nothing needs a style attribute (the CSP forbids them).
import { readFileSync, readdirSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { CODE_LANGUAGES, TOKEN_CLASSES, highlight, type CodeLanguage } from '../../../src/lib/output/highlight';

/** The highlighted HTML as [class, text] pairs, plain text as ['', text]. */
function tokens(html: string): [string, string][] {
  const tree = fromHtml(html, { fragment: true });
  return tree.children.map((node) =>
    node.type === 'element' ? [String(node.properties.className ?? ''), toString(node)] : ['', toString(node)],
  );
}
const classOf = (html: string, text: string): string[] =>
  tokens(html)
    .filter(([, t]) => t.trim() === text)
    .map(([c]) => c);
const textOf = (html: string): string => toString(fromHtml(html, { fragment: true }));

describe('highlight', () => {
  it.each<[string, CodeLanguage, string, [text: string, cls: string][]]>([
    [
      'a key and its value',
      'yaml',
      'kind: Deployment',
      [
        ['kind:', 'hl-k'],
        ['Deployment', 'hl-s'],
      ],
    ],
    ['a number', 'yaml', 'replicas: 3', [['3', 'hl-n']]],
    ['a comment after a value', 'yaml', 'replicas: 3 # three Pods', [['# three Pods', 'hl-c']]],
    ['a whole-line comment', 'yaml', '# One Job every night\nkind: CronJob', [['# One Job every night', 'hl-c']]],
    [
      'a quoted string holding a #',
      'yaml',
      'schedule: "30 2 * * * # not a comment"',
      [['"30 2 * * * # not a comment"', 'hl-s']],
    ],
    [
      'a block scalar holding a #',
      'yaml',
      'args:\n- |\n  echo start # not a comment\n  sleep 5',
      [
        ['echo start # not a comment', 'hl-s'],
        ['sleep 5', 'hl-s'],
      ],
    ],
    [
      'a key in the second document',
      'yaml',
      'kind: Service\n---\nkind: StatefulSet',
      [
        ['StatefulSet', 'hl-s'],
        ['---', ''],
      ],
    ],
    ['a flow list', 'yaml', 'accessModes: [ReadWriteOnce]', [['ReadWriteOnce', 'hl-s']]],
    [
      'a shell command and its comment',
      'shell',
      'kubectl get pods -l app=web   # watch them',
      [
        ['kubectl', 'hl-k'],
        ['# watch them', 'hl-c'],
      ],
    ],
    [
      'bare shell arguments stay plain',
      'shell',
      'kubectl rollout status deployment/web',
      [['rollout status deployment/web', '']],
    ],
    ['a quoted shell argument holding a #', 'shell', 'sh -c "echo # hi"', [['"echo # hi"', 'hl-s']]],
    [
      'text stays plain',
      'text',
      'Pod name  <statefulset>-<ordinal>  # web-0',
      [['Pod name  <statefulset>-<ordinal>  # web-0', '']],
    ],
  ])('%s', (_, lang, code, expected) => {
    const html = highlight(code, lang);
    for (const [text, cls] of expected) expect(classOf(html, text), text).toEqual([cls]);
  });

  it('finds no comment inside a block scalar or a quoted string', () => {
    const html = highlight(
      'command: ["sh", "-c", "echo # a"]\nscript: |\n  # shell comment, still text\n  run',
      'yaml',
    );
    expect(tokens(html).filter(([cls]) => cls === 'hl-c')).toEqual([]);
  });

  it.each(CODE_LANGUAGES)('escapes markup in %s', (lang) => {
    const html = highlight('x: <script>alert(1)</script> & "y"', lang);
    expect(html).not.toMatch(/<script/);
    expect(textOf(html)).toBe('x: <script>alert(1)</script> & "y"');
  });

  const manifests = readdirSync('src/content/manifests').map((f) => `src/content/manifests/${f}`);
  it.each(manifests)('%s keeps its text byte for byte and uses no style attribute', (file) => {
    const yaml = readFileSync(file, 'utf8');
    const html = highlight(yaml, 'yaml');
    expect(textOf(html)).toBe(yaml.replace(/\n$/, ''));
    const styled: string[] = [];
    visit(fromHtml(html, { fragment: true }), 'element', (node) => {
      if ('style' in node.properties) styled.push(toString(node));
    });
    expect(styled).toEqual([]);
    expect(tokens(html).some(([cls]) => cls === 'hl-k')).toBe(true);
  });

  it('colours every class it emits in src/styles/global.css', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const classes = new Set(Object.values(TOKEN_CLASSES).flatMap((table) => Object.values(table)));
    for (const cls of classes)
      expect(css, cls).toMatch(new RegExp(`\\.${cls} \\{\\n\\s+color: var\\(--code-[a-z]+\\);`));
  });
});
