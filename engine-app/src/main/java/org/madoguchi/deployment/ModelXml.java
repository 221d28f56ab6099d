package org.madoguchi.deployment;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;

/**
 * Reads model XML that people upload (a deployment bundle, an advisor's draft) safely: a DTD is refused before any
 * parser sees the text, so no external entity can be resolved, and the Camunda model API, which disallows DOCTYPE
 * itself as well, checks the BPMN 2.0 schema.
 */
public final class ModelXml {

  private ModelXml() {
  }

  /** Whether the text declares a DTD, through which an external entity could be read. */
  public static boolean declaresDtd(String text) {
    return text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
  }

  /** The BPMN model of {@code xml}; {@link UnreadableModelException} says in one line why it is not valid BPMN. */
  public static BpmnModelInstance readBpmn(byte[] xml) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (ModelException | IllegalArgumentException e) {
      throw new UnreadableModelException(firstLine(e), e);
    }
  }

  /** The innermost cause's message, first line only and at most 300 characters (the parser's, with its line). */
  static String firstLine(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? e.getClass().getSimpleName() : cause.getMessage();
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** XML that is not a valid BPMN 2.0 model; the message is the parser's reason, in one line. */
  public static class UnreadableModelException extends RuntimeException {

    UnreadableModelException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
