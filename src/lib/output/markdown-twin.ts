/**
 * Markdown twins: every public page is also written as Markdown next to it ("/workloads/job/" →
 * "/workloads/job.md"), for pasting into tickets, notes and chat tools. The twin is made from the
 * built page, so it says exactly what the page says: its `<main>` without the controls, through
 * unified (rehype-remark → remark-gfm → remark-stringify), which escapes whatever the text holds.
 *
 * What is specific to this site is handled here, before and during the conversion: permalinks,
 * copy buttons and script-only widgets are dropped; a sort button's label stays in its header
 * cell; table cells keep visible text only, with a note reference as `[1]`; a caption is a bold
 * line above its table; a term list is `**term**: definition`; a manifest is a YAML block; links
 * and images become absolute. Items that CSS lays out side by side (links in a row, a badge and
 * its history) are kept apart by a space.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Link, Nodes as MdastNodes, PhrasingContent, RootContent as MdastContent } from 'mdast';
import { defaultHandlers as defaultToMarkdown, type Handle as ToMarkdownHandle } from 'mdast-util-to-markdown';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import { select } from 'hast-util-select';
import { toString as toMdastString } from 'mdast-util-to-string';
import { toString } from 'hast-util-to-string';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { absoluteUrl, markdownTwinPath } from '../links/urls.ts';
import type { BuiltPage } from './built-pages.ts';
import type { PostBuildJob } from './post-build.ts';

/** Elements that are not content: controls, decoration, navigation, scripts. */
const NON_CONTENT_TAGS = new Set([
  'svg',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'input',
  'select',
  'textarea',
]);

const classes = (element: Element): string[] => (element.properties.className as string[] | undefined) ?? [];

/**
 * Whether an element is not content: one of the tags above, a script-only widget
 * (`data-js-only`), something marked `data-md-skip`, hidden, or a permalink group (`.anchors`).
 * A predicate rather than a CSS selector: it runs on every element of every page.
 */
const isNonContent = (element: Element): boolean =>
  NON_CONTENT_TAGS.has(element.tagName) ||
  element.properties.dataJsOnly !== undefined ||
  element.properties.dataMdSkip !== undefined ||
  element.properties.hidden !== undefined ||
  element.properties.ariaHidden === 'true' ||
  classes(element).includes('anchors');

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/**
 * A copy of `element` ready for conversion (the page's own tree is left as it is): without what is
 * not content, with sort buttons in header cells unwrapped, only visible text in table cells,
 * manifests marked as YAML, and a space between elements that sit side by side with nothing
 * between them.
 */
function prepare(element: Element, ancestors: readonly Element[] = []): Element {
  const context = [...ancestors, element];
  const inCell = context.some((a) => a.tagName === 'td' || a.tagName === 'th');
  const inCode = context.some((a) => a.tagName === 'pre' || a.tagName === 'code');
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (!isElement(child)) {
      children.push(child);
      continue;
    }
    if (isNonContent(child) || (inCell && classes(child).includes('sr-only'))) continue;
    // A sort button holds its column's label: its text stays. Any other button is a control.
    if (child.tagName === 'button' && !inCell) continue;
    const copy = prepare(child, context);
    if (child.tagName === 'button') copy.tagName = 'span';
    if (child.tagName === 'pre' && context.some((a) => a.tagName === 'figure' && classes(a).includes('manifest')))
      copy.properties = { ...copy.properties, dataLanguage: 'yaml' };
    children.push(copy);
  }
  // Elements laid out side by side with CSS (flex items: no text between them in the HTML) read as
  // separate words; a note reference (<sup>) stays attached to what it annotates; code keeps its
  // text as it is (highlighting spans abut there).
  const spaced = inCode
    ? children
    : children.flatMap((child, i): ElementContent[] => {
        const previous = children[i - 1];
        const abutting = previous && isElement(previous) && isElement(child) && child.tagName !== 'sup';
        return abutting ? [{ type: 'text', value: ' ' }, child] : [child];
      });
  return { ...element, children: spaced };
}

/** An absolute URL, with parentheses encoded so that chat tools do not end the link early. */
const linkUrl = (state: State, href: unknown): string =>
  state.resolve(String(href)).replace(/\(/g, '%28').replace(/\)/g, '%29');

const phrasing = (state: State, node: Element): PhrasingContent[] => state.all(node) as PhrasingContent[];

/** Phrasing without white space at its ends (a caption's text before an empty status span). */
function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0];
  const last = nodes.at(-1);
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return nodes.filter((node) => node.type !== 'text' || node.value);
}

/**
 * A list, tight unless an item holds more than one block besides its nested lists (as a reader
 * writes Markdown); HTML's `<li><p>` alone does not make a list loose.
 */
