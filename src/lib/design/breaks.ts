/**
 * Where a word may break inside itself when a line is too narrow for it. Long API identifiers
 * (volumeClaimTemplates, RollingUpdate) have no break opportunity a browser or a line breaker would
 * find, so a narrow table column or a social image would otherwise have to grow or cut them. One
 * rule for both: the measured line wrapper breaks there first (src/lib/design/text.ts), and the
 * comparison table marks each place with <wbr> (src/components/Breakable.astro).
 */

/** Offsets (in characters) of the camel-case humps of `word`: "volumeClaim|Templates" → [6, 11]. */
export function camelHumps(word: string): number[] {
  const chars = [...word];
  const humps: number[] = [];
  chars.forEach((c, i) => {
    if (i > 0 && /[A-Z]/.test(c) && /[a-z]/.test(chars[i - 1] ?? '')) humps.push(i);
  });
  return humps;
}

/**
 * `text` cut at the camel-case humps of its words that are at least `minLength` characters long,
 * to be joined again with <wbr>: "Per-Pod volumeClaimTemplates" → ["Per-Pod volume", "Claim",
 * "Templates"]. A browser takes a <wbr> whenever the rest of the word would not fit the line, not
 * only when the whole word would not fit a line of its own, so short words are better left whole.
 */
export function camelPieces(text: string, minLength = 1): string[] {
  const pieces = [''];
  for (const part of text.split(/(\s+)/)) {
    const chars = [...part];
    const cuts = chars.length >= minLength ? camelHumps(part) : [];
    [0, ...cuts].forEach((start, i) => {
      const piece = chars.slice(start, cuts[i] ?? chars.length).join('');
      if (i === 0) pieces[pieces.length - 1] += piece;
      else pieces.push(piece);
    });
  }
  return pieces;
}
