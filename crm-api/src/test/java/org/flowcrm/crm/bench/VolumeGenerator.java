package org.flowcrm.crm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flowcrm.mariadb.EmbeddedMariaDb;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code ./bench generate}: fills the benchmark database with the volume of realistic,
 * varied CRM data, set-based: every table is one {@code INSERT … SELECT} per chunk over MariaDB's
 * sequence engine ({@code seq_1_to_N}), so 100,000 deals take seconds, not the hours of saving them
 * one by one through JPA. Values are derived from the row number (names, phones, e-mails, stages,
 * amounts, dates), so two runs with the same options produce the same data.
 *
 * <p>The CRM's Flyway migrations are applied first; the schema is then exactly the application's.
 * {@code search_text} is built the way {@link org.flowcrm.crm.shared.FullText} builds it (names,
 * e-mails, the phone as written, its digits and every trailing run of at least four digits), so the
 * application's full-text search finds generated records like its own.
 *
 * <p>Every user's password is {@code --password} (default {@code bench}); the CRM's API user for
 * the REST benchmark, {@code api-bench}, is a director.
 */
public final class VolumeGenerator {

  static final String[] OPTIONS = {
    "contacts",
    "companies",
    "deals",
    "rows-per-deal",
    "activities",
    "leads",
    "tasks",
    "managers",
    "products",
    "password",
    "data-dir",
    "port",
    "fresh"
  };

  private static final int CHUNK = 25_000;

  private static final String FIRST_NAMES =
      list(
          "Anna",
          "Jan",
          "Maria",
          "Piotr",
          "Katarzyna",
          "Tomasz",
          "Agnieszka",
          "Marek",
          "Ewa",
          "Pawel",
          "Julia",
          "Lukas",
          "Sophie",
          "Max",
          "Emma",
          "Felix",
          "Laura",
          "Jonas",
          "Olivia",
          "Liam",
          "Noah",
          "Mia",
          "Elena",
          "Marco",
          "Giulia",
          "Luca",
          "Ines",
          "Hugo",
          "Claire",
          "Louis",
          "Sara",
          "David",
          "Nina",
          "Oskar",
          "Zofia",
          "Igor",
          "Hanna",
          "Adam",
          "Lena",
          "Eric");
  private static final String LAST_NAMES =
      list(
          "Kowalski",
          "Nowak",
          "Wisniewski",
          "Muller",
          "Schmidt",
          "Schneider",
          "Fischer",
          "Weber",
          "Meyer",
          "Wagner",
          "Becker",
          "Hoffmann",
          "Smith",
          "Johnson",
          "Brown",
          "Taylor",
          "Wilson",
          "Davies",
          "Evans",
          "Thomas",
          "Rossi",
          "Russo",
          "Ferrari",
          "Esposito",
          "Bianchi",
          "Martin",
          "Bernard",
          "Dubois",
          "Durand",
          "Lefebvre",
          "Garcia",
          "Lopez",
          "Martinez",
          "Sanchez",
          "Perez",
          "Novak",
          "Svoboda",
          "Dvorak",
          "Horvat",
          "Kovacs",
          "Nagy",
          "Jansen",
          "De Vries",
          "Bakker",
          "Visser",
          "Larsen",
          "Hansen",
          "Nielsen",
          "Berg",
          "Lindqvist");
  private static final String POSITIONS =
      list(
          "Buyer",
          "Purchasing manager",
          "CEO",
          "CFO",
          "Office manager",
          "IT manager",
          "Head of logistics",
          "Sales director",
          "Project manager",
          "Owner",
          "Assistant",
          "Procurement specialist");
  private static final String CITIES =
      list(
          "Warszawa",
          "Krakow",
          "Gdansk",
          "Poznan",
          "Wroclaw",
          "Berlin",
          "Hamburg",
          "Munchen",
          "Koln",
          "Wien",
          "Praha",
          "Brno",
          "Amsterdam",
          "Rotterdam",
          "London",
          "Manchester",
          "Paris",
          "Lyon",
          "Milano",
          "Madrid");
  private static final String COUNTRIES =
      list(
          "PL", "PL", "PL", "PL", "PL", "DE", "DE", "DE", "DE", "AT", "CZ", "CZ", "NL", "NL", "GB",
          "GB", "FR", "FR", "IT", "ES");
  private static final String COMPANY_FIRST =
      list(
          "Nordwind",
          "Baltic",
          "Silesia",
          "Alpen",
          "Rhein",
          "Vistula",
          "Carpathia",
          "Danube",
          "Polar",
          "Sunrise",
          "Granite",
          "Amber",
          "Oak",
          "Falcon",
          "Blue River",
          "Green Field",
          "Iron",
          "Crystal",
          "Summit",
          "Harbor",
          "Pioneer",
          "Atlas",
          "Orion",
          "Vector",
          "Delta",
          "Quantum",
          "Nova",
          "Prime",
          "Union",
          "Royal");
  private static final String COMPANY_SECOND =
      list(
          "Logistics",
          "Foods",
          "Steel",
          "Software",
          "Systems",
          "Trading",
          "Textiles",
          "Energy",
          "Builders",
          "Pharma",
          "Retail",
          "Motors",
          "Media",
          "Consulting",
          "Print",
          "Packaging",
          "Furniture",
          "Electronics",
          "Chemicals",
          "Agro",
          "Medical",
          "Transport",
          "Plastics",
          "Tools",
          "Glass");
  private static final String LEGAL = list("GmbH", "Sp. z o.o.", "Ltd", "S.A.", "AG", "B.V.");
  private static final String INDUSTRIES =
      list(
          "Manufacturing",
          "Retail",
          "IT",
          "Logistics",
          "Healthcare",
          "Construction",
          "Food",
          "Energy",
          "Finance",
          "Education");
  private static final String DOMAINS =
      list("example.com", "example.org", "example.net", "mail.example", "corp.example");
  private static final String DEAL_WORDS =
      list(
          "Annual supply",
          "Fleet renewal",
          "Office equipment",
          "Software licences",
          "Maintenance",
          "Pilot project",
          "Rollout",
          "Framework contract",
          "Spare parts",
          "Consulting package",
          "Upgrade",
          "Extension");
  private static final String LOST_REASONS =
      list(
          "price too high",
          "chose a competitor",
          "no budget this year",
          "project postponed",
          "no response",
          "requirements not met");
  private static final String ACTIVITY_SUBJECTS =
      list(
          "Intro call",
          "Follow-up",
          "Demo",
          "Price negotiation",
          "Contract review",
          "Quarterly review",
          "Onboarding",
          "Support question",
          "Site visit",
          "Offer sent");
  private static final String TASK_TITLES =
      list(
          "Prepare offer",
          "Call back",
          "Send contract",
          "Check payment",
          "Update price list",
          "Schedule demo",
          "Ask for feedback",
          "Plan delivery");

