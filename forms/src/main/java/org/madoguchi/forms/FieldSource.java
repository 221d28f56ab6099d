package org.madoguchi.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a form field's value comes from, as the field declares it in its form-js {@code properties.source}. The
 * written-field count reads nothing else: a field is the resident's burden only when its source is
 * {@link #RESIDENT}.
 */
public enum FieldSource {

  /** Filled from data the municipality already holds: the registry, the move-out notice, the visit. */
  PREFILL("prefill"),

  /** Asked by counter staff at the interview, because no system holds it (a phone number, an employer). */
  INTERVIEW("interview"),

  /** Written by the resident. Madoguchi's forms have none; an as-is form modelled for BPR may. */
  RESIDENT("resident"),

  /** The resident's signature (署名): one per visit at the counter, however many applications it covers. */
  SIGNATURE("signature"),

  /** Filled in by department staff while checking the application, never by the resident (office-use boxes). */
  STAFF("staff");

  private final String propertyValue;

  FieldSource(String propertyValue) {
    this.propertyValue = propertyValue;
  }

  /** The value of {@code properties.source} in the form JSON. */
  public String propertyValue() {
    return propertyValue;
  }

  /** The source a {@code properties.source} value names, or empty for a missing or unknown value. */
  public static Optional<FieldSource> fromPropertyValue(String value) {
    return Arrays.stream(values()).filter(s -> s.propertyValue.equals(value)).findFirst();
  }
}
