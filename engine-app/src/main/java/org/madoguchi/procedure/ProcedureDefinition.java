package org.madoguchi.procedure;

/**
 * A related procedure as its department's deployed process declares it: its key and name, the owning
 * department (code and name, from the department lane) and its case scope.
 */
public record ProcedureDefinition(
    String processKey,
    String name,
    String department,
    String departmentName,
    CaseScope caseScope) {
}