  private final Connection db;
  private final int contacts;
  private final int companies;
  private final int deals;
  private final int rowsPerDeal;
  private final int activities;
  private final int leads;
  private final int tasks;
  private final int managers;
  private final int products;
  private final String passwordHash;
  private final Map<String, Long> timings = new LinkedHashMap<>();

  private VolumeGenerator(Connection db, BenchOptions options) {
    this.db = db;
    this.contacts = Math.max(1, options.integer("contacts", 100_000));
    this.companies = Math.max(1, options.integer("companies", 20_000));
    this.deals = Math.max(1, options.integer("deals", 100_000));
    this.rowsPerDeal = options.integer("rows-per-deal", 3);
    this.activities = options.integer("activities", 500_000);
    this.leads = options.integer("leads", 20_000);
    this.tasks = options.integer("tasks", 20_000);
    this.managers = Math.max(1, options.integer("managers", 60));
    this.products = Math.max(1, options.integer("products", 500));
    this.passwordHash =
        PasswordEncoderFactories.createDelegatingPasswordEncoder()
            .encode(options.text("password", "bench"));
  }

  public static void main(String[] args) {
    int status = 1;
    try {
      generate(args);
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    }
    // The embedded server's process watcher is not a daemon thread: exit explicitly (the shutdown
    // hook stops the server, the data stays).
    System.exit(status);
  }

