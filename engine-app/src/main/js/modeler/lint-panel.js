// The side panel's model check: bpmn-js-bpmnlint's results (rules of .bpmnlintrc) as an accessible list, errors
// first, each naming its element with a button that selects it in the diagram.
import { RULES_JA } from './japanese.js';
import { format, text } from './text.js';

export function createLintPanel({ root, japanese, elementRegistry, selection, canvas }) {
  const summary = root.querySelector('#lint-summary');
  const list = root.querySelector('#lint-issues');

  function nameOf(element, id) {
    const name = element && element.businessObject && element.businessObject.name;
    return name && name.trim() ? name.trim() : format(text.unnamed, id);
  }

  function messageOf(issue) {
    return (japanese && RULES_JA[issue.rule]) || issue.message;
  }

  function itemOf(issue) {
    const element = elementRegistry.get(issue.id);
    const error = issue.category === 'error';
    const item = document.createElement('li');
    item.className = 'lint-issue lint-issue--' + (error ? 'error' : 'warn');
    item.dataset.rule = issue.rule;
    item.dataset.elementId = issue.id;
    const category = document.createElement('span');
    category.className = 'lint-issue__category';
    category.textContent = error ? text.lintError : text.lintWarning;
    item.append(category, ' ');
    const name = nameOf(element, issue.id);
    if (element) {
      const select = document.createElement('button');
      select.type = 'button';
      select.className = 'link-button';
      select.textContent = name;
      select.setAttribute('aria-label', format(text.lintSelect, name));
      select.addEventListener('click', () => {
        selection.select(element);
        canvas.scrollToElement(element);
      });
      item.append(select);
    } else {
      const label = document.createElement('strong');
      label.textContent = name;
      item.append(label);
    }
    const message = document.createElement('span');
    message.className = 'lint-issue__message';
    message.textContent = messageOf(issue);
    item.append(message);
    return item;
  }

  /** Shows bpmn-js-bpmnlint's issues ({ elementId: [ { id, message, category, rule } ] }). */
  function show(issuesById) {
    const issues = Object.values(issuesById).flat().filter((issue) => issue.category === 'error' || issue.category === 'warn');
    issues.sort((a, b) => (a.category === b.category ? 0 : a.category === 'error' ? -1 : 1));
    const errors = issues.filter((issue) => issue.category === 'error').length;
    const warnings = issues.length - errors;
    summary.textContent = issues.length ? format(text.lintSummary, errors, warnings) : text.lintClean;
    root.dataset.errors = String(errors);
    root.dataset.warnings = String(warnings);
    list.replaceChildren(...issues.map(itemOf));
  }

  return { show };
}
