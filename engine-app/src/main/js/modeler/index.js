// The advisor's web modeler: bpmn-js opens a deployed process or a draft, bpmnlint checks it as it changes, the
// side panel shows its burden metrics, and the advisor saves it as a draft. Bundled by build.mjs.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import lintModule from 'bpmn-js-bpmnlint';
import lintConfig from 'madoguchi:bpmnlint-config';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './modeler.css';
import { translateModule } from './japanese.js';
import { createLintPanel } from './lint-panel.js';
import { createMetricsPanel } from './metrics-panel.js';
import { format, text } from './text.js';

const main = document.getElementById('main');
const urls = {
  metrics: main.dataset.metricsUrl,
  drafts: main.dataset.draftsUrl,
  process: main.dataset.processUrl,
  draftPage: main.dataset.draftPageUrl
};
const japanese = document.documentElement.lang === 'ja';
const state = { draftId: main.dataset.draftId || null, version: null, dirty: false };

const errorRegion = document.getElementById('modeler-error');
const form = document.getElementById('draft-form');
const nameInput = document.getElementById('draft-name');
const saveButton = document.getElementById('save-draft');
const saveStatus = document.getElementById('save-status');
const appendButton = document.getElementById('append-user-task');
const toolStatus = document.getElementById('tool-status');
const canvasElement = document.getElementById('canvas');

const modeler = new BpmnModeler({
  container: canvasElement,
  additionalModules: [lintModule, translateModule(japanese)],
  linting: { bpmnlint: lintConfig, active: true }
});
const canvas = modeler.get('canvas');
const selection = modeler.get('selection');

const metricsPanel = createMetricsPanel({
  root: document.getElementById('metrics-panel'),
  measure,
  roleNames: text.roleNames || {}
});
const lintPanel = createLintPanel({
  root: document.getElementById('lint-panel'),
  japanese,
  elementRegistry: modeler.get('elementRegistry'),
  selection,
  canvas
});

function currentXml() {
  return modeler.saveXML({ format: true }).then((result) => result.xml);
}

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

/** The server's metrics of the XML; rejects with the API's message, which says what to do. */
function measure(xml) {
  return fetch(urls.metrics, {
    method: 'POST',
    credentials: 'same-origin',
    headers: Object.assign({ 'Content-Type': 'application/xml; charset=UTF-8', 'Accept': 'application/json' }, csrfHeaders()),
    body: xml
  }).then((response) => response.json().catch(() => null).then((body) => {
    if (!response.ok) {
      throw new Error((body && body.message) || String(response.status));
    }
    return body;
  }));
}

modeler.on('linting.completed', (event) => lintPanel.show(event.issues));

modeler.on('commandStack.changed', () => {
  if (!state.dirty) {
    state.dirty = true;
    saveStatus.textContent = text.unsaved;
  }
  metricsPanel.schedule(currentXml);
});

// Leaving with unsaved changes asks first (the browser's own question).
window.addEventListener('beforeunload', (event) => {
  if (state.dirty) {
    event.preventDefault();
  }
});

function load() {
  saveStatus.textContent = text.loading;
  const source = state.draftId ? window.Madoguchi.api('GET', urls.drafts + '/' + encodeURIComponent(state.draftId))
    : window.Madoguchi.api('GET', urls.process);
  return source
    .then((model) => {
      state.version = model.version;
      return modeler.importXML(model.bpmnXml).catch((error) => {
        throw new Error(format(text.importFailed, error.message));
      });
    })
    .then(() => {
      showWholeDiagram();
      const svg = canvasElement.querySelector('svg');
      svg.setAttribute('aria-label', text.canvasLabel);
      svg.setAttribute('role', 'application');
      canvasElement.setAttribute('aria-busy', 'false');
      saveButton.disabled = false;
      appendButton.disabled = false;
      saveStatus.textContent = text.loaded;
      return metricsPanel.refresh(currentXml);
    })
    .catch((error) => window.Madoguchi.showError(errorRegion, error.message));
}

/** Fits the whole diagram into view, to the right of the palette so that no element lies under it. */
function showWholeDiagram() {
  const palette = canvasElement.querySelector('.djs-palette');
  const left = (palette ? palette.offsetLeft + palette.offsetWidth : 0) + 16;
  const { inner, outer } = canvas.viewbox();
  const scale = Math.min(1, (outer.width - left - 16) / inner.width, (outer.height - 32) / inner.height);
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - 16 / scale,
    width: outer.width / scale,
    height: outer.height / scale
  });
}

/** Appends a user task after the selected element, where bpmn-js's auto-place puts the next step. */
appendButton.addEventListener('click', () => {
  const selected = selection.get();
  if (selected.length !== 1) {
    toolStatus.textContent = text.selectFirst;
    return;
  }
  const source = selected[0].labelTarget || selected[0];
  if (!is(source, 'bpmn:FlowNode') || is(source, 'bpmn:EndEvent')) {
    toolStatus.textContent = text.cannotAppend;
    return;
  }
  const task = modeler.get('elementFactory').createShape({ type: 'bpmn:UserTask' });
  const appended = modeler.get('autoPlace').append(source, task);
  selection.select(appended);
  toolStatus.textContent = text.appended;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  window.Madoguchi.hideError(errorRegion);
  const name = nameInput.value.trim();
  if (!name) {
    nameInput.setAttribute('aria-invalid', 'true');
    window.Madoguchi.showError(errorRegion, text.nameRequired);
    nameInput.focus();
    return;
  }
  nameInput.removeAttribute('aria-invalid');
  saveButton.disabled = true;
  saveStatus.textContent = text.saving;
  currentXml()
    .then((xml) => (state.draftId
      ? window.Madoguchi.api('PUT', urls.drafts + '/' + encodeURIComponent(state.draftId),
        { name, bpmnXml: xml, version: state.version })
      : window.Madoguchi.api('POST', urls.drafts, { name, bpmnXml: xml })))
    .then((draft) => {
      state.draftId = draft.id;
      state.version = draft.version;
      state.dirty = false;
      main.dataset.draftId = draft.id;
      // The address now names the draft, so a reload or a bookmark opens what was saved.
      window.history.replaceState(null, '', urls.draftPage + encodeURIComponent(draft.id));
      document.getElementById('model-title').textContent = draft.name;
      document.getElementById('model-source').textContent = text.sourceDraft;
      const savedAt = new Date(draft.updatedAt).toLocaleTimeString(document.documentElement.lang,
        { hour: '2-digit', minute: '2-digit' });
      saveStatus.textContent = format(text.saved, draft.version, savedAt);
    })
    .catch((error) => {
      saveStatus.textContent = '';
      window.Madoguchi.showError(errorRegion, error.message);
    })
    .finally(() => {
      saveButton.disabled = false;
    });
});

load();
