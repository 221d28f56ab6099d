package org.madoguchi.modeler;

import java.time.Instant;

/**
 * A BPMN model an advisor is editing, saved but not deployed.
 *
 * @param processKey the id of the (first) process in the model: the deployed process it changes, or a new one
 * @param version starts at 1 and grows with every update; an update names the version it read
 */
public record ModelDraft(String id, String name, String processKey, String bpmnXml, String createdBy,
    Instant createdAt, String updatedBy, Instant updatedAt, int version) {

  /** The draft without its XML, for lists. */
  public Summary summary() {
    return new Summary(id, name, processKey, createdBy, createdAt, updatedBy, updatedAt, version);
  }

  public record Summary(String id, String name, String processKey, String createdBy, Instant createdAt,
      String updatedBy, Instant updatedAt, int version) {
  }
}
