package org.flowcrm.crm.demo;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.flowcrm.crm.deal.StageSemantic;

/** Who and what the demo company is made of: fixed lists, so every run seeds the same company. */
final class DemoCompany {

  private DemoCompany() {}

  /** A demo user: his login, name, single role and department. */
  record Person(String login, String displayName, String role, String department) {

    /** Managers and heads of department are responsible for customers, leads and deals. */
    boolean sells() {
      return role.equals("MANAGER") || role.equals("HEAD_OF_DEPARTMENT");
    }
  }

  static final List<Person> PEOPLE =
      List.of(
          new Person("director", "Diana Winter", "DIRECTOR", "Sales"),
          new Person("head1", "Nora Lindqvist", "HEAD_OF_DEPARTMENT", "Sales North"),
          new Person("head2", "Samuel Ortega", "HEAD_OF_DEPARTMENT", "Sales South"),
          new Person(DemoDataSeeder.FIRST_MANAGER, "Max Becker", "MANAGER", "Sales North"),
          new Person("manager2", "Lena Hoffmann", "MANAGER", "Sales North"),
          new Person("manager3", "Paolo Rossi", "MANAGER", "Sales South"),
          new Person("courier1", "Tom Kowalski", DemoDataSeeder.COURIERS, "Delivery"),
          new Person("courier2", "Ines Moreau", DemoDataSeeder.COURIERS, "Delivery"));

  record Section(String name, String parent) {}

  static final List<Section> SECTIONS =
      List.of(
          new Section("Hardware", null),
          new Section("Laptops", "Hardware"),
          new Section("Accessories", "Hardware"),
          new Section("Software", null),
          new Section("Services", null));

  record Item(String name, String sku, String section, String listPrice, String vat, String unit) {

    BigDecimal price() {
      return new BigDecimal(listPrice);
    }

    BigDecimal vatRate() {
      return new BigDecimal(vat);
    }
  }

  static final List<Item> PRODUCTS =
      List.of(
          new Item("Notebook Pro 14", "NB-PRO-14", "Laptops", "1490.00", "19", "pc"),
          new Item("Notebook Air 13", "NB-AIR-13", "Laptops", "990.00", "19", "pc"),
          new Item("Workstation 16", "WS-16", "Laptops", "2390.00", "19", "pc"),
          new Item("Docking station", "ACC-DOCK", "Accessories", "189.00", "19", "pc"),
          new Item("27\" monitor", "ACC-MON-27", "Accessories", "329.00", "19", "pc"),
          new Item("Wireless keyboard", "ACC-KBD", "Accessories", "59.90", "19", "pc"),
          new Item("Headset", "ACC-HS", "Accessories", "89.00", "19", "pc"),
          new Item("Office suite licence", "SW-OFFICE", "Software", "129.00", "19", "licence"),
          new Item("Antivirus, 1 year", "SW-AV-1Y", "Software", "39.00", "19", "licence"),
          new Item("Backup cloud, 1 TB", "SW-BACKUP", "Software", "99.00", "19", "year"),
          new Item("Installation on site", "SRV-INST", "Services", "85.00", "19", "hour"),
          new Item("Training day", "SRV-TRAIN", "Services", "650.00", "7", "day"),
          new Item("Support contract", "SRV-SUPPORT", "Services", "1200.00", "19", "year"),
          new Item("Data migration", "SRV-MIGRATE", "Services", "450.00", "0", "job"));

  record Customer(String name, String industry, String city) {}

  static final List<Customer> COMPANIES =
      List.of(
          new Customer("Nordlicht Logistik", "Logistics", "Hamburg"),
          new Customer("Bergmann Architekten", "Architecture", "Munich"),
          new Customer("Alpenblick Hotels", "Hospitality", "Garmisch"),
          new Customer("Hansa Steuerberatung", "Accounting", "Bremen"),
          new Customer("Rheinwerk Maschinenbau", "Manufacturing", "Cologne"),
          new Customer("Spreeufer Kliniken", "Healthcare", "Berlin"),
          new Customer("Elbtal Schulen", "Education", "Dresden"),
          new Customer("Mainfeld Versicherungen", "Insurance", "Frankfurt"),
          new Customer("Schwarzwald Holzbau", "Construction", "Freiburg"),
          new Customer("Ostsee Fischerei", "Food", "Rostock"),
          new Customer("Neckar Software", "IT", "Stuttgart"),
          new Customer("Weserbergland Energie", "Energy", "Hameln"),
          new Customer("Isar Kanzlei", "Legal", "Munich"),
          new Customer("Havelland Agrar", "Agriculture", "Potsdam"),
          new Customer("Saale Druckerei", "Printing", "Halle"),
          new Customer("Mosel Weinhandel", "Retail", "Trier"),
          new Customer("Harz Touristik", "Tourism", "Goslar"),
          new Customer("Ruhrpott Medien", "Media", "Essen"),
          new Customer("Bodensee Optik", "Retail", "Konstanz"),
          new Customer("Lausitz Bau", "Construction", "Cottbus"));

  /** Names of prospects that are leads only, not yet customers. */
  static final List<String> PROSPECTS =
      List.of(
          "Fichtelgebirge Reisen",
          "Kieler Werft",
          "Allgäu Käserei",
          "Eifel Solar",
          "Uckermark Pflege",
          "Pfalz Fahrradbau",
          "Vogtland Textil",
          "Altmark Apotheke",
          "Sauerland Sport",
          "Rhön Brauerei");

  static final List<String> FIRST_NAMES =
      List.of(
          "Anna", "Jonas", "Marie", "Felix", "Sophie", "Lukas", "Emma", "Paul", "Mia", "Ben",
          "Hannah", "Noah", "Lea", "Elias", "Clara", "Finn", "Laura", "David");

  static final List<String> LAST_NAMES =
      List.of(
          "Schmidt",
          "Weber",
          "Wagner",
          "Fischer",
          "Schulz",
          "Koch",
          "Richter",
          "Klein",
          "Wolf",
          "Neumann",
          "Schwarz",
          "Zimmermann",
          "Braun",
          "Krüger",
          "Hartmann",
          "Lange");

  static final List<String> POSITIONS =
      List.of("Managing director", "Office manager", "IT lead", "Purchasing", "Head of finance");

  /** The status of each seeded lead, in order: every status the default list has. */
  static final List<String> LEAD_STATUSES =
      concat(
          Collections.nCopies(10, "NEW"),
          Collections.nCopies(8, "IN_PROCESSING"),
          Collections.nCopies(6, "CONVERTED"),
          Collections.nCopies(4, "JUNK"));

  /** How many deals each stage of the default pipeline gets: 3 per open stage, 6 won, 5 lost. */
  static int dealsIn(StageSemantic semantic) {
    return switch (semantic) {
      case OPEN -> 3;
      case WON -> 6;
      case LOST -> 5;
    };
  }

  static final List<String> LOST_REASONS =
      List.of(
          "chose a cheaper competitor",
          "budget frozen until next year",
          "no answer after the offer",
          "delivery time too long",
          "decided to keep the old system");

  static final List<String> ACTIVITY_SUBJECTS =
      List.of(
          "Follow-up call on the offer",
          "Meeting: requirements workshop",
          "Sent the revised quote",
          "Call about delivery date",
          "Meeting: contract signing",
          "E-mail with training dates");

  static final List<String> TASK_TITLES =
      List.of(
          "Call back about the trial",
          "Prepare the offer",
          "Check the company's credit rating",
          "Send the contract draft",
          "Plan the installation date");

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return Arrays.stream(parts).flatMap(List::stream).toList();
  }
}
