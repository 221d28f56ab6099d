package org.madoguchi.forms;

/**
 * Something wrong with a form definition.
 *
 * @param formId the form
 * @param field the field's key (or container id) concerned, or {@code null} for the form as a whole
 * @param message what is wrong, readable by whoever edits the form
 */
public record FormProblem(String formId, String field, String message) {

  @Override
  public String toString() {
    return formId + (field == null ? "" : " [" + field + "]") + ": " + message;
  }
}
