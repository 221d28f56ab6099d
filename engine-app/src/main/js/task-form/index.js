// A department task's application form: form-js renders the form deployed for the task, filled with the
// application as the resident signed it (window.madoguchiTaskForm, written into the page by tasks/task.html). What
// the department fills in (the form's office-use fields) goes with the approval to the complete endpoint, which
// checks the values; everything else stays as the form declares it or, where this page cannot submit it, read-only.
// Bundled by build.mjs.
import { Form } from '@bpmn-io/form-js-viewer';
import flatpickr from 'flatpickr';
import { Japanese } from 'flatpickr/dist/l10n/ja.js';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './task-form.css';

const container = document.getElementById('task-form');
const status = document.getElementById('task-form-status');
const approval = document.getElementById('complete-form');
const formValues = document.getElementById('form-values');
const taskForm = window.madoguchiTaskForm;
const text = window.madoguchiTaskFormText || {};

if (container && taskForm) {
  render();
}

async function render() {
  const editable = container.dataset.editable === 'true' && approval !== null && formValues !== null;
  if (document.documentElement.lang === 'ja') {
    flatpickr.localize(Japanese);
  }
  // Read-only as a whole: every field shown as text the keyboard and a screen reader reach, none submitted.
  const form = new Form({ container, properties: { readOnly: !editable, ariaLabel: taskForm.title } });
  try {
    await form.importSchema(editable ? onlyDepartmentFieldsEditable(taskForm.schema) : taskForm.schema, taskForm.data);
    status.textContent = '';
  } catch (error) {
    status.textContent = text.failed || String(error);
    return;
  } finally {
    container.removeAttribute('aria-busy');
  }
  if (editable) {
    approval.addEventListener('submit', (event) => submitWithApproval(form, event));
  }
}

/**
 * The schema with every field the form leaves enabled but this page does not submit (an office-use field in the
 * member list, one per member) made read-only: the complete endpoint takes single values only.
 */
function onlyDepartmentFieldsEditable(schema) {
  const copy = structuredClone(schema);
  const submitted = new Set(taskForm.departmentFields);
  const visit = (components, prefix) => {
    for (const component of components || []) {
      if (component.components) {
        visit(component.components, component.path ? prefix + component.path + '.' : prefix);
      } else if (component.key && !component.disabled && !submitted.has(prefix + component.key)) {
        component.readonly = true;
      }
    }
  };
  visit(copy.components, '');
  return copy;
}

/** Validates the department's entries and sends them with the approval; an invalid entry keeps the page. */
function submitWithApproval(form, event) {
  const { data, errors } = form.submit();
  if (Object.keys(errors).length > 0) {
    event.preventDefault();
    status.textContent = text.invalid || '';
    const invalid = container.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
    }
    return;
  }
  const values = {};
  for (const key of taskForm.departmentFields) {
    const value = data[key];
    if (value !== undefined && value !== null && value !== '') {
      values[key] = value;
    }
  }
  formValues.value = JSON.stringify(values);
}
