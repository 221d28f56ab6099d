package org.madoguchi.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.multipart.MultipartFile;

/** One uploaded model: its file name and content. */
public record BundleFile(String name, byte[] content) {

  enum Kind { BPMN, DMN, FORM, UNKNOWN }

  /** The uploaded file under the name the browser or client gave it. */
  public static BundleFile of(MultipartFile upload) {
    try {
      return new BundleFile(upload.getOriginalFilename(), upload.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
