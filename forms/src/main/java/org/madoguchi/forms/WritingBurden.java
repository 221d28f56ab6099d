package org.madoguchi.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a visit makes the resident write (書かない, the first promise): on paper, every entry the paper forms
 * ask for; in Madoguchi, only the fields whose source is the resident, and one signature for the whole visit.
 * Serialized as is, it is the burden call's body: {@code {"paper": {"total", "byItem", "byForm"}, "madoguchi":
 * {"written", "signatures"}}}.
 *
 * @param paper the entries a resident writes on the paper forms
 * @param madoguchi what the resident writes at Madoguchi's counter
 */
public record WritingBurden(Paper paper, Madoguchi madoguchi) {

  /**
   * Entries on paper: every field with a paper item, once per member where the form repeats it.
   *
   * @param total every entry
   * @param byItem entries by paper item (氏名, フリガナ, …), most written first
   * @param byForm entries by form id, in the order the applications were given
   */
  public record Paper(int total, Map<String, Integer> byItem, Map<String, Integer> byForm) {

    public Paper {
      byItem = Collections.unmodifiableMap(new LinkedHashMap<>(byItem));
      byForm = Collections.unmodifiableMap(new LinkedHashMap<>(byForm));
    }
  }

  /**
   * What the resident writes at Madoguchi.
   *
   * @param written entries of fields whose source is {@code resident}
   * @param signatures signatures: one per visit, covering every application of it
   */
  public record Madoguchi(int written, int signatures) {
  }

  /** The burden of a visit filing {@code applications}, with forms from {@code catalog}. */
  public static WritingBurden of(FormCatalog catalog, List<Application> applications) {
    Map<String, Integer> byItem = new LinkedHashMap<>();
    Map<String, Integer> byForm = new LinkedHashMap<>();
    int written = 0;
    for (Application application : applications) {
      FormDefinition form = catalog.get(application.formId());
      form.paperEntriesByItem(application.members()).forEach((item, n) -> byItem.merge(item, n, Integer::sum));
      byForm.merge(form.id(), form.paperEntries(application.members()), Integer::sum);
      written += form.residentWrittenFields(application.members());
    }
    int total = byForm.values().stream().mapToInt(Integer::intValue).sum();
    int signatures = applications.isEmpty() ? 0 : 1;
    return new WritingBurden(new Paper(total, mostWrittenFirst(byItem), byForm), new Madoguchi(written, signatures));
  }

  private static Map<String, Integer> mostWrittenFirst(Map<String, Integer> byItem) {
    // A stable sort keeps items with the same count in the order the forms first ask them.
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(byItem.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
    Map<String, Integer> sorted = new LinkedHashMap<>();
    entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
