// Markdown twins: the page's content as Markdown that says what the page says, and nothing else.
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parsePage } from '../../../src/lib/output/built-pages';
import { htmlToMarkdown, markdownTwin } from '../../../src/lib/output/markdown-twin';

const PAGE = 'https://example.org/k8s-workloads/workloads/statefulset/';
const md = (html: string) => htmlToMarkdown(unified().use(rehypeParse, { fragment: true }).parse(html), PAGE);

/** What a Markdown reader makes of the twin: its text, its links and the kinds of node in it. */
function read(markdown: string): { text: string; urls: string[]; types: Set<string> } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const urls: string[] = [];
  const types = new Set<string>();
  visit(tree, (node) => {
    types.add(node.type);
    if (node.type === 'link' || node.type === 'image') urls.push(node.url);
  });
  return { text: toString(tree), urls, types };
}

describe('htmlToMarkdown', () => {
  test.each<[string, string, string]>([
    // Blocks
    ['heading stays clean, without its id', '<h2 id="use-cases">Use <em>cases</em></h2>', '## Use *cases*'],
    ['heading levels', '<h3>Three</h3><h4>Four</h4>', '### Three\n\n#### Four'],
    ['paragraphs', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['whitespace collapses', '<p>\n  Runs   Pods\n\t on every   node.  </p>', 'Runs Pods on every node.'],
    [
      'loose text in a div is a paragraph',
      '<div>Seed <b>text</b><p>Block</p>tail</div>',
      'Seed **text**\n\nBlock\n\ntail',
    ],
    ['horizontal rule', '<p>a</p><hr><p>b</p>', 'a\n\n---\n\nb'],
    ['blockquote', '<blockquote><p>Quoted.</p><p>Twice.</p></blockquote>', '> Quoted.\n>\n> Twice.'],
    ['unknown wrappers are unwrapped', '<k8s-compare><section><p>Inside</p></section></k8s-compare>', 'Inside'],
    ['a summary is a bold line', '<details><summary>More</summary><p>Body</p></details>', '**More**\n\nBody'],
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
      'a query string stays pasteable',
      '<p><a href="/c/?a=1&amp;b=2">view</a></p>',
      '[view](https://example.org/c/?a=1&b=2)',
    ],
    ['parentheses in a URL are encoded', '<p><a href="https://e.org/a_(b)">w</a></p>', '[w](https://e.org/a_%28b%29)'],
    ['empty link is dropped', '<p>x <a href="/a"><svg></svg></a></p>', 'x'],
    [
      'side-by-side links get a space',
      '<p><a href="/a">A</a><a href="/b">B</a></p>',
      '[A](https://example.org/a) [B](https://example.org/b)',
    ],
    [
      'a citation keeps its screen-reader text outside tables',
      '<p>Claim. <a class="cite" href="https://kubernetes.io/docs/a/#s">docs<span class="sr-only">' +
        ': Pods › Sec</span></a></p>',
      'Claim. [docs: Pods › Sec](https://kubernetes.io/docs/a/#s)',
    ],
    [
      'a feature badge and its history read as words apart',
      '<p>Gate <span class="feature"><span class="badge">v1.37: beta</span><span class="feature-history">' +
        '(since v1.35)</span></span> on.</p>',
      'Gate v1.37: beta (since v1.35) on.',
    ],
    // Escaping
    ['markdown characters in text are escaped', '<p>a*b [c] `d` &lt;e&gt; \\ f</p>', 'a\\*b \\[c] \\`d\\` \\<e> \\ f'],
    ['underscores inside words are left alone', '<p>web_1 and _x_</p>', 'web_1 and \\_x\\_'],
    [
      'a paragraph that looks like a list item or heading',
      '<p>- not a list</p><p>1. not a list</p><p># not a heading</p>',
      '\\- not a list\n\n1\\. not a list\n\n\\# not a heading',
    ],
    // Lists
    ['unordered list', '<ul><li>a</li><li>b</li></ul>', '- a\n- b'],
    ['ordered list with start', '<ol start="3"><li>c</li><li>d</li></ol>', '3. c\n4. d'],
    [
      'nested lists',
      '<ul><li>a<ul><li>a1</li><li>a2<ol><li>x</li></ol></li></ul></li><li>b</li></ul>',
      '- a\n  - a1\n  - a2\n    1. x\n- b',
    ],
    ['nested list under a numbered item', '<ol><li>step<ul><li>detail</li></ul></li></ol>', '1. step\n   - detail'],
    [
      'an item of one paragraph keeps the list tight',
      '<ul><li><p>one</p></li><li><p>two</p></li></ul>',
      '- one\n- two',
    ],
    [
      'an item of two paragraphs makes it loose',
      '<ul><li><p>one</p><p>more</p></li><li>two</li></ul>',
      '- one\n\n  more\n\n- two',
    ],
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
    ['plaintext has no language', '<pre><code class="language-plaintext">x</code></pre>', '```\nx\n```'],
    [
      'manifest figure is YAML, highlighting spans joined as they are, controls dropped',
      '<figure class="manifest"><figcaption><span>web.yaml</span><span>StatefulSet web</span>' +
        '<button data-copy-code>Copy</button></figcaption><pre class="code"><code><span class="k">kind</span>' +
        '<span class="p">:</span> <span class="s">StatefulSet</span>\n</code></pre></figure>',
      'web.yaml StatefulSet web\n\n```yaml\nkind: StatefulSet\n```',
    ],
    ['a fence longer than backtick runs inside', '<pre><code>```\nx\n```</code></pre>', '````\n```\nx\n```\n````'],
    // Tables
    [
      'table with header, caption and links',
      '<table><caption>Compared</caption><thead><tr><th>Workload</th><th>Storage</th></tr></thead>' +
        '<tbody><tr><th><a href="/w/">StatefulSet</a></th><td>per Pod</td></tr></tbody></table>',
      '**Compared**\n\n| Workload | Storage |\n| --- | --- |\n| [StatefulSet](https://example.org/w/) | per Pod |',
    ],
    [
      'a caption note is a line of its own',
      '<table><caption>Compared<span data-sort-caption></span><span class="caption-note">' +
        'Numbers lead to notes.</span></caption><tr><th>W</th></tr><tr><td>D</td></tr></table>',
      '**Compared**\n\nNumbers lead to notes.\n\n| W |\n| --- |\n| D |',
    ],
    [
      'cells hold visible text only: sort label, badge text, note number as [1]',
      '<table><tr><th>W</th><th><button class="sort"><span>Scaling</span><svg></svg></button></th></tr>' +
        '<tr><th>D</th><td><span class="badge">manual</span>' +
        '<sup class="note-ref"><a href="#note-d"><span class="sr-only">Note </span>1</a></sup>' +
        '<a class="src" href="https://k8s.io/#a"><span class="sr-only">Source for D</span><svg></svg></a>' +
        '</td></tr></table>',
      '| W | Scaling |\n| --- | --- |\n| D | manual[1] |',
    ],
    [
      'a break opportunity inside an identifier leaves the word whole',
      '<table><tr><th>W</th></tr><tr><td><span class="badge">volume<wbr>Claim<wbr>Templates</span></td></tr></table>',
      '| W |\n| --- |\n| volumeClaimTemplates |',
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
      'a break in a cell is a space',
      '<table><tr><th>h</th></tr><tr><td>one<br>two</td></tr></table>',
      '| h |\n| --- |\n| one two |',
    ],
    // Definition lists
    [
      'dl as bold term and text',
      '<dl><dt>kind</dt><dd><code>StatefulSet</code></dd><dt>apiVersion</dt><dd>apps/v1</dd></dl>',
      '**kind**: `StatefulSet`\n\n**apiVersion**: apps/v1',
    ],
    [
      'dl entries grouped in divs, permalinks dropped',
      '<dl><div><dt><span id="pvc">PVC</span><span class="anchors"><a href="#pvc"><span class="sr-only">' +
        'Permalink: PVC</span></a></span></dt><dd>A claim. <a href="https://k8s.io/#pvc">Storage › PVC</a></dd>' +
        '</div></dl>',
      '**PVC**: A claim. [Storage › PVC](https://k8s.io/#pvc)',
    ],
    [
      'dd with blocks follows its term',
      '<dl><dt>Term</dt><dd><p>One.</p><ul><li>a</li></ul></dd></dl>',
      '**Term**\n\nOne.\n\n- a',
    ],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });

  // Text that a hand-written escaper gets wrong: a reader of the Markdown must see what the page shows.
  test.each<[string, string, string, string, string[]]>([
    ['a line of dashes is text, not a rule', '<p>---</p>', '\\---', '---', []],
    ['tildes are text, not strikethrough', '<p>~~x~~</p>', '\\~\\~x\\~\\~', '~~x~~', []],
    ['a literal &lt; stays a literal', '<p>write &amp;lt; for &lt;</p>', 'write \\&lt; for <', 'write &lt; for <', []],
    [
      '! before a link is not an image',
      '<p>Done!<a href="/next/">Next</a></p>',
      'Done\\![Next](https://example.org/next/)',
      'Done!Next',
      ['https://example.org/next/'],
    ],
    [
      'a URL ending in _ keeps its _',
      '<p><a href="https://e.org/a_">https://e.org/a_</a></p>',
      '<https://e.org/a_>',
      'https://e.org/a_',
      ['https://e.org/a_'],
    ],
    [
      'a bare URL ending in _ in text',
      '<p>see https://e.org/x_ now</p>',
      // GFM readers link a bare URL; the link must end in "_" as the text does, not in "\\".
      'see https\\://e.org/x\\_ now',
      'see https://e.org/x_ now',
      ['https://e.org/x_'],
    ],
    ['an asterisk pair is not emphasis', '<p>*not* emphasis</p>', '\\*not\\* emphasis', '*not* emphasis', []],
    ['brackets that look like a link definition', '<p>[x]: /y</p>', '\\[x]: /y', '[x]: /y', []],
    ['a number with a parenthesis', '<p>1) first</p>', '1\\) first', '1) first', []],
    ['angle brackets that look like HTML', '<p>&lt;H2 id="x"&gt;</p>', '\\<H2 id="x">', '<H2 id="x">', []],
  ])('%s', (_name, html, expected, text, urls) => {
    const markdown = md(html);
    expect(markdown).toBe(expected);
    const parsed = read(markdown);
    expect(parsed.text).toBe(text);
    expect(parsed.urls).toEqual(urls);
    expect([...parsed.types].filter((type) => !['root', 'paragraph', 'text', 'link'].includes(type))).toEqual([]);
  });

  test('leaves no HTML in the output', () => {
    const out = md('<p>Use <b>&lt;H2&gt;</b> <span class="x">and</span> <kbd>Ctrl</kbd></p><div><em>a</em></div>');
    expect(read(out).types.has('html')).toBe(false);
  });

  test.each<[string, string, string]>([
    ['data-js-only', '<p>a<span data-js-only>JS</span></p>', 'a'],
    ['data-md-skip', '<p>a</p><p data-md-skip>skip me</p>', 'a'],
    [
      'permalink group with its sr-only text',
      '<div class="hx"><h2 id="x">X</h2><span class="anchors"><a href="#x"><span class="sr-only">' +
        'Permalink: X</span></a></span></div>',
      '## X',
    ],
    ['svg (the flowchart drawing)', '<p><svg><text>icon</text></svg>text</p>', 'text'],
    ['buttons', '<p>a<button>Copy</button></p>', 'a'],
    ['hidden and aria-hidden', '<p>a<span hidden>h</span><span aria-hidden="true">d</span></p>', 'a'],
    ['navigation', '<nav><ul><li><a href="/">Home</a></li></ul></nav><p>body</p>', 'body'],
    [
      'scripts, styles, templates, form fields',
      '<script>x()</script><style>p{}</style><template><p>t</p></template><input value="v"><p>body</p>',
      'body',
    ],
  ])('drops %s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });
});

describe('markdownTwin', () => {
  const page = (main: string, head = '') =>
    parsePage(
      'workloads/statefulset/index.html',
      `<!doctype html><html><head><title>T · Site</title>${head}</head><body><header><nav><a href="/">Site</a>` +
        `</nav></header><main data-title="Short">${main}</main><footer><p>Reviewed against Kubernetes v1.20</p>` +
        `</footer></body></html>`,
    );
  const options = { pageUrl: PAGE, kubernetesVersion: '1.37' };

  test.each<[string, ReturnType<typeof page>, string | undefined]>([
    [
      'title from the h1, source line with the site version, body without the h1',
      page('<h1>StatefulSet</h1><p>Body <a href="/k8s-workloads/glossary/#pvc">PVC</a>.</p>'),
      `# StatefulSet\n\n> Source: ${PAGE} · Reviewed against Kubernetes v1.37\n\n` +
        'Body [PVC](https://example.org/k8s-workloads/glossary/#pvc).\n',
    ],
    [
      'falls back to data-title without an h1',
      page('<p>Body</p>'),
      `# Short\n\n> Source: ${PAGE} · Reviewed against Kubernetes v1.37\n\nBody\n`,
    ],
    [
      'escapes the title',
      page('<h1>Pod *bare* [1]</h1><p>x</p>'),
      `# Pod \\*bare\\* \\[1]\n\n> Source: ${PAGE} · Reviewed against Kubernetes v1.37\n\nx\n`,
    ],
    ['skips a noindex page', page('<h1>Not found</h1>', '<meta name="robots" content="noindex">'), undefined],
  ])('%s', (_name, built, expected) => {
    expect(markdownTwin(built, options)).toBe(expected);
  });

  test('fails without <main>', () => {
    const built = parsePage('x/index.html', '<html><body><p>x</p></body></html>');
    expect(() => markdownTwin(built, options)).toThrow(/\/x\/ has no <main>/);
  });
});
