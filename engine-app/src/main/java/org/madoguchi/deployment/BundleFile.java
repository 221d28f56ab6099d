package org.madoguchi.deployment;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One uploaded model: its file name and content. */
public record BundleFile(String name, byte[] content) {

  enum Kind { BPMN, DMN, FORM, UNKNOWN }

  Kind kind() {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn")) {
      return Kind.BPMN;
    }
    if (lower.endsWith(".dmn")) {
      return Kind.DMN;
    }
    if (lower.endsWith(".form")) {
      return Kind.FORM;
    }
    return Kind.UNKNOWN;
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
