/**
 * A small HTML → Markdown converter for the site's own, known HTML (the Markdown twins).
 *
 * It covers what the pages render: headings, paragraphs, lists (nested, numbered from `start`
 * and `value`), links, inline code, fenced code, GitHub pipe tables, definition lists, quotes
 * and images. Links become absolute, so pasted Markdown works anywhere. Whitespace is
 * collapsed and text is escaped, so the output holds no HTML. Anything it does not know is
 * unwrapped: its text is kept, its tag is not.
 */
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

/** Elements that are not content: controls, decoration, navigation, permalink groups. */
export const NON_CONTENT_SELECTORS = [
  '[data-js-only]',
  '[data-md-skip]',
  '[hidden]',
  '[aria-hidden="true"]',
  '.anchors',
  'svg',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'input',
  'select',
  'textarea',
] as const;

/** Parses HTML the way the converter expects: `<pre>` content as elements, not raw text. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { blockTextElements: { script: true, style: true, noscript: true } });
}

/**
 * Removes what is not content from `root`, in place. Buttons go too, except in table
 * header cells, where a sort button holds the column's label: there it is unwrapped.
 */
export function stripNonContent(root: HTMLElement): HTMLElement {
  for (const el of root.querySelectorAll(NON_CONTENT_SELECTORS.join(','))) el.remove();
  for (const button of root.querySelectorAll('button')) {
    if (button.closest('th')) button.replaceWith(...button.childNodes);
    else button.remove();
  }
  return root;
}

export interface MarkdownOptions {
  /** Absolute URL of the page the HTML comes from: links and images resolve against it. */
  pageUrl: string | URL;
}

