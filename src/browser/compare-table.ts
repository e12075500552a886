// <k8s-compare>: sorting and focusing for the server-rendered comparison table.
// The table is complete HTML without this; the view (sort, visible rows and columns) lives in
// the query string so the address bar can be copied at any moment.
import { nextSort, parseKey, sortedOrder } from '../lib/compare/sort';
import { parseView, serializeView, type CompareView } from '../lib/compare/compare-state';
import { versionIn, withVersion } from '../lib/versions/version-param';

const list = (value: string | undefined): string[] => (value ? value.split(',') : []);
/** Sort key of a cell: its rank on ordinal dimensions, else its value text. */
const keyOf = (cell?: HTMLTableCellElement) =>
  parseKey(cell?.dataset.key ?? cell?.querySelector('.badge')?.textContent ?? '');
/** Screen-reader message, spoken by the site script's live region. */
const announce = (message: string): boolean => dispatchEvent(new CustomEvent('announce', { detail: message }));

class CompareTable extends HTMLElement {
  connectedCallback(): void {
    const table = this.querySelector('table');
    const body = table?.tBodies[0];
    const head = table?.tHead?.rows[0];
    if (!table || !body || !head) return;
    const rows = [...body.rows];
    const heads = [...head.cells].slice(1);
    const known = {
      workloads: rows.map((row) => row.dataset.workload ?? ''),
      dimensions: heads.map((cell) => cell.dataset.dimension ?? ''),
    };
    const label = (dimension: string) => heads[known.dimensions.indexOf(dimension)]?.dataset.label ?? dimension;
    const status = this.querySelector('[data-sort-caption]');
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    let view = parseView(location.search, known);

    // A link to a row or cell that the view would hide wins over the view.
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && table.contains(target)) view = { ...view, workloads: null, dimensions: null };

    const apply = (): void => {
      const column = view.sort ? known.dimensions.indexOf(view.sort) : -1;
      const order =
        column < 0
          ? rows.map((_, i) => i)
          : sortedOrder(
              rows.map((row) => keyOf(row.cells[column + 1])),
              view.dir,
            );
      // Moving the rows drops focus from a row that a link landed on (src/browser/site.ts): keep it.
      const focused = document.activeElement;
      body.append(...order.map((i) => rows[i] as HTMLTableRowElement));
      if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus({ preventScroll: true });
      heads.forEach((cell, i) => {
        if (i === column) cell.setAttribute('aria-sort', view.dir === 'asc' ? 'ascending' : 'descending');
        else cell.removeAttribute('aria-sort');
      });
      for (const row of rows) row.hidden = !!view.workloads && !view.workloads.includes(row.dataset.workload ?? '');
      known.dimensions.forEach((dimension, i) => {
        const hidden = !!view.dimensions && !view.dimensions.includes(dimension);
        for (const row of table.rows) if (row.cells[i + 1]) (row.cells[i + 1] as HTMLElement).hidden = hidden;
      });
      for (const box of boxes) {
        const shown = box.name === 'workload' ? view.workloads : view.dimensions;
        box.checked = !shown || shown.includes(box.value);
      }
      if (status) status.textContent = view.sort ? `, sorted by ${label(view.sort)}, ${view.dir}ending` : '';
      // The reader's Kubernetes version (`k8s=`, src/browser/version.ts) stays in the address.
      const query = withVersion(serializeView(view), versionIn(location.search));
      history.replaceState(history.state, '', location.pathname + query + location.hash);
    };

    const update = (next: CompareView, message: string): void => {
      view = parseView(serializeView(next), known);
      apply();
      announce(message);
    };

    const shownText = (): string => {
      const w = view.workloads?.length ?? known.workloads.length;
      const d = view.dimensions?.length ?? known.dimensions.length;
      return `Showing ${w} of ${known.workloads.length} workloads and ${d} of ${known.dimensions.length} dimensions`;
    };

    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button || !this.contains(button)) return;
      const dimension = button.closest('th')?.dataset.dimension;
      if (dimension) {
        const sort = nextSort(view.sort ? { column: view.sort, dir: view.dir } : null, dimension);
        update(
          { ...view, sort: sort?.column ?? null, dir: sort?.dir ?? 'asc' },
          sort ? `Sorted by ${label(dimension)}, ${sort.dir}ending` : 'Original order restored',
        );
      } else if ('workloads' in button.dataset || 'dimensions' in button.dataset) {
        const next = { ...view };
        if ('workloads' in button.dataset) next.workloads = list(button.dataset.workloads);
        if ('dimensions' in button.dataset) next.dimensions = list(button.dataset.dimensions);
        if ('reset' in button.dataset) next.sort = null;
        view = next;
        update(view, shownText());
      }
    });

    this.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const group = boxes.filter((other) => other.name === box.name);
      const checked = group.filter((other) => other.checked).map((other) => other.value);
      if (checked.length === 0) {
        box.checked = true;
        announce(`At least one ${box.name} stays visible`);
        return;
      }
      update({ ...view, [box.name === 'workload' ? 'workloads' : 'dimensions']: checked }, shownText());
    });

    for (const button of this.querySelectorAll<HTMLButtonElement>('button[disabled]')) button.disabled = false;
    apply();
    // A sort in the address moves the rows after the browser scrolled to a linked row or cell:
    // land there again as the browser does (block start, inline nearest, clear of the sticky
    // header and column by their scroll margins), at once so no slow scroll is left running.
    if (view.sort && target && table.contains(target))
      target.scrollIntoView({ inline: 'nearest', behavior: 'instant' });
  }
}

customElements.define('k8s-compare', CompareTable);