  private static void generate(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args, OPTIONS);
    long started = System.nanoTime();
    EmbeddedMariaDb server = BenchDatabase.start(options);
    try (Connection db =
        DriverManager.getConnection(
            server.jdbcUrl() + "?allowMultiQueries=true", server.username(), server.password())) {
      if ("true".equals(options.text("fresh", "false"))) {
        execute(db, "DROP DATABASE IF EXISTS " + BenchDatabase.DATABASE);
        execute(db, "CREATE DATABASE " + BenchDatabase.DATABASE);
        db.setCatalog(BenchDatabase.DATABASE);
      }
      Flyway.configure()
          .dataSource(server.jdbcUrl(), server.username(), server.password())
          .locations("classpath:db/migration")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      long existing =
          count(db, "SELECT COUNT(*) FROM crm_deal")
              + count(db, "SELECT COUNT(*) FROM crm_contact");
      if (existing > 0) {
        throw new IllegalStateException(
            "The benchmark database in "
                + server.dataDir()
                + " already holds CRM data ("
                + existing
                + " deals and contacts); pass --fresh true to start over, or another --data-dir");
      }
      VolumeGenerator generator = new VolumeGenerator(db, options);
      generator.generate();
      System.out.println();
      System.out.println("Generated in " + seconds(System.nanoTime() - started) + " s:");
      generator.timings.forEach(
          (step, nanos) -> System.out.printf("  %-32s %8.1f s%n", step, nanos / 1e9));
      for (String table :
          List.of(
              "crm_user",
              "crm_company",
              "crm_contact",
              "crm_lead",
              "crm_product",
              "crm_deal",
              "crm_deal_product_row",
              "crm_deal_stage_history",
              "crm_activity",
              "crm_activity_link",
              "crm_task")) {
        System.out.printf(
            "  %-32s %,10d rows%n", table, count(db, "SELECT COUNT(*) FROM " + table));
      }
      System.out.println();
      System.out.println(
          "JDBC URL (while ./bench db runs): " + server.jdbcUrl() + " user root, no password");
      System.out.println(
          "Sign in as admin, director, head1, manager1 … with password "
              + options.text("password", "bench"));
    }
  }

  private void generate() throws SQLException {
    // The data is re-creatable: the generator needs no fsync per commit (set back at the end).
    execute(db, "SET GLOBAL innodb_flush_log_at_trx_commit = 2");
    try {
      step("users, departments and roles", this::users);
      step("currencies and pipelines", this::currenciesAndPipelines);
      step("product catalog", this::catalog);
      step("companies", this::companies);
      step("contacts", this::contacts);
      step("leads", this::leads);
      step("deals", this::deals);
      step("deal product rows and amounts", this::productRows);
      step("stage history, contacts, reasons", this::dealDetails);
      step("activities", this::activities);
      step("tasks", this::tasks);
      step("statistics (ANALYZE TABLE)", this::analyze);
    } finally {
      for (String helper : List.of("bench_manager", "bench_stage", "bench_pipeline")) {
        execute(db, "DROP TABLE IF EXISTS " + helper);
      }
      execute(db, "SET GLOBAL innodb_flush_log_at_trx_commit = 1");
    }
  }

  private void users() throws SQLException {
    execute(
        db,
        "INSERT INTO crm_department (id, name, parent_id, created_at, updated_at) VALUES"
            + " (1001, 'Sales', NULL, NOW(6), NOW(6)),"
            + " (1002, 'Sales North', 1001, NOW(6), NOW(6)),"
            + " (1003, 'Sales South', 1001, NOW(6), NOW(6)),"
            + " (1004, 'Sales West', 1001, NOW(6), NOW(6)),"
            + " (1005, 'Key Accounts', 1001, NOW(6), NOW(6)),"
            + " (1006, 'Delivery', NULL, NOW(6), NOW(6))");
    List<String> rows = new ArrayList<>();
    rows.add(user("admin", "Administrator", 1001));
    rows.add(user("director", "Diana Director", 1001));
    rows.add(user("api-bench", "API integration (benchmarks)", 1001));
    for (int h = 1; h <= 4; h++) {
      rows.add(user("head" + h, "Head " + h, 1001 + h));
    }
    for (int m = 1; m <= managers; m++) {
      rows.add(user("manager" + m, "Manager " + m, 1002 + (m - 1) % 4));
    }
    execute(
        db,
        "INSERT INTO crm_user (login, display_name, email, password_hash, department_id, active,"
            + " version, created_at, updated_at) VALUES "
            + String.join(",", rows));
    execute(
        db,
        "INSERT INTO crm_user_role (user_id, role_id) SELECT u.id, r.id FROM crm_user u JOIN"
            + " crm_role r ON r.code = CASE WHEN u.login = 'admin' THEN 'ADMINISTRATOR' WHEN"
            + " u.login IN ('director', 'api-bench') THEN 'DIRECTOR' WHEN u.login LIKE 'head%'"
            + " THEN 'HEAD_OF_DEPARTMENT' ELSE 'MANAGER' END WHERE u.login <> 'system'");
    execute(
        db,
        "UPDATE crm_department d JOIN crm_user u ON u.login = CONCAT('head', d.id - 1001)"
            + " SET d.head_user_id = u.id");
    execute(
        db,
        "UPDATE crm_department d JOIN crm_user u ON u.login = 'director' SET d.head_user_id = u.id WHERE d.id = 1001");
    // Managers by index, so that rows pick their responsible as seq % managers.
    execute(
        db,
        "CREATE TABLE bench_manager (idx INT PRIMARY KEY, user_id BIGINT NOT NULL) AS SELECT"
            + " CAST(SUBSTRING(login, 8) AS UNSIGNED) - 1 AS idx, id AS user_id FROM crm_user WHERE"
            + " login LIKE 'manager%'");
  }

  private String user(String login, String name, long department) {
    return "('"
        + login
        + "', '"
        + name
        + "', '"
        + login
        + "@flowcrm.example', '"
        + passwordHash
        + "', "
        + department
        + ", TRUE, 0, NOW(6), NOW(6))";
  }

  private void currenciesAndPipelines() throws SQLException {
    execute(
        db,
        "INSERT IGNORE INTO crm_currency (code, name, base, rate, sort_order, updated_at) VALUES"
            + " ('USD', 'US dollar', FALSE, 0.92, 20, NOW(6)),"
            + " ('PLN', 'Polish zloty', FALSE, 0.23, 30, NOW(6)),"
            + " ('GBP', 'Pound sterling', FALSE, 1.17, 40, NOW(6))");
    execute(
        db,
        "INSERT INTO crm_pipeline (id, name, sort_order, is_default, created_at, updated_at) VALUES"
            + " (2, 'Partners', 20, FALSE, NOW(6), NOW(6)),"
            + " (3, 'Enterprise', 30, FALSE, NOW(6), NOW(6))");
    execute(
        db,
        "INSERT INTO crm_pipeline_stage (pipeline_id, code, name, semantic, probability,"
            + " sort_order) VALUES"
            + " (2, 'NEW', 'New', 'OPEN', 10, 0), (2, 'QUALIFIED', 'Qualified', 'OPEN', 30, 10),"
            + " (2, 'CONTRACT', 'Contract', 'OPEN', 70, 20), (2, 'WON', 'Won', 'WON', 100, 30),"
            + " (2, 'LOST', 'Lost', 'LOST', 0, 40),"
            + " (3, 'NEW', 'New', 'OPEN', 5, 0), (3, 'DISCOVERY', 'Discovery', 'OPEN', 15, 10),"
            + " (3, 'PROPOSAL', 'Proposal', 'OPEN', 35, 20), (3, 'TENDER', 'Tender', 'OPEN', 50, 30),"
            + " (3, 'NEGOTIATION', 'Negotiation', 'OPEN', 70, 40),"
            + " (3, 'WON', 'Won', 'WON', 100, 50), (3, 'LOST', 'Lost', 'LOST', 0, 60)");
    // Stages by index within their pipeline; deals pick stage (seq div 10) % stages.
    execute(
        db,
        "CREATE TABLE bench_stage (pipeline_id BIGINT, idx INT, stage_id BIGINT, name VARCHAR(100),"
            + " semantic VARCHAR(10), probability INT, PRIMARY KEY (pipeline_id, idx)) AS SELECT"
            + " pipeline_id, ROW_NUMBER() OVER (PARTITION BY pipeline_id ORDER BY sort_order) - 1"
            + " AS idx, id AS stage_id, name, semantic, probability FROM crm_pipeline_stage");
    // Seven deals in ten in the default pipeline, two in Partners, one in Enterprise.
    execute(
        db,
        "CREATE TABLE bench_pipeline (pidx INT PRIMARY KEY, pipeline_id BIGINT, stages INT) AS"
            + " SELECT s.seq AS pidx, CASE WHEN s.seq < 7 THEN 1 WHEN s.seq < 9 THEN 2 ELSE 3 END"
            + " AS pipeline_id, 0 AS stages FROM seq_0_to_9 s");
    execute(
        db,
        "UPDATE bench_pipeline p SET stages = (SELECT COUNT(*) FROM crm_pipeline_stage st WHERE"
            + " st.pipeline_id = p.pipeline_id)");
  }

  private void catalog() throws SQLException {
    execute(
        db,
        "INSERT INTO crm_product_section (id, name, parent_id, sort_order, created_at, updated_at)"
            + " VALUES (1001, 'Hardware', NULL, 10, NOW(6), NOW(6)),"
            + " (1002, 'Laptops', 1001, 10, NOW(6), NOW(6)),"
            + " (1003, 'Printers', 1001, 20, NOW(6), NOW(6)),"
            + " (1004, 'Software', NULL, 20, NOW(6), NOW(6)),"
            + " (1005, 'Licences', 1004, 10, NOW(6), NOW(6)),"
            + " (1006, 'Services', NULL, 30, NOW(6), NOW(6)),"
            + " (1007, 'Consulting', 1006, 10, NOW(6), NOW(6)),"
            + " (1008, 'Training', 1006, 20, NOW(6), NOW(6))");
    execute(
        db,
        "INSERT INTO crm_product (id, name, sku, description, active, price, currency, unit,"
            + " vat_rate, section_id, created_at, updated_at) SELECT s.seq, CONCAT("
            + elt("s.seq", list("Pro", "Basic", "Premium", "Compact", "Ultra", "Smart", "Eco"))
            + ", ' ', "
            + elt(
                "s.seq DIV 7",
                list(
                    "Laptop",
                    "Printer",
                    "Monitor",
                    "Licence",
                    "Support plan",
                    "Workshop",
                    "Router",
                    "Scanner",
                    "Cloud seat",
                    "Audit",
                    "Training day",
                    "Docking station"))
            + ", ' ', s.seq), CONCAT('SKU-', LPAD(s.seq, 6, '0')), 'Generated catalog item',"
            + " s.seq % 20 <> 0, ROUND(20 + (s.seq * 7919) % 5000 + (s.seq % 100) / 100, 2),"
            + " 'EUR', "
            + elt("s.seq", list("pcs", "pcs", "h", "licence", "day"))
            + ", "
            + elt("s.seq", list("23", "19", "20", "8", "0"))
            + ", 1002 + s.seq % 7, NOW(6), NOW(6) FROM seq_1_to_"
            + products
            + " s");
  }

  private void companies() throws SQLException {
    String digits = "CONCAT('4930', LPAD((x.seq * 7907) % 10000000, 7, '0'))";
    String phone = "CONCAT('+49 30 ', SUBSTRING(x.d, 5, 3), ' ', SUBSTRING(x.d, 8, 4))";
    chunks(
        companies,
        (lo, hi) ->
            "INSERT INTO crm_company (id, name, industry, employees, revenue, revenue_currency,"
                + " website, tax_number, responsible_id, search_text, created_at, updated_at)"
                + " SELECT x.seq, x.name, x.industry, x.employees, x.revenue, 'EUR', x.website,"
                + " x.tax, m.user_id, CONCAT_WS(' ', x.name, x.website, x.tax, x.email, "
                + phone
                + ", "
                + phoneParts("x.d", 11)
                + "), x.created, x.created FROM (SELECT s.seq, CONCAT("
                + elt("s.seq", COMPANY_FIRST)
                + ", ' ', "
                + elt("s.seq DIV 30", COMPANY_SECOND)
                + ", ' ', "
                + elt("s.seq DIV 750", LEGAL)
                + ") AS name, "
                + elt("s.seq", INDUSTRIES)
                + " AS industry, 5 + (s.seq * 37) % 2000 AS employees, 100000 + (s.seq * 7919) %"
                + " 50000000 AS revenue, CONCAT('www.c', s.seq, '.example') AS website,"
                + " CONCAT('TAX', LPAD(s.seq, 8, '0')) AS tax, CONCAT('office@c', s.seq,"
                + " '.example') AS email, "
                + digits.replace("x.seq", "s.seq")
                + " AS d, NOW(6) - INTERVAL ((s.seq * 7919) % 1000)"
                + " DAY AS created FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s) x JOIN bench_manager m ON m.idx = x.seq % "
                + managers);
    chunks(
        companies,
        (lo, hi) ->
            "INSERT INTO crm_company_phone (company_id, position, type, phone) SELECT x.seq, 0,"
                + " 'WORK', "
                + phone
                + " FROM (SELECT s.seq, "
                + digits.replace("x.seq", "s.seq")
                + " AS d FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s) x");
    chunks(
        companies,
        (lo, hi) ->
            "INSERT INTO crm_company_email (company_id, position, type, email) SELECT s.seq, 0,"
                + " 'WORK', CONCAT('office@c', s.seq, '.example') FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s");
    chunks(
        companies,
        (lo, hi) ->
            "INSERT INTO crm_company_address (company_id, position, type, street, city,"
                + " postal_code, country) SELECT s.seq, 0, 'LEGAL', CONCAT('Main street ', 1 +"
                + " s.seq % 200), "
                + elt("s.seq DIV 3", CITIES)
                + ", LPAD((s.seq * 31) % 99999, 5, '0'), "
                + elt("s.seq DIV 3", COUNTRIES)
                + " FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s");
  }

  private void contacts() throws SQLException {
    String derived =
        "(SELECT s.seq, "
            + elt("s.seq", FIRST_NAMES)
            + " AS fn, "
            + elt("s.seq DIV 40", LAST_NAMES)
            + " AS ln, "
            + elt("s.seq DIV 3", POSITIONS)
            + " AS pos, "
            + elt("s.seq DIV 7", CITIES)
            + " AS city, "
            + elt("s.seq DIV 7", COUNTRIES)
            + " AS country, CONCAT('48', LPAD(500000000 + (s.seq * 7919) % 400000000, 9, '0')) AS"
            + " d, "
            + elt("s.seq DIV 11", DOMAINS)
            + " AS domain, IF(s.seq % 10 < 7, 1 + (s.seq * 7) % "
            + companies
            + ", NULL) AS company_id, NOW(6) - INTERVAL ((s.seq * 7919) % 1000000) MINUTE AS"
            + " created FROM seq_LO_to_HI s) x";
    String email =
        "LOWER(CONCAT(REPLACE(x.fn, ' ', ''), '.', REPLACE(x.ln, ' ', ''), '.', x.seq, '@', x.domain))";
    String phone =
        "CONCAT('+48 ', SUBSTRING(x.d, 3, 3), ' ', SUBSTRING(x.d, 6, 3), ' ', SUBSTRING(x.d, 9, 3))";
    chunks(
        contacts,
        (lo, hi) ->
            "INSERT INTO crm_contact (id, first_name, last_name, position_title, city,"
                + " postal_code, country, responsible_id, search_text, created_at, updated_at)"
                + " SELECT x.seq, x.fn, x.ln, x.pos, x.city, LPAD((x.seq * 13) % 99999, 5, '0'),"
                + " x.country, m.user_id, CONCAT_WS(' ', x.fn, x.ln, x.pos, "
                + email
                + ", "
                + phone
                + ", "
                + phoneParts("x.d", 11)
                + ", c.name), x.created, x.created FROM "
                + range(derived, lo, hi)
                + " JOIN bench_manager m ON m.idx = x.seq % "
                + managers
                + " LEFT JOIN crm_company c ON c.id = x.company_id");
    chunks(
        contacts,
        (lo, hi) ->
            "INSERT INTO crm_contact_email (contact_id, position, type, email) SELECT x.seq, 0,"
                + " IF(x.seq % 4 = 0, 'HOME', 'WORK'), "
                + email
                + " FROM "
                + range(derived, lo, hi));
    chunks(
        contacts,
        (lo, hi) ->
            "INSERT INTO crm_contact_phone (contact_id, position, type, phone) SELECT x.seq, 0,"
                + " IF(x.seq % 3 = 0, 'WORK', 'MOBILE'), "
                + phone
                + " FROM "
                + range(derived, lo, hi));
    chunks(
        contacts,
        (lo, hi) ->
            "INSERT INTO crm_contact_company (contact_id, company_id) SELECT x.seq, x.company_id"
                + " FROM "
                + range(derived, lo, hi)
                + " WHERE x.company_id IS NOT NULL");
  }

  private void leads() throws SQLException {
    if (leads == 0) {
      return;
    }
    execute(
        db,
        "CREATE TEMPORARY TABLE bench_lead_status (idx INT PRIMARY KEY, status_id BIGINT) AS"
            + " SELECT ROW_NUMBER() OVER (ORDER BY sort_order) - 1 AS idx, id AS status_id FROM"
            + " crm_lead_status");
    long statuses = count(db, "SELECT COUNT(*) FROM bench_lead_status");
    String derived =
        "(SELECT s.seq, "
            + elt("s.seq DIV 2", FIRST_NAMES)
            + " AS fn, "
            + elt("s.seq DIV 80", LAST_NAMES)
            + " AS ln, CONCAT("
            + elt("s.seq DIV 3", COMPANY_FIRST)
            + ", ' ', "
            + elt("s.seq DIV 5", COMPANY_SECOND)
            + ") AS company, "
            + elt("s.seq", list("WEB_FORM", "EMAIL", "PHONE", "IMPORT", "API", "ONLINE_STORE"))
            + " AS source, NOW(6) - INTERVAL ((s.seq * 7919) % 500000) MINUTE AS created FROM"
            + " seq_LO_to_HI s) x";
    String email = "LOWER(CONCAT(x.fn, '.', REPLACE(x.ln, ' ', ''), '.l', x.seq, '@lead.example'))";
    String title = "CONCAT(" + elt("x.seq DIV 7", DEAL_WORDS) + ", ' - ', x.company)";
    chunks(
        leads,
        (lo, hi) ->
            "INSERT INTO crm_lead (id, title, first_name, last_name, company_name, city, country,"
                + " source, status_id, responsible_id, search_text, created_at, updated_at) SELECT"
                + " x.seq, "
                + title
                + ", x.fn, x.ln, x.company, "
                + elt("x.seq DIV 3", CITIES)
                + ", 'PL', x.source, st.status_id, m.user_id, CONCAT_WS(' ', "
                + title
                + ", x.fn, x.ln, x.company, "
                + email
                + "), x.created, x.created FROM "
                + range(derived, lo, hi)
                + " JOIN bench_manager m ON m.idx = x.seq % "
                + managers
                + " JOIN bench_lead_status st ON st.idx = IF(x.seq % 10 < 6, 0, x.seq % "
                + statuses
                + ")");
    chunks(
        leads,
        (lo, hi) ->
            "INSERT INTO crm_lead_email (lead_id, position, type, email) SELECT x.seq, 0, 'WORK', "
                + email
                + " FROM "
                + range(derived, lo, hi));
    execute(db, "DROP TEMPORARY TABLE bench_lead_status");
  }

  private void deals() throws SQLException {
    chunks(
        deals,
        (lo, hi) ->
            "INSERT INTO crm_deal (id, title, pipeline_id, stage_id, amount, currency, probability,"
                + " expected_close_date, type, responsible_id, visible_to_all, company_id, closed,"
                + " closed_at, version, created_at, updated_at) SELECT x.seq, CONCAT("
                + elt("x.seq DIV 3", DEAL_WORDS)
                + ", ' for ', c.name), p.pipeline_id, st.stage_id, 0, "
                + elt(
                    "x.seq DIV 13",
                    list("EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "USD", "PLN", "GBP"))
                + ", st.probability, DATE(x.created + INTERVAL (30 + x.seq % 90) DAY), "
                + elt(
                    "x.seq DIV 17",
                    list("SALE", "SALE", "GOODS", "SERVICES", "AFTER_SALES", "OTHER"))
                + ", m.user_id, x.seq % 5 <> 0, x.company_id, st.semantic <> 'OPEN',"
                + " IF(st.semantic <> 'OPEN', x.created + INTERVAL (1 + x.seq % 90) DAY, NULL),"
                + " 0, x.created, x.created FROM (SELECT s.seq, 1 + (s.seq * 17) % "
                + companies
                + " AS company_id, NOW(6) - INTERVAL ((s.seq * 7919) % 1051200) MINUTE AS created"
                + " FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s) x JOIN bench_pipeline p ON p.pidx = x.seq % 10 JOIN bench_stage st ON"
                + " st.pipeline_id = p.pipeline_id AND st.idx = (x.seq DIV 10) % p.stages JOIN"
                + " bench_manager m ON m.idx = (x.seq DIV 3) % "
                + managers
                + " JOIN crm_company c ON c.id = x.company_id");
    // A closed deal cannot have closed in the future.
    execute(db, "UPDATE crm_deal SET closed_at = updated_at WHERE closed_at > NOW(6)");
  }

  private void productRows() throws SQLException {
    if (rowsPerDeal == 0) {
      return;
    }
    chunks(
        deals,
        (lo, hi) ->
            "INSERT INTO crm_deal_product_row (deal_id, position, product_id, name, quantity,"
                + " price, discount_percent, tax_percent) SELECT d.id, r.seq, p.id, p.name, 1 +"
                + " (d.id + r.seq * 3) % 10, p.price, "
                + elt("d.id + r.seq", list("0", "0", "5", "10", "0", "15"))
                + ", COALESCE(p.vat_rate, 0) FROM crm_deal d JOIN seq_0_to_"
                + (rowsPerDeal - 1)
                + " r JOIN crm_product p ON p.id = 1 + (d.id * 31 + r.seq * 7) % "
                + products
                + " WHERE d.id BETWEEN "
                + lo
                + " AND "
                + hi);
    // The amount is what the rows add up to, as ProductRow.total() computes it.
    chunks(
        deals,
        (lo, hi) ->
            "UPDATE crm_deal d JOIN (SELECT deal_id, SUM(net + ROUND(net * tax_percent / 100, 2))"
                + " AS total FROM (SELECT deal_id, tax_percent, ROUND(quantity * price - quantity *"
                + " price * discount_percent / 100, 2) AS net FROM crm_deal_product_row WHERE"
                + " deal_id BETWEEN "
                + lo
                + " AND "
                + hi
                + ") n GROUP BY deal_id) t ON t.deal_id = d.id SET d.amount = t.total");
  }

  private void dealDetails() throws SQLException {
    chunks(
        deals,
        (lo, hi) ->
            "INSERT INTO crm_deal_contact (deal_id, contact_id) SELECT s.seq, 1 + (s.seq * 37) % "
                + contacts
                + " FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s");
    // Every deal entered its pipeline's first stage when it was created ...
    chunks(
        deals,
        (lo, hi) ->
            "INSERT INTO crm_deal_stage_history (deal_id, from_stage_id, from_stage_name,"
                + " to_stage_id, to_stage_name, changed_by, changed_at) SELECT d.id, NULL, NULL,"
                + " f.stage_id, f.name, d.responsible_id, d.created_at FROM crm_deal d JOIN"
                + " bench_stage f ON f.pipeline_id = d.pipeline_id AND f.idx = 0 WHERE d.id BETWEEN "
                + lo
                + " AND "
                + hi);
    // ... and those elsewhere now moved there later.
    chunks(
        deals,
        (lo, hi) ->
            "INSERT INTO crm_deal_stage_history (deal_id, from_stage_id, from_stage_name,"
                + " to_stage_id, to_stage_name, changed_by, changed_at) SELECT d.id, f.stage_id,"
                + " f.name, st.id, st.name, d.responsible_id, COALESCE(d.closed_at, d.created_at +"
                + " INTERVAL 1 DAY) FROM crm_deal d JOIN crm_pipeline_stage st ON st.id ="
                + " d.stage_id JOIN bench_stage f ON f.pipeline_id = d.pipeline_id AND f.idx = 0"
                + " WHERE st.id <> f.stage_id AND d.id BETWEEN "
                + lo
                + " AND "
                + hi);
    execute(
        db,
        "INSERT INTO crm_deal_comment (deal_id, author_id, text, created_at) SELECT d.id,"
            + " d.responsible_id, CONCAT('Lost: ', "
            + elt("d.id", LOST_REASONS)
            + "), d.closed_at FROM crm_deal d JOIN crm_pipeline_stage st ON st.id = d.stage_id"
            + " WHERE st.semantic = 'LOST'");
  }

  private void activities() throws SQLException {
    if (activities == 0) {
      return;
    }
    // Spread over two years back and a month ahead; the past ones are done.
    String starts = "NOW(6) + INTERVAL 30 DAY - INTERVAL ((s.seq * 7919) % 1094400) MINUTE";
    chunks(
        activities,
        (lo, hi) ->
            "INSERT INTO crm_activity (id, type, subject, description, starts_at, ends_at,"
                + " responsible_id, completed, completed_at, direction, call_result,"
                + " duration_seconds, location, created_at, updated_at) SELECT x.seq, x.type,"
                + " x.subject, IF(x.seq % 3 = 0, CONCAT('Notes on ', LOWER(x.subject)), NULL),"
                + " x.starts, x.starts + INTERVAL 30 MINUTE, m.user_id, x.starts < NOW(6),"
                + " IF(x.starts < NOW(6), x.starts + INTERVAL 30 MINUTE, NULL), IF(x.type = 'CALL',"
                + " IF(x.seq % 8 < 5, 'OUTBOUND', 'INBOUND'), NULL), IF(x.type = 'CALL' AND x.starts"
                + " < NOW(6), "
                + elt("x.seq DIV 4", list("Reached", "No answer", "Call back later", "Voicemail"))
                + ", NULL), IF(x.type = 'CALL', 30 + (x.seq * 7) % 900, NULL), IF(x.type ="
                + " 'MEETING', "
                + elt("x.seq DIV 4", CITIES)
                + ", NULL), x.starts - INTERVAL 1 DAY, x.starts - INTERVAL 1 DAY FROM (SELECT"
                + " s.seq, "
                + elt("s.seq", list("CALL", "MEETING", "EMAIL", "NOTE"))
                + " AS type, "
                + elt("s.seq DIV 4", ACTIVITY_SUBJECTS)
                + " AS subject, "
                + starts
                + " AS starts FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s) x JOIN bench_manager m ON m.idx = (x.seq DIV 7) % "
                + managers);
    // Six in ten on deals (one in ten on the first 1,000 deals, which get about 50 each: long
    // timelines), four in ten on contacts.
    chunks(
        activities,
        (lo, hi) ->
            "INSERT INTO crm_activity_link (activity_id, item_type, item_id) SELECT s.seq, IF(s.seq"
                + " % 10 < 6, 'DEAL', 'CONTACT'), CASE WHEN s.seq % 10 = 0 THEN 1 + (s.seq DIV 10) %"
                + " "
                + Math.min(1000, deals)
                + " WHEN s.seq % 10 < 6 THEN 1 + (s.seq * 13) % "
                + deals
                + " ELSE 1 + (s.seq * 11) % "
                + contacts
                + " END FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s");
  }

  private void tasks() throws SQLException {
    if (tasks == 0) {
      return;
    }
    chunks(
        tasks,
        (lo, hi) ->
            "INSERT INTO crm_task (id, title, description, status, responsible_id, created_by,"
                + " deadline, origin, completed_at, version, created_at, updated_at) SELECT s.seq,"
                + " CONCAT("
                + elt("s.seq", TASK_TITLES)
                + ", ' #', s.seq), NULL, "
                + elt(
                    "s.seq DIV 8",
                    list("OPEN", "OPEN", "OPEN", "IN_PROGRESS", "DONE", "DONE", "CANCELLED"))
                + ", m.user_id, m.user_id, NOW(6) + INTERVAL 14 DAY - INTERVAL ((s.seq * 7919) %"
                + " 60480) MINUTE, IF(s.seq % 5 = 0, 'BULK', 'MANUAL'), NULL, 0, NOW(6) - INTERVAL"
                + " 30 DAY, NOW(6) - INTERVAL 30 DAY FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s JOIN bench_manager m ON m.idx = (s.seq DIV 2) % "
                + managers);
    execute(db, "UPDATE crm_task SET completed_at = deadline WHERE status = 'DONE'");
    chunks(
        tasks,
        (lo, hi) ->
            "INSERT INTO crm_task_link (task_id, item_type, item_id) SELECT s.seq, 'DEAL', 1 +"
                + " (s.seq * 19) % "
                + deals
                + " FROM seq_"
                + lo
                + "_to_"
                + hi
                + " s");
  }

  private void analyze() throws SQLException {
    execute(
        db,
        "ANALYZE TABLE crm_user, crm_company, crm_contact, crm_contact_email, crm_contact_phone,"
            + " crm_contact_company, crm_lead, crm_deal, crm_deal_contact, crm_deal_product_row,"
            + " crm_deal_stage_history, crm_activity, crm_activity_link, crm_task, crm_task_link");
  }

  // --- helpers -------------------------------------------------------------------------------

  private interface Chunk {
    String sql(long lo, long hi);
  }

  private interface Step {
    void run() throws SQLException;
  }

  private void step(String name, Step step) throws SQLException {
    long started = System.nanoTime();
    System.out.print(name + " … ");
    System.out.flush();
    step.run();
    long took = System.nanoTime() - started;
    timings.put(name, took);
    System.out.println(seconds(took) + " s");
  }

  /** Runs one statement per {@link #CHUNK} rows, each its own transaction. */
  private void chunks(long total, Chunk chunk) throws SQLException {
    for (long lo = 1; lo <= total; lo += CHUNK) {
      execute(db, chunk.sql(lo, Math.min(total, lo + CHUNK - 1)));
    }
  }

  private static String range(String derivedTable, long lo, long hi) {
    return derivedTable.replace("seq_LO_to_HI", "seq_" + lo + "_to_" + hi);
  }

  /** The digits and every trailing run of at least four digits, as FullText.addPhone adds them. */
  private static String phoneParts(String digits, int length) {
    return digits
        + ", "
        + IntStream.rangeClosed(2, length - 3)
            .mapToObj(i -> "SUBSTRING(" + digits + ", " + i + ")")
            .collect(Collectors.joining(", "));
  }

  /** Picks one of the quoted values by {@code expression} modulo their number. */
  private static String elt(String expression, String quotedValues) {
    int n = quotedValues.split("', '").length;
    return "ELT(1 + (" + expression + ") % " + n + ", " + quotedValues + ")";
  }

  private static String list(String... values) {
    return java.util.Arrays.stream(values)
        .map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(", "));
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " in: " + abbreviate(sql), e.getSQLState(), e);
    }
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String abbreviate(String sql) {
    return sql.length() > 400 ? sql.substring(0, 400) + " …" : sql;
  }

  private static String seconds(long nanos) {
    return String.format("%.1f", nanos / 1e9);
  }
}
