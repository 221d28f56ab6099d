package org.madoguchi.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda Form (form-js JSON) read for what Madoguchi needs of it: its id, its title and its input fields with
 * their declared sources. The JSON itself stays the deployable resource; this is a read-only view of it.
 *
 * @param id the form's {@code id}, which a user task's {@code camunda:formRef} names
 * @param title the first heading of the form (its first text component starting with {@code #}), or the id
 * @param schemaVersion the form-js {@code schemaVersion}, or {@code null} when absent
 * @param fields every input component, in document order, containers flattened
 * @param repeatDeclarations every {@code properties.repeat} value a container declares, by container id; a
 *     dynamic list without one is listed with {@code null}
 */
public record FormDefinition(String id, String title, Integer schemaVersion, List<FormField> fields,
    Map<String, String> repeatDeclarations) {

  /** The {@code properties.repeat} value that makes a container's fields repeat once per listed member. */
  public static final String REPEAT_MEMBERS = "members";

  private static final ObjectMapper JSON = new ObjectMapper();

  public FormDefinition {
    fields = List.copyOf(fields);
    repeatDeclarations = Collections.unmodifiableMap(new LinkedHashMap<>(repeatDeclarations));
  }

  /** Reads a form from its JSON. */
  public static FormDefinition parse(String json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new FormDefinitionException("not a form-js JSON document: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a form from its JSON; the stream is not closed. */
  public static FormDefinition parse(InputStream json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (IOException e) {
      throw new FormDefinitionException("not a form-js JSON document: " + e.getMessage(), e);
    }
  }

  private static FormDefinition fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new FormDefinitionException("not a form-js JSON document: the top level is not an object");
    }
    String id = text(root, "id");
    if (id == null || id.isBlank()) {
      throw new FormDefinitionException("the form has no id");
    }
    JsonNode components = root.path("components");
    if (!components.isArray()) {
      throw new FormDefinitionException("form " + id + " has no components array");
    }
    Integer schemaVersion = root.path("schemaVersion").isInt() ? root.path("schemaVersion").intValue() : null;
    List<FormField> fields = new ArrayList<>();
    Map<String, String> repeats = new LinkedHashMap<>();
    collect(components, "", false, null, fields, repeats);
    return new FormDefinition(id, titleOf(components, id), schemaVersion, fields, repeats);
  }

  private static void collect(JsonNode components, String pathPrefix, boolean repeated, String section,
      List<FormField> fields, Map<String, String> repeats) {
    for (JsonNode component : components) {
      Map<String, String> properties = stringProperties(component.path("properties"));
      if (component.path("components").isArray()) {
        String repeat = properties.get("repeat");
        if (repeat != null || "dynamiclist".equals(text(component, "type"))) {
          repeats.put(containerName(component), repeat);
        }
        String path = text(component, "path");
        String prefix = path == null || path.isBlank() ? pathPrefix : pathPrefix + path + ".";
        String label = blankToNull(text(component, "label"));
        collect(component.path("components"), prefix, repeated || REPEAT_MEMBERS.equals(repeat),
            label != null ? label : section, fields, repeats);
      } else if (component.hasNonNull("key")) {
        fields.add(field(component, properties, pathPrefix, repeated, section));
      }
    }
  }

  private static FormField field(JsonNode component, Map<String, String> properties, String pathPrefix,
      boolean repeated, String section) {
    String label = text(component, "label");
    if (label == null) {
      label = text(component, "dateLabel");
    }
    FieldSource source = FieldSource.fromPropertyValue(properties.get("source")).orElse(null);
    return new FormField(pathPrefix + text(component, "key"), label, text(component, "type"), source,
        properties.get("prefill"), properties.get("interview"), blankToNull(properties.get("paperItem")), repeated,
        component.path("disabled").asBoolean(false), properties, section, options(component.path("values")));
  }

  private static Map<String, String> options(JsonNode values) {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode option : values) {
      String value = text(option, "value");
      if (value != null) {
        String label = text(option, "label");
        options.put(value, label != null ? label : value);
      }
    }
    return options;
  }

  private static String titleOf(JsonNode components, String fallback) {
    for (JsonNode component : components) {
      String text = text(component, "text");
      if ("text".equals(text(component, "type")) && text != null && text.startsWith("#")) {
        return text.lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
      }
    }
    return fallback;
  }

  private static String containerName(JsonNode component) {
    String id = text(component, "id");
    return id != null ? id : String.valueOf(text(component, "path"));
  }

  private static Map<String, String> stringProperties(JsonNode properties) {
    Map<String, String> values = new LinkedHashMap<>();
    properties.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode()) {
        values.put(e.getKey(), e.getValue().asText());
      }
    });
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Entries a resident writes on the paper form when it lists {@code members} members. */
  public int paperEntries(int members) {
    return fields.stream().filter(FormField::writtenOnPaper).mapToInt(f -> f.entries(members)).sum();
  }

  /** {@link #paperEntries(int)} by paper item (氏名, フリガナ, …), in the order the form first asks each. */
  public Map<String, Integer> paperEntriesByItem(int members) {
    Map<String, Integer> byItem = new LinkedHashMap<>();
    fields.stream().filter(FormField::writtenOnPaper)
        .forEach(f -> byItem.merge(f.paperItem(), f.entries(members), Integer::sum));
    return byItem;
  }

  /** Entries the resident writes in Madoguchi (source {@code resident}) when the form lists {@code members}. */
  public int residentWrittenFields(int members) {
    return fields.stream().filter(f -> f.source() == FieldSource.RESIDENT).mapToInt(f -> f.entries(members)).sum();
  }

  /** Signature fields of the form (source {@code signature}). */
  public int signatureFields() {
    return (int) fields.stream().filter(f -> f.source() == FieldSource.SIGNATURE).count();
  }
}
