/**
 * An MDX page read as a syntax tree (unified + remark-mdx): what it links, cites and titles.
 *
 * The page renders through Astro's own MDX pipeline; this second, read-only parse gives the
 * build what it checks before anything renders (src/lib/content/integrity.ts, `checkMdxPage`)
 * and the table of contents. The whole file is parsed, frontmatter included, so every line
 * number is the file's own.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Nodes, Root } from 'mdast';

/** Components whose `id` names an entry of another collection. */
export const REFERENCE_COMPONENTS = {
  Term: 'src/content/glossary.yaml',
  Manifest: 'src/content/manifests/',
  Feature: 'src/content/features.yaml',
} as const;
export type ReferenceComponent = keyof typeof REFERENCE_COMPONENTS;

/** An attribute as written: a string, missing, or something else (`{expression}`, a bare flag). */
export type AttributeValue = { kind: 'string'; value: string } | { kind: 'missing' } | { kind: 'other' };

/** A section heading written as `<H2 id="...">` (or H3, H4). */
export interface MdxHeading {
  level: 2 | 3 | 4;
  id: AttributeValue;
  /** Plain text of the heading. */
  text: string;
  line: number;
}

/** A heading the site does not allow: Markdown `##`, or a lower-case `<h2>` element. */
export interface ForeignHeading {
  syntax: 'markdown' | 'html';
  text: string;
  line: number;
}

/** `<Term id>`, `<Manifest id>` or `<Feature id>`. */
export interface MdxReference {
  component: ReferenceComponent;
  id: AttributeValue;
  line: number;
}

/** A cited URL: `<Cite href>` or a Markdown link to kubernetes.io. */
export interface MdxCitation {
  href: AttributeValue;
  /** How it is written. */
  via: 'Cite' | 'link';
  line: number;
}

/** A fenced code block and its language (empty when none is given). */
export interface MdxFence {
  lang: string;
  line: number;
}

/** Everything the content rules and the table of contents need from one MDX page. */
export interface MdxPage {
  headings: MdxHeading[];
  foreignHeadings: ForeignHeading[];
  references: MdxReference[];
  citations: MdxCitation[];
  fences: MdxFence[];
}

// remark-mdx adds its node types to mdast's, so they are part of `Nodes`.
type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

const HEADING_COMPONENTS: Record<string, 2 | 3 | 4> = { H2: 2, H3: 3, H4: 4 };
const HTML_HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const KUBERNETES_IO = /^https?:\/\/(www\.)?kubernetes\.io\//;

const isReference = (name: string): name is ReferenceComponent => Object.hasOwn(REFERENCE_COMPONENTS, name);

/** The value of attribute `name` on a JSX element, as written. */
function attribute(element: JsxElement, name: string): AttributeValue {
  const found = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!found) return { kind: 'missing' };
  return typeof found.value === 'string' ? { kind: 'string', value: found.value } : { kind: 'other' };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

/** Parses MDX source into its syntax tree; throws a message with the line when it is not valid MDX. */
export const parseMdx = (source: string): Root => processor.parse(source);

/** Reads headings, references, citations and fences from an MDX tree, in document order. */
export function readMdxTree(tree: Root): MdxPage {
  const page: MdxPage = { headings: [], foreignHeadings: [], references: [], citations: [], fences: [] };
  visit(tree, (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'heading') {
      page.foreignHeadings.push({ syntax: 'markdown', text: toString(node), line });
    } else if (node.type === 'code') {
      page.fences.push({ lang: node.lang ?? '', line });
    } else if (node.type === 'link' && KUBERNETES_IO.test(node.url)) {
      page.citations.push({ href: { kind: 'string', value: node.url }, via: 'link', line });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const level = HEADING_COMPONENTS[name];
      if (level) page.headings.push({ level, id: attribute(node, 'id'), text: toString(node), line });
      else if (HTML_HEADINGS.has(name)) page.foreignHeadings.push({ syntax: 'html', text: toString(node), line });
      else if (isReference(name)) page.references.push({ component: name, id: attribute(node, 'id'), line });
      else if (name === 'Cite') page.citations.push({ href: attribute(node, 'href'), via: 'Cite', line });
    }
  });
  return page;
}

/** Parses and reads an MDX page. */
export const readMdxPage = (source: string): MdxPage => readMdxTree(parseMdx(source));

/** The string value of an attribute, or undefined when it is missing or not a string. */
export const stringValue = (value: AttributeValue): string | undefined =>
  value.kind === 'string' ? value.value : undefined;