interface Context {
  base: URL;
  /** Inside a table cell: one line, visible text only (no `.sr-only`). */
  inTable: boolean;
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');

const tagOf = (el: HTMLElement): string => (el.rawTagName ?? '').toLowerCase();
const isElement = (node: Node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE;
const isText = (node: Node): boolean => node.nodeType === NodeType.TEXT_NODE;

/** True for block elements, and for unknown wrappers (custom elements) around blocks. */
function isBlock(el: HTMLElement): boolean {
  return BLOCK_TAGS.has(tagOf(el)) || el.querySelector(BLOCK_SELECTOR) !== null;
}

/** Escapes characters that Markdown would read as syntax (or HTML) in running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*[\]<]/g, '\\$&').replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_');
}

/** Escapes what would start a block (heading, list, quote) at the start of a paragraph. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(#{1,6}(?=\s|$)|[-+](?=\s)|>)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space. */
const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/** A code span whose fence is longer than any backtick run inside it. */
function codeSpan(text: string): string {
  const code = collapse(text);
  if (!code.trim()) return '';
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** An absolute URL for `href`, with parentheses encoded so it can sit in `(…)`. */
function absolute(href: string, ctx: Context): string {
  let url: string;
  try {
    url = new URL(href, ctx.base).href;
  } catch {
    url = href;
  }
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** Wraps `inner` in a delimiter, keeping surrounding spaces outside it (`** a **` is not bold). */
function delimit(inner: string, mark: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(inner);
  if (!match?.[2]) return inner;
  return `${match[1]}${mark}${match[2]}${mark}${match[3]}`;
}

/** Markdown for inline content: text, links, code spans, emphasis, images. */
function inline(node: Node, ctx: Context): string {
  if (isText(node)) return escapeMarkdown(collapse(node.text));
  if (!isElement(node)) return '';
  const el = node;
  const tag = tagOf(el);
  const children = () => inlineRun(el.childNodes, ctx);
  if (ctx.inTable && el.classList.contains('sr-only')) return '';
  switch (tag) {
    case 'br':
      return ctx.inTable ? ' ' : '\\\n';
    case 'code':
    case 'kbd':
    case 'samp':
      return codeSpan(el.text);
    case 'strong':
    case 'b':
      return delimit(children(), '**');
    case 'em':
    case 'i':
    case 'cite':
      return delimit(children(), '*');
    case 'del':
    case 's':
      return delimit(children(), '~~');
    case 'sup':
      // A footnote-style reference ("1" linking to a note) reads as [1]; its link is dropped.
      return el.querySelector('a')
        ? `[${collapse(el.childNodes.map((child) => plain(child, ctx)).join('')).trim()}]`
        : children();
    case 'img': {
      const src = el.getAttribute('src');
      return src ? `![${escapeMarkdown(collapse(el.getAttribute('alt') ?? '').trim())}](${absolute(src, ctx)})` : '';
    }
    case 'a': {
      const text = collapse(children()).trim();
      const href = el.getAttribute('href');
      if (!text) return '';
      return href ? `[${text}](${absolute(href, ctx)})` : text;
    }
    default: {
      const content = children();
      return isBlock(el) ? ` ${content} ` : content;
    }
  }
}

/** Visible text of a node (for `[1]` references): no Markdown, no screen-reader-only text. */
function plain(node: Node, ctx: Context): string {
  if (isText(node)) return escapeMarkdown(node.text);
  if (!isElement(node) || node.classList.contains('sr-only')) return '';
  return node.childNodes.map((child) => plain(child, ctx)).join('');
}

/** A paragraph from inline Markdown: one line (hard breaks kept), trimmed, escaped at the start. */
function paragraph(text: string): string {
  const lines = text
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim());
  return escapeBlockStart(lines.join('\n').trim().replace(/\\$/, '').trim());
}

/**
 * Inline Markdown of a run of sibling nodes. Elements laid out side by side with CSS (flex
 * items, with no text between them in the HTML) get a space, so `[a](…)[b](…)` does not run
 * together; a `<sup>` reference stays attached to what it annotates.
 */
function inlineRun(nodes: readonly Node[], ctx: Context): string {
  let run = '';
  let previous: Node | undefined;
  for (const node of nodes) {
    const markdown = inline(node, ctx);
    if (!markdown) continue;
    const abutting = previous && isElement(previous) && isElement(node) && tagOf(node) !== 'sup';
    run += abutting && !/\s$/.test(run) && !/^\s/.test(markdown) ? ` ${markdown}` : markdown;
    previous = node;
  }
  return run;
}

/** Markdown blocks of a container: runs of inline content become paragraphs. */
function blocks(el: HTMLElement, ctx: Context): string[] {
  const out: string[] = [];
  let run: Node[] = [];
  const flush = () => {
    const text = paragraph(inlineRun(run, ctx));
    if (text) out.push(text);
    run = [];
  };
  for (const child of el.childNodes) {
    if (isElement(child) && isBlock(child)) {
      flush();
      out.push(...block(child, ctx));
    } else run.push(child);
  }
  flush();
  return out;
}

/** Markdown blocks of one block element. */
function block(el: HTMLElement, ctx: Context): string[] {
  const tag = tagOf(el);
  switch (tag) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const text = paragraph(collapse(inlineRun(el.childNodes, ctx)));
      return text ? [`${'#'.repeat(Number(tag[1]))} ${text.replace(/^\\(?=#)/, '')}`] : [];
    }
    case 'p':
    case 'figcaption':
    case 'caption':
    case 'dt':
    case 'summary': {
      const text = paragraph(inlineRun(el.childNodes, ctx));
      if (!text) return [];
      return tag === 'caption' || tag === 'summary' ? [`**${text}**`] : [text];
    }
    case 'hr':
      return ['---'];
    case 'pre':
      return [fencedCode(el)];
    case 'ul':
    case 'ol':
      return list(el, ctx);
    case 'table':
      return table(el, ctx);
    case 'dl':
      return definitionList(el, ctx);
    case 'blockquote': {
      const inner = blocks(el, ctx).join('\n\n');
      return inner ? [inner.replace(/^/gm, '> ').replace(/^> $/gm, '>')] : [];
    }
    default:
      return blocks(el, ctx);
  }
}

/** A fenced code block; `figure.manifest` blocks are YAML. */
function fencedCode(pre: HTMLElement): string {
  const code = pre.querySelector('code') ?? pre;
  const text = code.text.replace(/\n$/, '');
  const classes = `${code.getAttribute('class') ?? ''} ${pre.getAttribute('class') ?? ''}`;
  const declared = pre.getAttribute('data-language') ?? /(?:^|\s)language-(\S+)/.exec(classes)?.[1];
  const language = pre.closest('figure.manifest') ? 'yaml' : declared && declared !== 'plaintext' ? declared : '';
  const longest = Math.max(0, ...(text.match(/^`{3,}/gm) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Indents every line but the first by `width` spaces (continuation of a list item). */
const indent = (text: string, width: number): string => text.replace(/\n(?!\n)/g, `\n${' '.repeat(width)}`);

/** True for a rendered list block ("- a", "1. a"); escaped text never starts like this. */
const isListBlock = (part: string): boolean => /^(?:-|\d+\.) /.test(part);

/** A list, nested lists indented under their item; loose when an item holds several paragraphs. */
function list(el: HTMLElement, ctx: Context): string[] {
  const ordered = tagOf(el) === 'ol';
  let number = Number(el.getAttribute('start') ?? 1);
  const items = el.childNodes.filter((child): child is HTMLElement => isElement(child) && tagOf(child) === 'li');
  const rendered = items.map((li) => {
    const value = Number(li.getAttribute('value') ?? Number.NaN);
    if (!Number.isNaN(value)) number = value;
    const marker = ordered ? `${number}.` : '-';
    number += 1;
    const parts = blocks(li, ctx);
    const loose = parts.filter((part) => !isListBlock(part)).length > 1;
    // A nested list hugs the line above it unless the item is loose.
    const body = parts
      .map((part, i) => (i === 0 ? part : `${isListBlock(part) && !loose ? '\n' : '\n\n'}${part}`))
      .join('');
    return { text: `${marker} ${indent(body, marker.length + 1)}`, loose, empty: !body.trim() };
  });
  const filled = rendered.filter((item) => !item.empty);
  if (filled.length === 0) return [];
  return [filled.map((item) => item.text).join(filled.some((item) => item.loose) ? '\n\n' : '\n')];
}

/** A GitHub pipe table; the caption, when there is one, is a bold line above it. */
function table(el: HTMLElement, ctx: Context): string[] {
  const cellCtx: Context = { ...ctx, inTable: true };
  const rows = el.querySelectorAll('tr').filter((tr) => tr.closest('table') === el);
  const cellText = (cell: HTMLElement) => collapse(inlineRun(cell.childNodes, cellCtx)).trim().replace(/\|/g, '\\|');
  const grid = rows.map((tr) =>
    tr.childNodes
      .filter((cell): cell is HTMLElement => isElement(cell) && ['td', 'th'].includes(tagOf(cell)))
      .flatMap((cell) => {
        const span = Math.max(1, Number(cell.getAttribute('colspan') ?? 1) || 1);
        return [cellText(cell), ...Array<string>(span - 1).fill('')];
      }),
  );
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (width === 0) return [];
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  const line = (row: string[]) => `| ${pad(row).join(' | ')} |`;
  const [head = [], ...body] = grid;
  const caption = el.querySelector('caption');
  const captionText = caption && caption.closest('table') === el ? block(caption, ctx) : [];
  return [...captionText, [line(head), line(Array<string>(width).fill('---')), ...body.map(line)].join('\n')];
}

/** A definition list: each term in bold, then its definition (on the same line when it is short text). */
function definitionList(el: HTMLElement, ctx: Context): string[] {
  // Terms and definitions may be grouped in <div>s; flatten them in document order.
  const entries = el.querySelectorAll('dt, dd').filter((entry) => entry.closest('dl') === el);
  const out: string[] = [];
  let terms: string[] = [];
  const flushTerms = () => {
    if (terms.length) out.push(`**${terms.join(' / ')}**`);
    terms = [];
  };
  for (const entry of entries) {
    if (tagOf(entry) === 'dt') {
      const term = paragraph(inlineRun(entry.childNodes, ctx));
      if (term) terms.push(term);
      continue;
    }
    const parts = blocks(entry, ctx);
    if (terms.length && parts.length === 1 && !/^([-+]|\d+\.|#|```|\|)/.test(parts[0] ?? '')) {
      out.push(`**${terms.join(' / ')}**: ${parts[0]}`);
      terms = [];
    } else {
      flushTerms();
      out.push(...parts);
    }
  }
  flushTerms();
  return out;
}

/** Converts HTML (an element, or a fragment as a string) to Markdown. Strip non-content first. */
export function htmlToMarkdown(html: string | HTMLElement, options: MarkdownOptions): string {
  const root = typeof html === 'string' ? parseHtml(html) : html;
  const ctx: Context = { base: new URL(options.pageUrl), inTable: false };
  return `${block(root, ctx).join('\n\n').trim()}\n`;
}
