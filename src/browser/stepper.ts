// <k8s-stepper>: the decision tree one question at a time. Steps are read from the linked tree
// on the page (the no-JS version), so the tree is written once. The path of answers lives in
// the URL (`?answers=no,yes`): Back steps back, a reload keeps the step, a copied address
// restores it; a stale or hostile path starts over with a notice.
import { answersQuery, readAnswers, walk, type TreeQuestion } from '../lib/decide/decision-path';
import { versionIn, withVersion } from '../lib/versions/version-param';

const text = (element: Element | null | undefined): string => element?.textContent?.trim() ?? '';

class Stepper extends HTMLElement {
  connectedCallback(): void {
    const tree = document.querySelector<HTMLElement>('.decision-tree');
    const root = tree?.dataset.root;
    const step = this.querySelector('[data-step]');
    const trail = this.querySelector<HTMLElement>('[data-trail]');
    const notice = this.querySelector<HTMLElement>('[data-notice]');
    const back = this.querySelector<HTMLButtonElement>('[data-back]');
    const restart = this.querySelector<HTMLButtonElement>('[data-restart]');
    if (!tree || !root || !step || !trail || !notice || !back || !restart) return;

    const sections = new Map(
      [...tree.querySelectorAll<HTMLElement>('[data-node]')].map((s) => [s.dataset.node ?? '', s]),
    );
    const questions = new Map<string, TreeQuestion & { labels: Map<string, string> }>();
    for (const [id, section] of sections) {
      if (section.dataset.kind !== 'question') continue;
      const items = [...section.querySelectorAll<HTMLElement>('[data-answer]')];
      questions.set(id, {
        answers: items.map((li) => ({ id: li.dataset.answer ?? '', next: li.dataset.next ?? '' })),
        labels: new Map(items.map((li) => [li.dataset.answer ?? '', text(li.querySelector('span'))])),
      });
    }
    const title = (id: string) => text(sections.get(id)?.querySelector('h3'));
    const label = (question: string, answer: string) => questions.get(question)?.labels.get(answer) ?? answer;
    const link = (answers: string[], content: string) => {
      const a = document.createElement('a');
      a.href = withVersion(answersQuery(answers), versionIn(location.search)) || location.pathname;
      a.dataset.path = answers.join(',');
      a.textContent = content;
      return a;
    };
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content = '') => {
      const node = document.createElement(tag);
      node.className = className;
      node.textContent = content;
      return node;
    };

    let answers: string[] = [];

    const render = (focus: boolean): void => {
      const path = walk(questions, root, answers);
      if (!path) return;
      const { steps, current } = path;
      const section = sections.get(current);
      const done = section?.dataset.kind === 'result';
      const items = steps.map((s, i) => {
        const li = el('li', '', `${title(s.question)} `);
        li.append(el('strong', '', label(s.question, s.answer)), ' · ', link(answers.slice(0, i), 'change'));
        return li;
      });
      trail.querySelector('ol')?.replaceChildren(...items);
      trail.hidden = steps.length === 0;
      const heading = el(
        'p',
        'step-title mt-1 text-xl font-bold',
        done ? text(section?.querySelector('h3')) : title(current),
      );
      heading.tabIndex = -1;
      const body: Node[] = [el('p', 'kicker', done ? 'Result' : `Question ${steps.length + 1}`), heading];
      if (done && section) {
        // The result's details, without the ids and permalinks that belong to the tree.
        const details = section.querySelector('dl')?.cloneNode(true) as HTMLElement | undefined;
        const links = section.querySelector('p:last-child')?.cloneNode(true) as HTMLElement | undefined;
        if (details) body.push(details);
        if (links) body.push(links);
        const others = el('ul', 'mt-1 flex flex-col gap-1 text-sm');
        steps.forEach((s, i) => {
          for (const alternative of questions.get(s.question)?.answers ?? []) {
            if (alternative.id === s.answer) continue;
            const li = el('li', '', `${title(s.question)} `);
            li.append(link([...answers.slice(0, i), alternative.id], label(s.question, alternative.id)));
            others.append(li);
          }
        });
        body.push(el('p', 'mt-5 font-semibold', 'What if you had answered differently?'), others);
      } else {
        const help = sections.get(current)?.querySelector('.help')?.cloneNode(true) as HTMLElement | undefined;
        if (help) body.push(help);
        const choices = el('div', 'mt-4 grid gap-2 sm:grid-cols-2');
        for (const a of questions.get(current)?.answers ?? []) {
          const button = el('button', 'answer text-left font-semibold', label(current, a.id));
          button.type = 'button';
          button.dataset.answer = a.id;
          choices.append(button);
        }
        body.push(choices);
      }
      step.replaceChildren(...body);
      back.disabled = restart.disabled = steps.length === 0;
      if (focus) heading.focus();
    };

    const go = (next: string[], push = true): void => {
      answers = next;
      notice.hidden = true;
      // The reader's Kubernetes version (`k8s=`, src/browser/version.ts) stays in the address.
      const query = withVersion(answersQuery(answers), versionIn(location.search));
      history[push ? 'pushState' : 'replaceState']({ answers }, '', location.pathname + query);
      render(true);
    };

    const load = (): void => {
      const wanted = readAnswers(location.search);
      if (walk(questions, root, wanted)) {
        answers = wanted;
        render(false);
      } else {
        answers = [];
        history.replaceState(
          { answers },
          '',
          location.pathname + withVersion('', versionIn(location.search)) + location.hash,
        );
        render(false);
        notice.textContent =
          'That link pointed at an answer this guide no longer has, so it starts from the first question.';
        notice.hidden = false;
      }
    };

    this.addEventListener('click', (event) => {
      const target = event.target as Element;
      const answer = target.closest<HTMLElement>('[data-answer]')?.dataset.answer;
      const jump = target.closest<HTMLAnchorElement>('a[data-path]');
      if (answer) go([...answers, answer]);
      else if (jump) {
        event.preventDefault();
        go(jump.dataset.path ? jump.dataset.path.split(',') : []);
      } else if (target.closest('[data-back]')) {
        if ((history.state as { answers?: string[] } | null)?.answers) history.back();
        else go(answers.slice(0, -1), false);
      } else if (target.closest('[data-restart]')) go([]);
    });
    addEventListener('popstate', () => {
      load();
      (this.querySelector('.step-title') as HTMLElement | null)?.focus();
    });
    load();
  }
}

customElements.define('k8s-stepper', Stepper);
