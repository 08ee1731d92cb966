package org.flowcrm.crm.dealcard;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.flowcrm.crm.shared.BadParameterException;

/** What a deal card may include besides the deal itself ({@code include=contacts,company,…}). */
public enum CardPart {
  CONTACTS,
  COMPANY,
  ACTIVITIES;

  /**
   * Parses a comma-separated list, case-insensitive; missing or blank means every part. An unknown
   * name is a 400 naming the parameter and the names it takes.
   */
  public static Set<CardPart> parse(String include) {
    if (include == null || include.isBlank()) {
      return EnumSet.allOf(CardPart.class);
    }
    Set<CardPart> parts = EnumSet.noneOf(CardPart.class);
    for (String name : include.split(",")) {
      String part = name.strip();
      if (part.isEmpty()) {
        continue;
      }
      try {
        parts.add(CardPart.valueOf(part.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadParameterException(
            "include", "'" + part + "' is not one of contacts, company, activities");
      }
    }
    return parts;
  }
}
