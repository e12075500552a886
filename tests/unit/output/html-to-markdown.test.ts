import { describe, expect, test } from 'vitest';
import { escapeMarkdown, htmlToMarkdown, parseHtml, stripNonContent } from '../../../src/lib/output/html-to-markdown';
import { markdownTwin, pagePathOf } from '../../../src/integrations/markdown-twins';

const PAGE = 'https://example.org/k8s-workloads/workloads/statefulset/';
const md = (html: string) => htmlToMarkdown(stripNonContent(parseHtml(html)), { pageUrl: PAGE });

describe('htmlToMarkdown', () => {
  test.each<[string, string, string]>([
    // Blocks
    ['heading stays clean, without its id', '<h2 id="use-cases">Use <em>cases</em></h2>', '## Use *cases*'],
    ['heading levels', '<h3>Three</h3><h4>Four</h4>', '### Three\n\n#### Four'],
    ['paragraphs', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['whitespace collapses', '<p>\n  Runs   Pods\n\t on&nbsp;every   node.  </p>', 'Runs Pods on every node.'],
    [
      'loose text in a div is a paragraph',
      '<div>Seed <b>text</b><p>Block</p>tail</div>',
      'Seed **text**\n\nBlock\n\ntail',
    ],
    ['horizontal rule', '<p>a</p><hr><p>b</p>', 'a\n\n---\n\nb'],
    ['blockquote', '<blockquote><p>Quoted.</p><p>Twice.</p></blockquote>', '> Quoted.\n>\n> Twice.'],
    ['unknown wrappers are unwrapped', '<k8s-compare><section><p>Inside</p></section></k8s-compare>', 'Inside'],
    // Inline
    ['strong and em', '<p><strong>bold</strong> and <em>em</em> and <i>i</i></p>', '**bold** and *em* and *i*'],
    ['spaces stay outside emphasis', '<p>a<strong> b </strong>c</p>', 'a **b** c'],
    ['inline code', '<p>Run <code>kubectl get sts</code>.</p>', 'Run `kubectl get sts`.'],
    ['inline code holding a backtick', '<p><code>a`b</code></p>', '``a`b``'],
    ['line break', '<p>one<br>two</p>', 'one\\\ntwo'],
    [
      'image',
      '<p><img src="/k8s-workloads/a.png" alt="A chart"></p>',
      '![A chart](https://example.org/k8s-workloads/a.png)',
    ],
    // Links
    [
      'root-relative link becomes absolute',
      '<p><a href="/k8s-workloads/compare/">Compare</a></p>',
      '[Compare](https://example.org/k8s-workloads/compare/)',
    ],
    ['fragment link points at this page', '<p><a href="#storage">Storage</a></p>', `[Storage](${PAGE}#storage)`],
    [
      'relative link resolves against the page',
      '<p><a href="../job/">Job</a></p>',
      '[Job](https://example.org/k8s-workloads/workloads/job/)',
    ],
    [
      'external link is kept',
      '<p><a href="https://kubernetes.io/docs/x/#y">docs</a></p>',
      '[docs](https://kubernetes.io/docs/x/#y)',
    ],
    ['parentheses in a URL are encoded', '<p><a href="https://e.org/a_(b)">w</a></p>', '[w](https://e.org/a_%28b%29)'],
    ['empty link is dropped', '<p>x <a href="/a"><svg></svg></a></p>', 'x'],
    [
      'side-by-side links get a space',
      '<p><a href="/a">A</a><a href="/b">B</a></p>',
      '[A](https://example.org/a) [B](https://example.org/b)',
    ],
    [
      'screen-reader text outside tables is kept',
      '<p><a href="https://k8s.io/#s"><span class="sr-only">Source: </span>docs</a></p>',
      '[Source: docs](https://k8s.io/#s)',
    ],
    // Escaping
    [
      'markdown characters in text are escaped',
      '<p>a*b [c] `d` &lt;e&gt; \\ f</p>',
      'a\\*b \\[c\\] \\`d\\` \\<e> \\\\ f',
    ],
    ['underscores inside words are left alone', '<p>web_1 and _x_</p>', 'web_1 and \\_x\\_'],
    [
      'a paragraph that looks like a list item',
      '<p>- not a list</p><p>1. not a list</p><p># not a heading</p>',
      '\\- not a list\n\n1\\. not a list\n\n\\# not a heading',
    ],
    // Lists
    ['unordered list', '<ul><li>a</li><li>b</li></ul>', '- a\n- b'],
    ['ordered list with start', '<ol start="3"><li>c</li><li>d</li></ol>', '3. c\n4. d'],
    ['ordered list with li value', '<ol><li value="2">b</li><li>c</li><li value="7">g</li></ol>', '2. b\n3. c\n7. g'],
    [
      'nested lists',
      '<ul><li>a<ul><li>a1</li><li>a2<ol><li>x</li></ol></li></ul></li><li>b</li></ul>',
      '- a\n  - a1\n  - a2\n    1. x\n- b',
    ],
    ['nested list under a numbered item', '<ol><li>step<ul><li>detail</li></ul></li></ol>', '1. step\n   - detail'],
    ['loose list', '<ul><li><p>one</p><p>more</p></li><li>two</li></ul>', '- one\n\n  more\n\n- two'],
    ['empty items are dropped', '<ul><li><button>x</button></li><li>kept</li></ul>', '- kept'],
    // Code
    [
      'fenced code keeps whitespace and decodes entities',
      '<pre><code>a:\n  b: "&lt;x&gt;"\n</code></pre>',
      '```\na:\n  b: "<x>"\n```',
    ],
    [
      'fenced code language from data-language',
      '<pre data-language="sh"><code>kubectl apply -f x.yaml</code></pre>',
      '```sh\nkubectl apply -f x.yaml\n```',
    ],
    ['fenced code language from class', '<pre><code class="language-json">{}</code></pre>', '```json\n{}\n```'],
    [
      'manifest figure is YAML, highlighting spans removed',
      '<figure class="manifest"><figcaption><span>web.yaml</span></figcaption><pre class="code"><code><span class="k">kind</span><span class="p">:</span> StatefulSet\n</code></pre></figure>',
      'web.yaml\n\n```yaml\nkind: StatefulSet\n```',
    ],
    ['a fence longer than backtick runs inside', '<pre><code>```\nx\n```</code></pre>', '````\n```\nx\n```\n````'],
    // Tables
    [
      'table with header, caption and links',
      '<table><caption>Compared</caption><thead><tr><th>Workload</th><th>Storage</th></tr></thead><tbody><tr><th><a href="/w/">StatefulSet</a></th><td>per Pod</td></tr></tbody></table>',
      '**Compared**\n\n| Workload | Storage |\n| --- | --- |\n| [StatefulSet](https://example.org/w/) | per Pod |',
    ],
    [
      'cells hold visible text only: badge text, note number as [1]',
      '<table><tr><th>W</th><th><button class="sort"><span>Scaling</span><svg></svg></button></th></tr><tr><th>D</th><td><span class="badge">manual</span><sup class="note-ref"><a href="#note-d"><span class="sr-only">Note </span>1</a></sup><a class="src" href="https://k8s.io/#a"><span class="sr-only">Source for D</span><svg></svg></a></td></tr></table>',
      '| W | Scaling |\n| --- | --- |\n| D | manual[1] |',
    ],
    [
      'pipes in cells are escaped',
      '<table><tr><th>a|b</th></tr><tr><td>c</td></tr></table>',
      '| a\\|b |\n| --- |\n| c |',
    ],
    [
      'short rows are padded, colspan repeats',
      '<table><tr><th colspan="2">ab</th><th>c</th></tr><tr><td>1</td></tr></table>',
      '| ab |  | c |\n| --- | --- | --- |\n| 1 |  |  |',
    ],
    [
      'block content in a cell is flattened',
      '<table><tr><th>h</th></tr><tr><td><p>one</p><p>two</p></td></tr></table>',
      '| h |\n| --- |\n| one two |',
    ],
    // Definition lists
    [
      'dl as bold term and text',
      '<dl><dt>kind</dt><dd><code>StatefulSet</code></dd><dt>apiVersion</dt><dd>apps/v1</dd></dl>',
      '**kind**: `StatefulSet`\n\n**apiVersion**: apps/v1',
    ],
    [
      'dl entries grouped in divs',
      '<dl><div><dt><span id="pvc">PVC</span><span class="anchors"><a href="#pvc"><span class="sr-only">Permalink: PVC</span></a></span></dt><dd>A claim. <a href="https://k8s.io/#pvc">Storage › PVC</a></dd></div></dl>',
      '**PVC**: A claim. [Storage › PVC](https://k8s.io/#pvc)',
    ],
    [
      'dd with blocks follows its term',
      '<dl><dt>Term</dt><dd><p>One.</p><ul><li>a</li></ul></dd></dl>',
      '**Term**\n\nOne.\n\n- a',
    ],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(`${expected}\n`);
  });

  test('leaves no HTML in the output', () => {
    const out = md('<p>Use <b>&lt;H2&gt;</b> <span class="x">and</span> <kbd>Ctrl</kbd></p><div><em>a</em></div>');
    expect(out).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(out).toContain('\\<H2>');
  });
});

describe('stripNonContent', () => {
  test.each<[string, string, string]>([
    ['data-js-only', '<p>a<span data-js-only>JS</span></p>', 'a'],
    ['data-md-skip', '<p>a</p><p data-md-skip>skip me</p>', 'a'],
    [
      'permalink group with its sr-only text',
      '<div class="hx"><h2 id="x">X</h2><span class="anchors"><a href="#x"><span class="sr-only">Permalink: X</span></a></span></div>',
      '## X',
    ],
    ['svg', '<p><svg><text>icon</text></svg>text</p>', 'text'],
    ['buttons', '<p>a<button>Copy</button></p>', 'a'],
    ['hidden and aria-hidden', '<p>a<span hidden>h</span><span aria-hidden="true">d</span></p>', 'a'],
    ['navigation', '<nav><ul><li><a href="/">Home</a></li></ul></nav><p>body</p>', 'body'],
    [
      'scripts, styles, templates, form fields',
      '<script>x()</script><style>p{}</style><template><p>t</p></template><input value="v"><p>body</p>',
      'body',
    ],
  ])('drops %s', (_name, html, expected) => {
    expect(md(html)).toBe(`${expected}\n`);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['plain text', 'plain text'],
    ['a*b', 'a\\*b'],
    ['[x](y)', '\\[x\\](y)'],
    ['snake_case', 'snake_case'],
    ['_lead', '\\_lead'],
    ['<tag>', '\\<tag>'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('pagePathOf', () => {
  test.each([
    ['index.html', '/'],
    ['compare/index.html', '/compare/'],
    ['workloads/job/index.html', '/workloads/job/'],
    ['404.html', '/404'],
    ['workloads\\pod\\index.html', '/workloads/pod/'],
  ])('%s → %s', (file, path) => {
    expect(pagePathOf(file)).toBe(path);
  });
});

describe('markdownTwin', () => {
  const page = (
    main: string,
    head = '',
    footer = '<footer><p>Reviewed against <strong>Kubernetes v1.36</strong> on 2026-11-29.</p></footer>',
  ) =>
    `<!doctype html><html><head><title>T · Site</title>${head}</head><body><header><nav><a href="/">Site</a></nav></header><main data-title="Short">${main}</main>${footer}</body></html>`;

  test.each<[string, string, string | undefined]>([
    [
      'title from the h1, source line, body without the h1',
      page('<h1>StatefulSet</h1><p>Body <a href="/k8s-workloads/glossary/#pvc">PVC</a>.</p>'),
      `# StatefulSet\n\n> Source: ${PAGE} · Reviewed against Kubernetes v1.36\n\nBody [PVC](https://example.org/k8s-workloads/glossary/#pvc).\n`,
    ],
    [
      'falls back to data-title without an h1',
      page('<p>Body</p>'),
      `# Short\n\n> Source: ${PAGE} · Reviewed against Kubernetes v1.36\n\nBody\n`,
    ],
    ['skips a noindex page', page('<h1>Not found</h1>', '<meta name="robots" content="noindex">'), undefined],
  ])('%s', (_name, html, expected) => {
    expect(markdownTwin(html, PAGE)).toBe(expected);
  });

  test.each([
    ['no <main>', '<html><body><footer>Reviewed against Kubernetes v1.36</footer></body></html>', /no <main>/],
    ['no reviewed version', page('<h1>X</h1>', '', '<footer>nothing</footer>'), /Reviewed against/],
  ])('fails with %s', (_name, html, message) => {
    expect(() => markdownTwin(html, PAGE)).toThrow(message);
  });
});
