package org.madoguchi.visit;

/**
 * One question of the interview (聞き取り): only what no system knows. {@code askWhen} and
 * {@code defaultValue} are FEEL expressions over the {@code member} and {@code household} facts; the
 * default is what the data suggests, so staff confirm rather than ask.
 */
public record InterviewQuestion(
    String key,
    Scope scope,
    Type type,
    LocalizedText label,
    String askWhen,
    String defaultValue,
    boolean notAfterToday) {

  /** Whether the question is asked once for the household or once for each member. */
  public enum Scope { HOUSEHOLD, MEMBER }

  /** The kind of answer. {@code MEMBER} answers with a member id of the household. */
  public enum Type { BOOLEAN, DATE, MEMBER, TEXT }
}
