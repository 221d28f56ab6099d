package org.madoguchi.connectors.registry;

/** The registry refused or could not complete a request. Its message never carries personal data. */
public class RegistryException extends RuntimeException {

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
