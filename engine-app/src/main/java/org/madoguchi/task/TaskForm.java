package org.madoguchi.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A task's application form as its department opens it: the form deployed for the task, and the application of
 * the task's case for the visit, as the resident signed it.
 *
 * @param formId the form's id (the task's {@code camunda:formRef})
 * @param title the form's title (its first heading)
 * @param schema the deployed form (form-js JSON) as it is: what Camunda Tasklist would open for the task
 * @param data the application's values as form-js data, with what the department has entered so far
 * @param departmentFields the keys of what the department fills in at this step (the form's {@code staff} fields
 *     outside member lists), to submit with its approval; empty at a step that is not the department's
 */
public record TaskForm(String formId, String title, JsonNode schema, Map<String, Object> data,
    List<String> departmentFields) {
}
