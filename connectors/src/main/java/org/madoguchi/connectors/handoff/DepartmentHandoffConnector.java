package org.madoguchi.connectors.handoff;

/** Hands accepted applications over to the departments' systems (NHI, child allowance, seal registry, …). */
public interface DepartmentHandoffConnector {

  /** Delivers the case at most once per idempotency key; a repeat returns the first receipt. */
  HandoffReceipt handOver(Handoff handoff);
}
