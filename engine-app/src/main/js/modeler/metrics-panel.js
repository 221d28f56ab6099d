// The side panel's burden metrics: recalculated by the server (the bpr module's BpmnMetrics) from the current XML
// a moment after the diagram stops changing, and saying in words which numbers changed (ユーザータスク 4 → 5).
import { format, text } from './text.js';

const COUNTED = ['userTasks', 'lanes', 'handOffs', 'residentMoves', 'forms', 'residentWrittenFields', 'signatures'];
const DEBOUNCE_MS = 400;

export function createMetricsPanel({ root, measure, roleNames }) {
  const changes = root.querySelector('#metrics-changes');
  const roles = root.querySelector('#metrics-roles');
  const warnings = root.querySelector('#metrics-warnings');
  let previous = null;
  let timer = null;
  let latest = 0;

  function countOf(metrics, key) {
    return key === 'lanes' ? metrics.lanes.length : metrics[key];
  }

  function show(metrics) {
    const changed = [];
    for (const key of COUNTED) {
      const value = countOf(metrics, key);
      const cell = root.querySelector('[data-metric="' + key + '"]');
      cell.textContent = String(value);
      const was = previous && countOf(previous, key);
      const differs = previous !== null && was !== value;
      cell.classList.toggle('is-changed', differs);
      if (differs) {
        changed.push(text.metrics[key] + ' ' + was + ' → ' + value);
      }
    }
    if (previous !== null) {
      changes.textContent = changed.length ? format(text.metricsChanged, changed.join('、')) : text.metricsUnchanged;
    }
    // A task's role is its candidate group (a department code) or else its lane's name: the same department can
    // come both ways, so steps are added up by the name shown.
    const steps = new Map();
    for (const [role, count] of Object.entries(metrics.stepsPerRole)) {
      const name = role === '(no role)' ? text.noRole : (roleNames[role] || role);
      steps.set(name, (steps.get(name) || 0) + count);
    }
    roles.replaceChildren(...[...steps].map(([name, count]) => {
      const item = document.createElement('li');
      item.textContent = format(text.steps, name, count);
      return item;
    }));
    warnings.replaceChildren(...metrics.warnings.map((warning) => {
      const item = document.createElement('li');
      item.textContent = warning;
      return item;
    }));
    warnings.hidden = metrics.warnings.length === 0;
    previous = metrics;
  }

  /** Measures the XML {@code xmlSource} gives, now; an older answer arriving late is ignored. */
  function refresh(xmlSource) {
    const request = ++latest;
    root.setAttribute('aria-busy', 'true');
    return xmlSource()
      .then(measure)
      .then((metrics) => {
        if (request === latest) {
          show(metrics);
        }
      }, (error) => {
        if (request === latest) {
          changes.textContent = format(text.metricsFailed, error.message);
        }
      })
      .finally(() => {
        if (request === latest) {
          root.removeAttribute('aria-busy');
        }
      });
  }

  /** Measures again once the diagram has not changed for a moment (every edit would be one request otherwise). */
  function schedule(xmlSource) {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => refresh(xmlSource), DEBOUNCE_MS);
  }

  return { refresh, schedule };
}
