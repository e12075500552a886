/** References written in MDX source as JSX attributes, e.g. `<Term id="ordinal">`. */

export interface JsxRef {
  value: string;
  /** 1-based line number in the body. */
  line: number;
}

/** Every string value of `attribute` on `<Component ...>` tags in an MDX body. */
export function extractJsxAttribute(body: string, component: string, attribute: string): JsxRef[] {
  const tag = new RegExp(`<${component}\\b[^>]*?\\b${attribute}="([^"]*)"`, 'g');
  return body
    .split('\n')
    .flatMap((text, index) => [...text.matchAll(tag)].map((match) => ({ value: match[1] ?? '', line: index + 1 })));
}
