/**
 * The id scheme for every linkable place the site generates (table rows, cells, columns, notes,
 * decision steps). Headings carry the ids written in their content. One module, so pages,
 * scripts and checks spell every id the same way.
 */

/** The prefixes that tell generated ids apart (src/lib/links/sections.ts reads an id's kind from them). */
export const ID_PREFIX = { column: 'col-', note: 'note-', question: 'q-', result: 'use-' } as const;

/** Table row of a workload: `/compare/#statefulset`. */
export const rowId = (workload: string): string => workload;
/** Table cell: `/compare/#statefulset-storage`. */
export const cellId = (workload: string, dimension: string): string => `${workload}-${dimension}`;
/** Column header: `/compare/#col-storage`. */
export const columnId = (dimension: string): string => `${ID_PREFIX.column}${dimension}`;
/** Numbered note of a cell: `/compare/#note-statefulset-ordering`. */
export const noteId = (workload: string, dimension: string): string => `${ID_PREFIX.note}${workload}-${dimension}`;
/** Decision question: `/choose/#q-finishes`. */
export const questionId = (question: string): string => `${ID_PREFIX.question}${question}`;
/** Decision result: `/choose/#use-statefulset`. */
export const resultId = (workload: string): string => `${ID_PREFIX.result}${workload}`;
/** Glossary term: `/glossary/#headless-service`. */
export const termId = (term: string): string => term;
/** A Kubernetes minor in an id: "1.33" → "v1-33" (column `col-v1-33`, cell `job-success-policy-v1-33`). */
export const minorSlug = (minor: string): string => `v${minor.replace('.', '-')}`;
/** The changes of one release on /versions/: `/versions/#changes-v1-37`. */
export const changesId = (minor: string): string => `changes-${minorSlug(minor)}`;
/** A minor's row of the support table on /versions/: `/versions/#support-v1-32`. */
export const supportId = (minor: string): string => `support-${minorSlug(minor)}`;
