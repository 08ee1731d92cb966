package org.flowcrm.crm.shared;

/**
 * A query parameter that cannot be used as given, e.g. an unknown sort key or a bad cursor (400).
 */
public class BadParameterException extends RuntimeException {

  private final String parameter;

  public BadParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
