/**
 * What the Nu HTML Checker (vnu.jar, run over dist/ by scripts/check-dist.ts) reports, less the
 * one place where it lags the HTML Standard: `<link rel="expect" blocking="render">`, which the
 * standard allows since whatwg/html#9970 (2024) and the layout uses to hold the first paint until
 * the body is parsed (src/layouts/Base.astro). The checker (26.9.27) still accepts `blocking` on
 * stylesheet links only. Any other use of `blocking`, and every other error, still fails.
 * https://html.spec.whatwg.org/multipage/links.html#link-type-expect
 */

/** One message of the checker's JSON output (`--format json`). */
export interface ValidatorMessage {
  type: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

const BLOCKING_ON_STYLESHEETS_ONLY = /^A “link” element with a “blocking” attribute must have a “rel” attribute/;
/** The checker quotes the element it means; Astro writes attributes in source order. */
const EXPECT_LINK = /<link rel="expect" href="#[\w-]+" blocking="render">/;

/**
 * The messages that are problems by the standard the site is built to: all of them (errors, and
 * files the checker could not read) but the checker's lag on render-blocking "expect" links.
 */
export function validityErrors(messages: readonly ValidatorMessage[]): ValidatorMessage[] {
  return messages.filter(
    (message) =>
      !(
        message.type === 'error' &&
        BLOCKING_ON_STYLESHEETS_ONLY.test(message.message) &&
        EXPECT_LINK.test(message.extract ?? '')
      ),
  );
}

/** A message as a line a reader can jump to: "file:line.column: message". */
export function formatMessage({ url, lastLine, firstColumn, message }: ValidatorMessage): string {
  const file = url?.replace(/^file:/, '') ?? '(unknown file)';
  return `${file}:${lastLine ?? 0}.${firstColumn ?? 0}: ${message}`;
}
