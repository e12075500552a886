/**
 * The decision tree as the pages show it: where it starts, and the order its questions and
 * results are listed in. The shape of the tree (one root, no cycles, every node reachable) is a
 * content rule, checked before any page renders (`checkDecisions` in src/lib/content/integrity.ts).
 */

/** A node of src/content/decisions.yaml as the collection holds it: its id and data. */
export interface TreeEntry {
  id: string;
  data: { type: 'question'; root: boolean; answers: readonly { next: string }[] } | { type: 'result' };
}

type Question<T extends TreeEntry> = T & { data: Extract<T['data'], { type: 'question' }> };
type Result<T extends TreeEntry> = T & { data: Extract<T['data'], { type: 'result' }> };

const isQuestion = <T extends TreeEntry>(entry: T): entry is Question<T> => entry.data.type === 'question';
const isResult = <T extends TreeEntry>(entry: T): entry is Result<T> => entry.data.type === 'result';

/** The question the tree starts from (`root: true`); throws when there is none. */
export function rootQuestion<T extends TreeEntry>(entries: readonly T[]): Question<T> {
  const root = entries.filter(isQuestion).find((entry) => entry.data.root);
  if (!root) throw new Error('src/content/decisions.yaml: no question has "root: true"');
  return root;
}

/** Questions from the root outwards, breadth first (so a question's number says how far in it is), each once. */
export function questionsInOrder<T extends TreeEntry>(entries: readonly T[]): Question<T>[] {
  const questions = new Map(entries.filter(isQuestion).map((entry) => [entry.id, entry]));
  const ordered: Question<T>[] = [];
  const seen = new Set<string>();
  for (const queue = [rootQuestion(entries).id]; queue.length > 0;) {
    const id = queue.shift() as string;
    const question = questions.get(id);
    if (!question || seen.has(id)) continue;
    seen.add(id);
    ordered.push(question);
    queue.push(...question.data.answers.map((answer) => answer.next));
  }
  return ordered;
}

/** Results in the site's workload display order (`workloadOrder`); results not in it are left out. */
export function resultsInOrder<T extends TreeEntry>(
  entries: readonly T[],
  workloadOrder: readonly string[],
): Result<T>[] {
  const results = entries.filter(isResult);
  return workloadOrder.flatMap((id) => results.filter((result) => result.id === id));
}
