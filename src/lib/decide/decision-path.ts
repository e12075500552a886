/**
 * Walking the decision tree by answer ids, as the guided stepper does. The path lives in the
 * URL (`?answers=no,yes`) and is untrusted: a walk that meets an answer the tree does not have
 * at that step fails as a whole, so the stepper can start over instead of guessing.
 */

export interface TreeQuestion {
  answers: { id: string; next: string }[];
}

export interface Walk {
  /** Each step taken: the question and the answer given there. */
  steps: { question: string; answer: string }[];
  /** Where the walk ended: a question still to answer, or a result. */
  current: string;
}

/** Follows `answers` from `root`; null when an answer does not exist where it is used. */
export function walk(
  questions: ReadonlyMap<string, TreeQuestion>,
  root: string,
  answers: readonly string[],
): Walk | null {
  const steps: Walk['steps'] = [];
  let current = root;
  for (const answer of answers) {
    const next = questions.get(current)?.answers.find((a) => a.id === answer)?.next;
    if (next === undefined) return null;
    steps.push({ question: current, answer });
    current = next;
  }
  return { steps, current };
}

/** Reads the answer path from a query string; absent means the start. */
export function readAnswers(search: string): string[] {
  const raw = new URLSearchParams(search).get('answers');
  return raw ? raw.split(',') : [];
}

/** The query string for an answer path ("" at the start). */
export const answersQuery = (answers: readonly string[]): string =>
  answers.length ? `?answers=${answers.join(',')}` : '';
