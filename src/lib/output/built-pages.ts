/**
 * The built pages as syntax trees: every HTML file of an output folder, read and parsed once
 * (hast, from parse5's tree: what rehype-parse does, without the source positions, which no tool
 * here reads and which took half of each parse). The post-build pass (src/lib/output/post-build.ts)
 * and the checks over dist/ (scripts/check-dist.ts, scripts/anchors.ts, scripts/bench.ts) all
 * start from here, so every tool sees the same tree and a run parses each page once.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';
import { outputFileOf, pagePathOf } from '../links/urls.ts';

export interface BuiltPage {
  /** Output file, relative to the output folder, with "/" separators: "workloads/job/index.html". */
  readonly file: string;
  /** Site path of the page (`pagePathOf(file)`): "/workloads/job/". */
  readonly path: string;
  /** The HTML as it was read, or for a page a job built as a tree, the tree serialized (when first asked for). */
  readonly html: string;
  /** The whole document. A job that changes it sets `changed`, and the pass writes the page anew. */
  readonly tree: Root;
  /** Set by a job that changed `tree`. */
  changed: boolean;
  /** Whether the page asks search engines to skip it (the 404 page, redirect pages): not public. */
  readonly noindex: boolean;
}

/** Parses one built page. */
export function parsePage(file: string, html: string): BuiltPage {
  return builtPage(file, fromParse5(parse(html)) as Root, html);
}

/**
 * A page a job built as a tree. Its HTML is serialized only when asked for: the share pages are
 * changed again by later jobs (their stylesheet link), so serializing each one here as well as
 * when it is written cost a third of a second.
 */
export function treePage(file: string, tree: Root): BuiltPage {
  return builtPage(file, tree);
}

function builtPage(file: string, tree: Root, source?: string): BuiltPage {
  const robots = select('meta[name="robots"]', tree)?.properties.content;
  const normalized = file.replace(/\\/g, '/');
  let html = source;
  return {
    file: normalized,
    path: pagePathOf(normalized),
    get html() {
      html ??= treeHtml(tree);
      return html;
    },
    tree,
    changed: false,
    noindex: /\bnoindex\b/i.test(String(robots ?? '')),
  };
}

/** The HTML to write for a page: its source when no job changed it, else its serialized tree. */
export function pageHtml(page: BuiltPage): string {
  return page.changed ? treeHtml(page.tree) : page.html;
}

/** A document as HTML, the way Astro writes pages: `<!DOCTYPE html>`, `<path/>` in SVG, bare boolean attributes. */
export function treeHtml(tree: Root): string {
  return toHtml(tree, {
    upperDoctype: true,
    closeEmptyElements: true,
    tightSelfClosing: true,
    collapseEmptyAttributes: true,
    characterReferences: { useShortestReferences: true },
  });
}

/** The HTML files of an output folder, relative to it, sorted. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.replace(/\\/g, '/'))
    .sort();
}

/** Every page of an output folder, parsed, in file order. */
export async function loadBuiltPages(dir: string): Promise<BuiltPage[]> {
  return Promise.all(
    (await htmlFiles(dir)).map(async (file) => parsePage(file, await readFile(path.join(dir, file), 'utf8'))),
  );
}

/** Reads an output file by the URL path a page uses for it, or null when there is none (budget.ts). */
export function urlReader(dir: string, base = '/'): (url: string) => Uint8Array | null {
  return (url) => {
    const file = outputFileOf(base, url);
    if (file === undefined) return null;
    try {
      return readFileSync(path.join(dir, file));
    } catch {
      return null;
    }
  };
}
