package org.madoguchi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where the PostgreSQL server is reachable; elsewhere it is skipped, and says so
 * on the console, so a machine without PostgreSQL never passes these tests silently.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailableCondition.class)
public @interface EnabledIfPostgresAvailable {
}
