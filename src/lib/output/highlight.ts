/**
 * Build-time syntax highlighting of example manifests and MDX code fences, through Shiki.
 *
 * Shiki colours tokens with inline `style` attributes, which the site's Content-Security-Policy
 * forbids (`style-src 'self'`). So the highlighter runs with Shiki's CSS-variables theme, whose
 * colours name the kind of token (`var(--shiki-token-comment)`), and a transformer turns each of
 * those into a class (`hl-c`) styled in src/styles/global.css. Tokens of a kind the site does not
 * colour are left as plain text, so the markup stays small.
 */
import { createCssVariablesTheme, createHighlighterCoreSync, type ShikiTransformer } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import yaml from 'shiki/langs/yaml.mjs';
import shellscript from 'shiki/langs/shellscript.mjs';
import type { Element, ElementContent, Root } from 'hast';

/** Fence languages the site highlights; `text` is shown as written. */
export const CODE_LANGUAGES = ['yaml', 'shell', 'text'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** True when an MDX fence may use `lang`. */
export const isCodeLanguage = (lang: string): lang is CodeLanguage =>
  (CODE_LANGUAGES as readonly string[]).includes(lang);

/**
 * The class for each kind of token Shiki's CSS-variables theme names, by the kind's name; the
 * classes are styled in src/styles/global.css (`.code .hl-*`) from the `--code-*` colour tokens.
 * In YAML, keys are `keyword`, values `string-expression` (plain) or `string` (block scalars);
 * in shell, the command is a `function`, quoted text `string-expression`, and bare arguments,
 * which the grammar also calls `string`, stay uncoloured.
 */
const COMMON_CLASSES: Readonly<Record<string, string>> = {
  keyword: 'hl-k',
  function: 'hl-k',
  'string-expression': 'hl-s',
  constant: 'hl-n',
  parameter: 'hl-n',
  comment: 'hl-c',
  punctuation: 'hl-p',
};
export const TOKEN_CLASSES: Readonly<Record<CodeLanguage, Readonly<Record<string, string>>>> = {
  yaml: { ...COMMON_CLASSES, string: 'hl-s' },
  shell: COMMON_CLASSES,
  text: {},
};

const THEME = 'site-classes';
const VARIABLE_PREFIX = '--shiki-';
const TOKEN_VARIABLE = new RegExp(`var\\(${VARIABLE_PREFIX}token-([a-z-]+)\\)`);

const highlighter = createHighlighterCoreSync({
  themes: [createCssVariablesTheme({ name: THEME, variablePrefix: VARIABLE_PREFIX, fontStyle: false })],
  langs: [yaml, shellscript],
  engine: createJavaScriptRegexEngine(),
});

/** Shiki's name for each site language (`shell` is an alias Shiki resolves itself). */
const SHIKI_LANG: Record<CodeLanguage, string> = { yaml: 'yaml', shell: 'shell', text: 'text' };

const isElement = (node: Root['children'][number] | ElementContent): node is Element => node.type === 'element';

const classOf = (node: ElementContent): string | undefined =>
  isElement(node) && typeof node.properties.class === 'string' ? node.properties.class : undefined;

/**
 * Flattens Shiki's `<pre><code><span class="line">` tree to the code's tokens: the component
 * around it draws the <pre>. Spans without a class become their text, neighbours of one class
 * become one span, and lines stay separated by their newlines.
 */
function tokensOnly(root: Root): Root {
  const pre = root.children.find(isElement);
  const code = pre?.children.find(isElement);
  const flat = (node: ElementContent): ElementContent[] =>
    isElement(node) && (classOf(node) === undefined || classOf(node) === 'line') ? node.children.flatMap(flat) : [node];
  const merged: ElementContent[] = [];
  for (const node of (code?.children ?? []).flatMap(flat)) {
    const last = merged.at(-1);
    if (last && isElement(last) && isElement(node) && classOf(last) === classOf(node))
      last.children.push(...node.children);
    else if (last?.type === 'text' && node.type === 'text') last.value += node.value;
    else merged.push(node);
  }
  return { type: 'root', children: merged };
}

/** Replaces each token's colour style with its class (none when the kind is not coloured). */
const tokenClasses = (classes: Readonly<Record<string, string>>): ShikiTransformer => ({
  name: 'site:token-classes',
  span(span) {
    const kind = TOKEN_VARIABLE.exec(String(span.properties.style ?? ''))?.[1];
    delete span.properties.style;
    const className = kind ? classes[kind] : undefined;
    if (className) span.properties.class = className;
  },
  root: tokensOnly,
});

/** Highlights `code` as HTML (token spans with classes, no styles); its text is `code` without the final newline. */
export function highlight(code: string, lang: CodeLanguage): string {
  return highlighter.codeToHtml(code.replace(/\n$/, ''), {
    lang: SHIKI_LANG[lang],
    theme: THEME,
    transformers: [tokenClasses(TOKEN_CLASSES[lang])],
  });
}
