package org.madoguchi.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An application (申請書・届出書) with the values it shows, ready to render: what the municipality prefilled and
 * the interview answered, the members its list repeats for, and the visit's one signature.
 *
 * @param form the form it fills
 * @param values the values of the fields that do not repeat, by {@link FormField#key()}
 * @param members one map per listed member, values of the repeated fields by {@link FormField#key()}
 * @param signaturePng the resident's signature for the whole visit (PNG), or {@code null} before signing
 * @param signedOn the day the resident signed, or {@code null} before signing
 * @param municipalityName the municipality the application is addressed to
 */
public record FilledApplication(
    FormDefinition form,
    Map<String, String> values,
    List<Map<String, String>> members,
    byte[] signaturePng,
    LocalDate signedOn,
    String municipalityName) {

  public FilledApplication {
    Objects.requireNonNull(form, "form");
    values = Map.copyOf(values);
    members = members.stream().map(Map::copyOf).toList();
  }
}
