package org.madoguchi.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a form can be rendered by Camunda 7.24's Tasklist and counted by Madoguchi: unique keys, a valid
 * source on every input, prefill paths only from {@link PrefillPaths#ALL}, and no My Number (個人番号) that could be
 * stored.
 */
public final class FormValidator {

  /**
   * The newest form-js schema Camunda 7.24's Tasklist renders: it embeds form-js 1.8.7, whose editor writes schema
   * version 16.
   */
  public static final int TASKLIST_SCHEMA_VERSION = 16;

  private static final Pattern FORM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** The key pattern of the form-js JSON schema: ASCII word characters, dot separated. */
  private static final Pattern FORM_JS_KEY = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
  private static final Pattern MY_NUMBER_KEY = Pattern.compile("(?i).*(my_?number|kojin_?bango)(?!_?card).*");
  private static final Pattern MY_NUMBER_TEXT = Pattern.compile(".*(個人番号|マイナンバー)(?!カード).*");

  /** Every problem of every form in the catalog. */
  public List<FormProblem> validate(FormCatalog catalog) {
    List<FormProblem> problems = new ArrayList<>();
    catalog.forms().forEach(form -> problems.addAll(validate(form)));
    return problems;
  }

  /** Every problem of one form; empty when the form is valid. */
  public List<FormProblem> validate(FormDefinition form) {
    List<FormProblem> problems = new ArrayList<>();
    String id = form.id();
    if (!FORM_ID.matcher(id).matches()) {
      problems.add(new FormProblem(id, null, "the form id must be kebab-case (a-z, 0-9 and -)"));
    }
    if (form.schemaVersion() == null || form.schemaVersion() > TASKLIST_SCHEMA_VERSION) {
      problems.add(new FormProblem(id, null, "schemaVersion must be at most " + TASKLIST_SCHEMA_VERSION
          + " (form-js 1.8, the version Camunda 7.24's Tasklist renders), was " + form.schemaVersion()));
    }
    for (Map.Entry<String, String> repeat : form.repeatDeclarations().entrySet()) {
      if (!FormDefinition.REPEAT_MEMBERS.equals(repeat.getValue())) {
        problems.add(new FormProblem(id, repeat.getKey(), "a repeating container must declare properties.repeat = "
            + FormDefinition.REPEAT_MEMBERS + ", was " + repeat.getValue()));
      }
    }
    Set<String> keys = new HashSet<>();
    for (FormField field : form.fields()) {
      if (!keys.add(field.key())) {
        problems.add(new FormProblem(id, field.key(), "the key is used twice"));
      }
      if (!FORM_JS_KEY.matcher(field.key()).matches()) {
        problems.add(new FormProblem(id, field.key(), "form-js keys are ASCII letters, digits and _ (dot separated)"));
      }
      problems.addAll(checkSource(id, field));
      problems.addAll(checkMyNumber(id, field));
    }
    return problems;
  }

  private static List<FormProblem> checkSource(String formId, FormField field) {
    List<FormProblem> problems = new ArrayList<>();
    if (field.source() == null) {
      problems.add(new FormProblem(formId, field.key(), "properties.source must be one of prefill, interview, "
          + "resident, signature, staff; was " + field.properties().get("source")));
      return problems;
    }
    switch (field.source()) {
      case PREFILL -> {
        if (field.prefillPath() == null || !PrefillPaths.ALL.contains(field.prefillPath())) {
          problems.add(new FormProblem(formId, field.key(), "properties.prefill must be a documented path "
              + "(PrefillPaths.ALL), was " + field.prefillPath()));
        }
      }
      case INTERVIEW -> {
        if (field.interviewKey() == null || field.interviewKey().isBlank()) {
          problems.add(new FormProblem(formId, field.key(), "an interview field must name its question in "
              + "properties.interview"));
        }
      }
      case STAFF -> {
        if (field.writtenOnPaper()) {
          problems.add(new FormProblem(formId, field.key(), "a staff field is office use: a resident never writes "
              + "it, so it has no paperItem"));
        }
      }
      default -> {
      }
    }
    return problems;
  }

  private static List<FormProblem> checkMyNumber(String formId, FormField field) {
    boolean myNumber = MY_NUMBER_KEY.matcher(field.key()).matches()
        || (field.label() != null && MY_NUMBER_TEXT.matcher(field.label()).matches())
        || (field.paperItem() != null && MY_NUMBER_TEXT.matcher(field.paperItem()).matches());
    if (!myNumber) {
      return List.of();
    }
    List<FormProblem> problems = new ArrayList<>();
    if (field.source() == FieldSource.PREFILL) {
      problems.add(new FormProblem(formId, field.key(), "a My Number is never held in data to prefill from: read "
          + "it from the card at the counter (source interview)"));
    }
    if (!field.disabled()) {
      problems.add(new FormProblem(formId, field.key(), "a My Number field must be disabled, so that Tasklist never "
          + "submits it as a process variable"));
    }
    return problems;
  }
}
