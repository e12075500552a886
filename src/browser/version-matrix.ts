// <k8s-matrix>: sorting for the /versions/ feature × version matrix, which is complete HTML
// without it. The sort lives in the query string (`?sort=v1-33&dir=desc`, the comparison table's
// format and parser), so a copied address opens the same order; the reader's version stays too.
import { nextSort, parseKey, sortedOrder } from '../lib/compare/sort';
import { parseView, serializeView } from '../lib/compare/compare-state';
import { versionIn, withVersion } from '../lib/versions/version-param';

class VersionMatrix extends HTMLElement {
  connectedCallback(): void {
    const table = this.querySelector('table');
    const body = table?.tBodies[0];
    const heads = [...(table?.tHead?.rows[0]?.cells ?? [])];
    if (!body) return;
    const rows = [...body.rows];
    const columns = heads.map((cell) => cell.dataset.column ?? '');
    const status = this.querySelector('[data-sort-caption]');
    let { sort, dir } = parseView(location.search, { workloads: [], dimensions: columns.filter(Boolean) });

    const apply = (): void => {
      const column = sort ? columns.indexOf(sort) : -1;
      const order =
        column < 0
          ? rows.map((_, i) => i)
          : sortedOrder(
              rows.map((row) => parseKey(row.cells[column]?.dataset.key ?? '')),
              dir,
            );
      body.append(...order.map((i) => rows[i] as HTMLTableRowElement));
      heads.forEach((cell, i) => {
        if (i === column) cell.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
        else cell.removeAttribute('aria-sort');
      });
      const label = heads[column]?.dataset.label;
      if (status) status.textContent = label ? `, sorted by ${label}, ${dir}ending` : '';
      const query = serializeView({ sort, dir, workloads: null, dimensions: null });
      history.replaceState(
        history.state,
        '',
        location.pathname + withVersion(query, versionIn(location.search)) + location.hash,
      );
    };

    this.addEventListener('click', (event) => {
      const column = (event.target as Element).closest('th')?.dataset.column;
      if (!column || !(event.target as Element).closest('button')) return;
      const next = nextSort(sort ? { column: sort, dir } : null, column);
      sort = next?.column ?? null;
      dir = next?.dir ?? 'asc';
      apply();
      const label = heads[columns.indexOf(column)]?.dataset.label ?? column;
      dispatchEvent(
        new CustomEvent('announce', { detail: next ? `Sorted by ${label}, ${dir}ending` : 'Original order restored' }),
      );
    });
    apply();
  }
}

customElements.define('k8s-matrix', VersionMatrix);
