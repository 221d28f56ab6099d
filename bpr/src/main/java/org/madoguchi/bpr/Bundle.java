package org.madoguchi.bpr;

import java.util.ArrayList;
import java.util.List;

/**
 * A life event's bundle: the visit process a resident comes to the counter for, and the procedure processes it
 * spawns (a move-in spawns NHI enrollment, child allowance, …). The BPR tool measures and simulates a bundle as what
 * one resident goes through.
 *
 * @param name what the bundle is called in results
 * @param visit the visit process
 * @param procedures the procedures the visit spawns, in the order the resident goes through them
 */
public record Bundle(String name, ProcessGraph visit, List<ProcessGraph> procedures) {

  public Bundle {
    procedures = List.copyOf(procedures);
  }

  /** The visit, then the procedures. */
  public List<ProcessGraph> processes() {
    List<ProcessGraph> processes = new ArrayList<>();
    processes.add(visit);
    processes.addAll(procedures);
    return processes;
  }
}
