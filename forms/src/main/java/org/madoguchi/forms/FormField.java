package org.madoguchi.forms;

import java.util.Map;
import java.util.Optional;

/**
 * One input of a form (a form-js component with a {@code key}) and what its {@code properties} say about it.
 *
 * @param key the value's path in the form data: the component's key, prefixed with the {@code path} of the
 *     containers it sits in ({@code members.name} for the name in the member list)
 * @param label the label shown (for a date field its {@code dateLabel})
 * @param type the form-js component type ({@code textfield}, {@code datetime}, {@code select}, …)
 * @param source where the value comes from, or {@code null} when the field does not declare a known source
 * @param prefillPath for {@link FieldSource#PREFILL}: the path into the data the municipality holds
 * @param interviewKey for {@link FieldSource#INTERVIEW}: the interview question that asks it
 * @param paperItem the item a resident writes for this field on the paper form (氏名, 住所, …), or {@code null}
 *     when no resident ever writes it on paper (office-use boxes, pre-printed text)
 * @param repeated whether the field repeats once per member the application lists
 * @param disabled whether form-js shows the field without submitting it (Tasklist then never writes its value
 *     back as a process variable)
 * @param properties every string property the component declares, as written
 */
public record FormField(String key, String label, String type, FieldSource source, String prefillPath,
    String interviewKey, String paperItem, boolean repeated, boolean disabled, Map<String, String> properties) {

  public FormField {
    properties = Map.copyOf(properties);
  }

  /** The source, when the field declares a known one. */
  public Optional<FieldSource> declaredSource() {
    return Optional.ofNullable(source);
  }

  /** Whether a resident writes this field on the paper form. */
  public boolean writtenOnPaper() {
    return paperItem != null;
  }

  /** How many entries this field makes on an application listing {@code members} members. */
  public int entries(int members) {
    return repeated ? members : 1;
  }
}
