package org.flowcrm.crm.webform;

/** The lead fields a form can fill ({@code MESSAGE} becomes the lead's first comment). */
public enum LeadField {
  FIRST_NAME("text", 100),
  LAST_NAME("text", 100),
  COMPANY_NAME("text", 255),
  POSITION("text", 150),
  EMAIL("email", 254),
  PHONE("tel", 40),
  STREET("text", 255),
  CITY("text", 120),
  POSTAL_CODE("text", 20),
  COUNTRY("text", 2),
  MESSAGE("textarea", 5000);

  private final String inputType;
  private final int maxLength;

  LeadField(String inputType, int maxLength) {
    this.inputType = inputType;
    this.maxLength = maxLength;
  }

  /** The HTML input type. */
  public String inputType() {
    return inputType;
  }

  public int maxLength() {
    return maxLength;
  }

  /** The name of the input in the public form, e.g. {@code first_name}. */
  public String param() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
