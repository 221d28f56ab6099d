package org.madoguchi.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An application (申請書・届出書) with the values it shows, ready to render: what the municipality prefilled and
 * the interview answered, the members its list repeats for, and the visit's one signature.
 *
 * @param form the form it fills
 * @param values the values of the fields that do not repeat, by {@link FormField#key()}, as the form's data holds
 *     them: a date as {@code 2025-04-01}, a choice by its option's value, a checkbox as {@code true} or {@code false}
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

  /**
   * The values as form-js data, to open the form with: each value under its key's path, a repeated field's in the
   * rows of its member list ({@code members.name} is {@code name} in each row of {@code members}, one row per listed
   * member), a checkbox's value a boolean, every other value text.
   */
  public Map<String, Object> formData() {
    Map<String, Object> data = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      int lastDot = field.key().lastIndexOf('.');
      if (!field.repeated()) {
        String value = values.get(field.key());
        if (value != null) {
          put(data, field.key(), typed(field, value));
        }
      } else if (lastDot > 0) {
        // (A repeated field whose container has no path would have no rows in form-js data to go into.)
        List<Map<String, Object>> rows = rows(data, field.key().substring(0, lastDot));
        for (int i = 0; i < members.size(); i++) {
          String value = members.get(i).get(field.key());
          if (value != null) {
            rows.get(i).put(lastStep(field.key()), typed(field, value));
          }
        }
      }
    }
    return data;
  }

  /** The rows of the member list at {@code path}, one (empty at first) per listed member. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(Map<String, Object> data, String path) {
    return (List<Map<String, Object>>) holder(data, path).computeIfAbsent(lastStep(path), list -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      members.forEach(member -> rows.add(new LinkedHashMap<>()));
      return rows;
    });
  }

  private static void put(Map<String, Object> data, String path, Object value) {
    holder(data, path).put(lastStep(path), value);
  }

  /** The map that holds the last step of a dotted path (a group with a path nests its fields), made on the way. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> holder(Map<String, Object> data, String path) {
    Map<String, Object> holder = data;
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      holder = (Map<String, Object>) holder.computeIfAbsent(steps[i], step -> new LinkedHashMap<>());
    }
    return holder;
  }

  private static String lastStep(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static Object typed(FormField field, String value) {
    return "checkbox".equals(field.type()) ? Boolean.valueOf(value.strip()) : value;
  }
}