const list: Handle = (state, node) => {
  const result = defaultHandlers.ul(state, node);
  if (!result || Array.isArray(result) || result.type !== 'list') return result;
  // An item whose content was all controls says nothing.
  result.children = result.children.filter((item) => toMdastString(item).trim());
  if (!result.children.length) return undefined;
  for (const item of result.children) item.spread = item.children.filter((c) => c.type !== 'list').length > 1;
  result.spread = result.children.some((item) => item.spread);
  return result;
};

/**
 * Strong, emphasis or strikethrough with the white space at its edges moved outside the markers
 * (`a<b> b </b>c` is `a **b** c`: `** b **` would not be bold).
 */
const attention =
  (type: 'strong' | 'emphasis' | 'delete'): Handle =>
  (state, node) => {
    const children = phrasing(state, node);
    const text = toMdastString({ type: 'paragraph', children });
    if (!text.trim()) return children;
    const space = (value: boolean): PhrasingContent[] => (value ? [{ type: 'text', value: ' ' }] : []);
    return [...space(/^\s/.test(text)), { type, children: trimPhrasing(children) }, ...space(/\s$/.test(text))];
  };

const handlers: Record<string, Handle> = {
  ul: list,
  ol: list,
  b: attention('strong'),
  strong: attention('strong'),
  em: attention('emphasis'),
  i: attention('emphasis'),
  del: attention('delete'),
  s: attention('delete'),
  a(state, node) {
    if (!collapse(toString(node))) return undefined; // an icon-only link says nothing in text
    const children = phrasing(state, node);
    if (node.properties.href === undefined) return children;
    return { type: 'link', url: linkUrl(state, node.properties.href), title: null, children };
  },
  img(state, node) {
    if (node.properties.src === undefined) return undefined;
    const alt = collapse(String(node.properties.alt ?? ''));
    return { type: 'image', url: linkUrl(state, node.properties.src), title: null, alt };
  },
  // A place where a long identifier may break (src/components/Breakable.astro) is nothing in text:
  // hast-util-to-mdast would write a zero-width space into the word.
  wbr() {
    return undefined;
  },
  br(state) {
    // A table row is one line: a break there reads as a space.
    return state.inTable ? { type: 'text', value: ' ' } : { type: 'break' };
  },
  sup(state, node) {
    // A note reference ("Note 1" linking to the note) reads as [1]: a bracketed number, printed as
    // a shortcut reference without a definition, which Markdown shows as the literal text.
    if (!select('a', node)) return state.all(node);
    const label = collapse(toString(node).replace(/^Note\s*/i, ''));
    return {
      type: 'linkReference',
      identifier: label,
      label,
      referenceType: 'shortcut',
      children: [{ type: 'text', value: label }],
    };
  },
  pre(state, node) {
    const code = node.children.find((child): child is Element => isElement(child) && child.tagName === 'code');
    // The language: data-language (manifests get "yaml" in prepare), else a language-* class.
    const declared =
      (node.properties.dataLanguage as string | undefined) ??
      [...(code ? classes(code) : []), ...classes(node)]
        .find((name) => name.startsWith('language-'))
        ?.slice('language-'.length);
    const lang = declared && declared !== 'plaintext' ? declared : null;
    return { type: 'code', lang, meta: null, value: toString(node).replace(/\n+$/, '') };
  },
  summary(state, node) {
    return { type: 'paragraph', children: [{ type: 'strong', children: phrasing(state, node) }] };
  },
  table(state, node) {
    // A caption is a bold line above the table; its note (.caption-note) a line of its own.
    const caption = node.children.find((child): child is Element => isElement(child) && child.tagName === 'caption');
    const out: MdastContent[] = [];
    if (caption) {
      const note = caption.children.filter((child) => isElement(child) && classes(child).includes('caption-note'));
      const title = { ...caption, tagName: 'span', children: caption.children.filter((c) => !note.includes(c)) };
      const titleText = trimPhrasing(phrasing(state, title));
      if (titleText.length) out.push({ type: 'paragraph', children: [{ type: 'strong', children: titleText }] });
      for (const part of note) out.push({ type: 'paragraph', children: phrasing(state, part as Element) });
    }
    const table = defaultHandlers.table(state, node);
    return [...out, ...(Array.isArray(table) ? table : table ? [table] : [])] as MdastNodes[];
  },
  dl(state, node) {
    // Terms and definitions, grouped in <div>s or not: `**term**: definition` when the definition is
    // one short paragraph, else the bold term on its own line with the definition's blocks below.
    const entries = node.children.flatMap((child) =>
      isElement(child) && child.tagName === 'div' ? child.children.filter(isElement) : isElement(child) ? [child] : [],
    );
    const out: MdastContent[] = [];
    let terms: PhrasingContent[][] = [];
    const termLine = (): PhrasingContent => ({
      type: 'strong',
      children: terms.flatMap((term, i) => (i ? [{ type: 'text' as const, value: ' / ' }, ...term] : term)),
    });
    for (const entry of entries) {
      if (entry.tagName === 'dt') {
        const term = phrasing(state, entry);
        if (term.length) terms.push(term);
        continue;
      }
      if (entry.tagName !== 'dd') continue;
      const blocks = state.toFlow(state.all(entry)) as MdastContent[];
      const [only] = blocks;
      if (terms.length && blocks.length === 1 && only?.type === 'paragraph') {
        out.push({ type: 'paragraph', children: [termLine(), { type: 'text', value: ': ' }, ...only.children] });
      } else {
        if (terms.length) out.push({ type: 'paragraph', children: [termLine()] });
        out.push(...blocks);
      }
      terms = [];
    }
    if (terms.length) out.push({ type: 'paragraph', children: [termLine()] });
    return out as MdastNodes[];
  },
};

