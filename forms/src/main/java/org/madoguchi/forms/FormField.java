package org.madoguchi.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param section the label of the nearest labelled container (group or list) the field sits in ({@code 新しい住所},
 *     {@code 異動する人}), or {@code null} at the top level: what tells two fields both labelled 氏名 apart
 * @param options for a {@code select} or {@code radio}: each option's label by its value, in the form's order;
 *     empty for other fields
 */
public record FormField(String key, String label, String type, FieldSource source, String prefillPath,
    String interviewKey, String paperItem, boolean repeated, boolean disabled, Map<String, String> properties,
    String section, Map<String, String> options) {

  public FormField {
    properties = Map.copyOf(properties);
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** A field outside any labelled container and without options. */
  public FormField(String key, String label, String type, FieldSource source, String prefillPath,
      String interviewKey, String paperItem, boolean repeated, boolean disabled, Map<String, String> properties) {
    this(key, label, type, source, prefillPath, interviewKey, paperItem, repeated, disabled, properties, null,
        Map.of());
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
