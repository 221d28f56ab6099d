package org.madoguchi.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips where PostgreSQL is missing, loudly; fails instead where the environment says it must be there. */
class PostgresAvailableCondition implements ExecutionCondition {

  private static final Boolean AVAILABLE = PostgresDatabase.isAvailable();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (AVAILABLE) {
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PostgresDatabase.SERVER_URL);
    }
    if (Boolean.parseBoolean(System.getenv("MADOGUCHI_REQUIRE_POSTGRES"))) {
      throw new IllegalStateException("PostgreSQL is required here (MADOGUCHI_REQUIRE_POSTGRES=true) but not "
          + "reachable at " + PostgresDatabase.SERVER_URL);
    }
    String reason = "SKIPPED: PostgreSQL is not reachable at " + PostgresDatabase.SERVER_URL
        + " (user " + PostgresDatabase.USER + "); the PostgreSQL tests of "
        + context.getDisplayName() + " did not run.";
    System.err.println("*** " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }
}
