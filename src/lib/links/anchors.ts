/**
 * The id scheme for every linkable place the site generates (table rows, cells, columns, notes,
 * decision steps). Headings carry the ids written in their content. One module, so pages,
 * scripts and checks spell every id the same way.
 */

/** Table row of a workload: `/compare/#statefulset`. */
export const rowId = (workload: string): string => workload;
/** Table cell: `/compare/#statefulset-storage`. */
export const cellId = (workload: string, dimension: string): string => `${workload}-${dimension}`;
/** Column header: `/compare/#col-storage`. */
export const columnId = (dimension: string): string => `col-${dimension}`;
/** Numbered note of a cell: `/compare/#note-statefulset-ordering`. */
export const noteId = (workload: string, dimension: string): string => `note-${workload}-${dimension}`;
/** Decision question: `/choose/#q-finishes`. */
export const questionId = (question: string): string => `q-${question}`;
/** Decision result: `/choose/#use-statefulset`. */
export const resultId = (workload: string): string => `use-${workload}`;
/** Glossary term: `/glossary/#headless-service`. */
export const termId = (term: string): string => term;
