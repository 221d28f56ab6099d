package org.madoguchi.bpr.lint;

/**
 * One finding of a lint rule on one element.
 *
 * @param rule the rule's name, as bpmnlint names it ({@code label-required})
 * @param severity whether it blocks a deployment ({@link Severity#ERROR}) or is only reported
 * @param elementId the id of the element it is about
 * @param message what is wrong, in Japanese, for the administrator or advisor who fixes the model
 */
public record LintIssue(String rule, Severity severity, String elementId, String message) {

  /** bpmnlint's categories {@code error} and {@code warn}. */
  public enum Severity {
    ERROR, WARNING;

    /** The category as bpmnlint writes it. */
    public String bpmnlintCategory() {
      return this == ERROR ? "error" : "warn";
    }
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