/**
 * Writes a link's destination as it is when it needs no escaping, so that a URL pasted from the
 * twin still works where Markdown is not rendered (`?a=1&b=2`, not `?a=1\\&b=2`).
 */
const link: ToMarkdownHandle = (node: Link, parent, state, info) => {
  const plain =
    node.title === null &&
    /^[^\s<>()\\`]+$/.test(node.url) &&
    !/&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(node.url) &&
    !(node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url) &&
    // A `]` the label cannot escape (in code) could turn the link into a definition: the default handles it.
    !toMdastString(node).includes(']');
  if (!plain) return defaultToMarkdown.link(node, parent, state, info);
  const exit = state.enter('link');
  const label = state.enter('label');
  const tracker = state.createTracker(info);
  let value = tracker.move('[');
  value += tracker.move(state.containerPhrasing(node, { before: value, after: '](', ...tracker.current() }));
  label();
  value += tracker.move(`](${node.url})`);
  exit();
  return value;
};

const processor = unified()
  .use(rehypeRemark, { handlers })
  // Every cell counts as three characters wide: no padding, and `| --- |` delimiter rows.
  .use(remarkGfm, { stringLength: () => 3 })
  .use(remarkStringify, {
    handlers: { link },
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    incrementListMarker: true,
  });

/** Markdown of an HTML fragment (a `<main>` or part of one), links resolved against `pageUrl`. */
export function htmlToMarkdown(fragment: Element | Root, pageUrl: string): string {
  const body = prepare(
    fragment.type === 'root'
      ? { type: 'element', tagName: 'div', properties: {}, children: fragment.children as ElementContent[] }
      : fragment,
  );
  // A <base> makes the converter resolve every link and image against the page.
  const base: Element = { type: 'element', tagName: 'base', properties: { href: pageUrl }, children: [] };
  const tree: Root = { type: 'root', children: [base, body] };
  return processor.stringify(processor.runSync(tree) as never).trim();
}

export interface TwinOptions {
  /** Absolute URL of the page. */
  pageUrl: string;
  /** The Kubernetes minor version the site was reviewed against, e.g. "1.37". */
  kubernetesVersion: string;
}

/**
 * The Markdown twin of a built page: `# title`, a source line, then the page's `<main>` without
 * its controls. Undefined for a `noindex` page. The title is the page's `<h1>` (else the page's
 * short title on `<main data-title>`).
 */
export function markdownTwin(page: BuiltPage, options: TwinOptions): string | undefined {
  if (page.noindex) return undefined;
  const main = select('main', page.tree);
  if (!main) throw new Error(`${page.path} has no <main> element to convert`);
  const h1 = select('h1', main);
  const title = collapse(h1 ? toString(h1) : String(main.properties.dataTitle ?? ''));
  if (!title) throw new Error(`${page.path} has neither an <h1> nor <main data-title> to title its twin`);
  const content = h1 ? withoutElement(main, h1) : main;
  const heading = processor.stringify({
    type: 'root',
    children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] }],
  });
  const source = `> Source: ${options.pageUrl} · Reviewed against Kubernetes v${options.kubernetesVersion}`;
  return `${heading.trim()}\n\n${source}\n\n${htmlToMarkdown(content, options.pageUrl)}\n`;
}

/** A copy of `parent` without `target` (elements copied, text shared). */
function withoutElement(parent: Element, target: Element): Element {
  return {
    ...parent,
    children: parent.children
      .filter((child) => child !== target)
      .map((child) => (isElement(child) ? withoutElement(child, target) : child)),
  };
}

/** The job: a twin beside every public page ("/workloads/job/" → "workloads/job.md"). */
export const markdownTwins: PostBuildJob = {
  name: 'twins',
  async run(context) {
    let written = 0;
    for (const page of context.pages) {
      const pageUrl = absoluteUrl(context.site, context.base, page.path);
      const markdown = markdownTwin(page, { pageUrl, kubernetesVersion: context.kubernetesVersion });
      if (markdown === undefined) continue;
      context.write(markdownTwinPath(page.path).slice(1), markdown);
      written++;
    }
    context.info(`${written} Markdown twins written (${context.pages.length - written} noindex pages skipped)`);
  },
};
