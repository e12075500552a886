// <k8s-version>: "My cluster runs …". Every page carries, for each version-sensitive statement,
// one element per version text, rendered at build time and marked `data-k8s-for="1.32 1.33"`;
// this only unhides the ones for the chosen minor and writes the minor into `data-k8s-v` labels.
// The choice is `?k8s=1.33` in the address (so a copied link opens the same view) and is kept in
// localStorage for the next visit. Only a minor listed in the select is ever used.
import { FOR_ATTRIBUTE, LABEL_ATTRIBUTE, VERSION_PARAM, readVersion, withVersion } from '../lib/versions/version-param';

const root = document.documentElement;

class VersionPicker extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    const current = this.dataset.current;
    if (!select || !current) return;
    const known = [...select.options].map((option) => option.value);
    const remember = (): void => {
      try {
        if (chosen) localStorage.setItem(VERSION_PARAM, chosen);
        else localStorage.removeItem(VERSION_PARAM);
      } catch {
        // Storage may be blocked: the address still carries the choice.
      }
    };
    // The address wins (a link someone sent) and is remembered; an unknown or hostile value there
    // means the newest. Choosing the newest is no choice: the view then follows the site's version.
    let chosen: string | null;
    const asked = new URLSearchParams(location.search).has(VERSION_PARAM);
    if (asked) chosen = readVersion(location.search, known);
    else {
      let stored: string | null = null;
      try {
        stored = localStorage.getItem(VERSION_PARAM);
      } catch {
        // As above.
      }
      chosen = stored !== null && known.includes(stored) ? stored : null;
    }
    const valid = asked && chosen !== null;
    if (chosen === current) chosen = null;
    if (valid) remember();

    const apply = (): void => {
      const shown = chosen ?? current;
      if (chosen) root.dataset.k8s = chosen;
      else delete root.dataset.k8s;
      select.value = shown;
      for (const element of document.querySelectorAll<HTMLElement>(`[${FOR_ATTRIBUTE}]`)) {
        element.hidden = !element.getAttribute(FOR_ATTRIBUTE)?.split(' ').includes(shown);
      }
      for (const label of document.querySelectorAll(`[${LABEL_ATTRIBUTE}]`)) label.textContent = `v${shown}`;
      history.replaceState(history.state, '', location.pathname + withVersion(location.search, chosen) + location.hash);
    };

    select.addEventListener('change', () => {
      chosen = select.value !== current && known.includes(select.value) ? select.value : null;
      remember();
      apply();
      dispatchEvent(new CustomEvent('announce', { detail: `Showing what Kubernetes v${chosen ?? current} does` }));
    });
    apply();
  }
}

customElements.define('k8s-version', VersionPicker);
