/** Plain text with Markdown code spans (`JobSuccessPolicy`), split into the parts a component renders. */

export interface TextPart {
  text: string;
  /** True for the inside of a code span. */
  code: boolean;
}

/**
 * "needs the `JobSuccessPolicy` gate" → text, code, text. A backtick without its pair stays text,
 * so the words are never lost; empty parts are dropped.
 */
export function codeSpans(text: string): TextPart[] {
  const pieces = text.split('`');
  if (pieces.length % 2 === 0) return [{ text, code: false }];
  return pieces.flatMap((piece, i) => (piece ? [{ text: piece, code: i % 2 === 1 }] : []));
}
