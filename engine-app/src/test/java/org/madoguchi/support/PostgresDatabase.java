package org.madoguchi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the integration tests run against (127.0.0.1:5432, user postgres, trust auth, as
 * on the CI machine; override with MADOGUCHI_TEST_PG_URL / _USER / _PASSWORD). Each test class gets a
 * database of its own, created fresh.
 */
public final class PostgresDatabase {

  public static final String SERVER_URL = env("MADOGUCHI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = env("MADOGUCHI_TEST_PG_USER", "postgres");
  public static final String PASSWORD = env("MADOGUCHI_TEST_PG_PASSWORD", "");

  private PostgresDatabase() {
  }

  public static boolean isAvailable() {
    try (Connection ignored = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Drops and creates database {@code name}; returns its JDBC URL. */
  public static String fresh(String name) {
    try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
      return SERVER_URL + name;
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
  }

  /** Drops database {@code name}, closing whatever connections are still open to it. */
  public static void drop(String name) {
    try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
