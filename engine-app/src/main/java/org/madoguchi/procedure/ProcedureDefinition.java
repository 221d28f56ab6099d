package org.madoguchi.procedure;

/**
 * A related procedure as its department's deployed process declares it: its key and name, the owning
 * department (code and name, from the department lane), its case scope, and whom its application lists.
 *
 * @param listedMembers a FEEL condition on {@code member} choosing the household members the application's
 *     member list holds (the children a child-allowance claimant supports); null: the members concerned
 */
public record ProcedureDefinition(
    String processKey,
    String name,
    String department,
    String departmentName,
    CaseScope caseScope,
    String listedMembers) {

  /** The form of the procedure's application: {@code <process key>-application}. */
  public String applicationFormId() {
    return processKey + "-application";
  }
}
