package org.flowcrm.ui.record;

import org.flowcrm.crm.shared.Address;

/**
 * A postal address in a record form, part by part as typed ({@code address.city}, {@code
 * addresses[1].city}); {@code type} only for a company's typed addresses. Empty parts become {@code
 * null}, an address with no part at all is no address.
 */
public class AddressRow {

  private String type;
  private String street;
  private String city;
  private String region;
  private String postalCode;
  private String country;

  public AddressRow() {}

  public static AddressRow of(Address a) {
    AddressRow row = new AddressRow();
    if (a != null) {
      row.street = a.street();
      row.city = a.city();
      row.region = a.region();
      row.postalCode = a.postalCode();
      row.country = a.country();
    }
    return row;
  }

  public static AddressRow of(
      String type, String street, String city, String region, String postalCode, String country) {
    AddressRow row = new AddressRow();
    row.type = type;
    row.street = street;
    row.city = city;
    row.region = region;
    row.postalCode = postalCode;
    row.country = country;
    return row;
  }

  public boolean isBlank() {
    return blank(street) && blank(city) && blank(region) && blank(postalCode) && blank(country);
  }

  /** The address for the command, or {@code null} when nothing was typed. */
  public Address toAddress() {
    return isBlank()
        ? null
        : new Address(
            trim(street), trim(city), trim(region), trim(postalCode), upper(trim(country)));
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public static String trim(String s) {
    return blank(s) ? null : s.strip();
  }

  public static String upper(String s) {
    return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }
}
