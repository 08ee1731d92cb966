package org.flowcrm.crm.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.CallDirection;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.PipelineView.StageView;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.lead.ConversionCommand;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.RoleCommand;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.user.DepartmentCommand;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a small sales company when {@code flowcrm.demo-data=true} and the CRM holds no leads and no
 * deals yet, so a restart or a real company's database is never touched.
 *
 * <p>Everything goes through the public services, so the data is exactly what users would have
 * created. Settings (users, departments, the couriers' role) are administrator-only by design and
 * the system user deliberately is not one, so that part runs as the first administrator (the one
 * {@code AdministratorBootstrap} created); the CRM records run as {@link SystemUser}. The seeded
 * leads have the source {@link LeadSource#IMPORT}, which the lead-process starter skips, so the
 * demo starts no "Qualify lead" processes; deals are moved with the process-free stage move.
 *
 * <p>All choices come from a {@link Random} with a fixed seed, so every run yields the same company
 * (dates are relative to the day of the run so the demo looks current).
 */
@Component
@ConditionalOnProperty(name = "flowcrm.demo-data", havingValue = "true")
public class DemoDataSeeder {

  private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

  /** Issue 6 asked for the switch; the seed only has to be fixed. */
  private static final long SEED = 6L;

  static final String COURIERS = "COURIERS";
  static final String FIRST_MANAGER = "manager1";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final SystemUser systemUser;
  private final UserDetailsService signIn;
  private final PasswordEncoder passwordEncoder;
  private final UserService users;
  private final DepartmentService departments;
  private final RoleService roles;
  private final ProductService products;
  private final CompanyService companies;
  private final ContactService contacts;
  private final LeadService leads;
  private final PipelineService pipelines;
  private final DealService deals;
  private final ActivityService activities;
  private final TaskService tasks;
  private final String password;

  DemoDataSeeder(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      SystemUser systemUser,
      UserDetailsService signIn,
      PasswordEncoder passwordEncoder,
      UserService users,
      DepartmentService departments,
      RoleService roles,
      ProductService products,
      CompanyService companies,
      ContactService contacts,
      LeadService leads,
      PipelineService pipelines,
      DealService deals,
      ActivityService activities,
      TaskService tasks,
      @Value("${flowcrm.demo-data.password:demo}") String password) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.systemUser = systemUser;
    this.signIn = signIn;
    this.passwordEncoder = passwordEncoder;
    this.users = users;
    this.departments = departments;
    this.roles = roles;
    this.products = products;
    this.companies = companies;
    this.contacts = contacts;
    this.leads = leads;
    this.pipelines = pipelines;
    this.deals = deals;
    this.activities = activities;
    this.tasks = tasks;
    this.password = password;
  }

  /** After start-up, so the administrator exists (it is created by an application runner). */
  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    seed();
  }

  /**
   * Seeds the demo company unless the CRM already holds leads or deals, a demo login is taken, or
   * no administrator exists; returns what was created ({@code NOTHING} when skipped). One
   * transaction: a failure leaves nothing behind, so the next start tries again.
   */
  public DemoSummary seed() {
    String skipped = reasonToSkip();
    if (skipped != null) {
      log.info("Demo data not seeded: {}", skipped);
      return DemoSummary.NOTHING;
    }
    DemoSummary summary = transaction.execute(status -> new Run().all());
    log.info(
        "Demo data: {} users, {} departments, {} products, {} companies, {} contacts, {} leads,"
            + " {} deals, {} activities, {} tasks; sign in as {} / {}",
        summary.users(),
        summary.departments(),
        summary.products(),
        summary.companies(),
        summary.contacts(),
        summary.leads(),
        summary.deals(),
        summary.activities(),
        summary.tasks(),
        FIRST_MANAGER,
        password);
    return summary;
  }

  private String reasonToSkip() {
    long records =
        jdbc.sql("SELECT (SELECT COUNT(*) FROM crm_lead) + (SELECT COUNT(*) FROM crm_deal)")
            .query(Long.class)
            .single();
    if (records > 0) {
      return "the CRM already holds leads or deals";
    }
    List<String> logins = DemoCompany.PEOPLE.stream().map(DemoCompany.Person::login).toList();
    List<String> taken =
        jdbc.sql("SELECT login FROM crm_user WHERE login IN (:logins) ORDER BY login")
            .param("logins", logins)
            .query(String.class)
            .list();
    if (!taken.isEmpty()) {
      return "the logins " + taken + " already exist";
    }
    if (administratorLogin() == null) {
      return "no administrator who can create the demo users";
    }
    return null;
  }

  private String administratorLogin() {
    return jdbc.sql(
            "SELECT u.login FROM crm_user u JOIN crm_user_role ur ON ur.user_id = u.id"
                + " JOIN crm_role r ON r.id = ur.role_id WHERE r.code = 'ADMINISTRATOR'"
                + " AND u.active AND u.password_hash IS NOT NULL ORDER BY u.id LIMIT 1")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Runs settings changes as the administrator, restoring the thread's context afterwards. */
  private <T> T runAsAdministrator(Supplier<T> work) {
    UserDetails administrator = signIn.loadUserByUsername(administratorLogin());
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            administrator, null, administrator.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** One seeding run: its random source and what it created so far. */
  private final class Run {

    private final Random random = new Random(SEED);
    private final Instant today =
        LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    private final List<Long> salesPeople = new ArrayList<>();
    private final List<ProductView> catalog = new ArrayList<>();
    private final List<Long> companyIds = new ArrayList<>();
    private final List<Long> contactIds = new ArrayList<>();
    private final List<Long> dealIds = new ArrayList<>();
    private final List<Long> leadIds = new ArrayList<>();
    private int departmentCount;
    private int contactCount;
    private int activityCount;
    private int taskCount;

    DemoSummary all() {
      int userCount = runAsAdministrator(this::organisation);
      systemUser.runAs(this::catalog);
      systemUser.runAs(this::customers);
      systemUser.runAs(this::leads);
      systemUser.runAs(this::deals);
      systemUser.runAs(this::activitiesAndTasks);
      return new DemoSummary(
          userCount,
          departmentCount,
          catalog.size(),
          companyIds.size(),
          contactCount,
          leadIds.size(),
          dealIds.size(),
          activityCount,
          taskCount);
    }

    /** Users with roles and passwords, departments with heads, the couriers' custom role. */
    private int organisation() {
      // Only leads and deals stop the seeding, so an administrator may have made this role: keep
      // his.
      if (roles.list().stream().noneMatch(role -> role.code().equals(COURIERS))) {
        roles.create(new RoleCommand(COURIERS, "Couriers"));
        // A courier sees and updates the deals he delivers, nothing else.
        roles.updateMatrix(
            COURIERS,
            List.of(
                new Permission(EntityType.DEAL, Action.READ, Scope.OWN),
                new Permission(EntityType.DEAL, Action.UPDATE, Scope.OWN),
                new Permission(EntityType.CONTACT, Action.READ, Scope.OWN),
                new Permission(EntityType.COMPANY, Action.READ, Scope.OWN)));
      }
      // The demo password is deliberately short ("demo"), below what PasswordService accepts
      // from people; it is stored hashed like any other and only exists on an explicit switch.
      String hash = passwordEncoder.encode(password);
      Map<String, Long> ids = new LinkedHashMap<>();
      for (DemoCompany.Person person : DemoCompany.PEOPLE) {
        long id =
            users
                .create(
                    new UserCommand(
                        person.login(),
                        person.displayName(),
                        person.login() + "@demo.flowcrm.example",
                        true))
                .id();
        roles.assignRoles(id, List.of(person.role()));
        jdbc.sql("UPDATE crm_user SET password_hash = :hash WHERE id = :id")
            .param("hash", hash)
            .param("id", id)
            .update();
        ids.put(person.login(), id);
      }
      long sales =
          departments.create(new DepartmentCommand("Sales", null, ids.get("director"))).id();
      long north =
          departments.create(new DepartmentCommand("Sales North", sales, ids.get("head1"))).id();
      long south =
          departments.create(new DepartmentCommand("Sales South", sales, ids.get("head2"))).id();
      long delivery = departments.create(new DepartmentCommand("Delivery", null, null)).id();
      departmentCount = 4;
      for (DemoCompany.Person person : DemoCompany.PEOPLE) {
        long department =
            switch (person.department()) {
              case "Sales" -> sales;
              case "Sales North" -> north;
              case "Sales South" -> south;
              default -> delivery;
            };
        departments.moveUser(ids.get(person.login()), department);
        if (person.sells()) {
          salesPeople.add(ids.get(person.login()));
        }
      }
      return ids.size();
    }

    private void catalog() {
      Map<String, Long> sections = new HashMap<>();
      for (DemoCompany.Section section : DemoCompany.SECTIONS) {
        Long parent = section.parent() == null ? null : sections.get(section.parent());
        sections.put(
            section.name(),
            products.createSection(new SectionCommand(section.name(), parent, null)).id());
      }
      for (DemoCompany.Item item : DemoCompany.PRODUCTS) {
        catalog.add(
            products.create(
                new ProductCommand(
                    item.name(),
                    item.sku(),
                    null,
                    true,
                    item.price(),
                    null,
                    item.unit(),
                    item.vatRate(),
                    sections.get(item.section()))));
      }
    }

    private void customers() {
      for (int i = 0; i < DemoCompany.COMPANIES.size(); i++) {
        DemoCompany.Customer customer = DemoCompany.COMPANIES.get(i);
        long responsible = salesPeople.get(i % salesPeople.size());
        String domain = customer.name().toLowerCase().replaceAll("[^a-z]+", "") + ".example";
        long companyId =
            companies
                .create(
                    new CompanyCommand(
                        customer.name(),
                        customer.industry(),
                        10 + random.nextInt(490),
                        BigDecimal.valueOf(200_000L + random.nextInt(9_800) * 1_000L),
                        null,
                        "https://www." + domain,
                        null,
                        null,
                        null,
                        List.of(new Phone(PhoneType.WORK, phone())),
                        List.of(new Email(EmailType.WORK, "office@" + domain)),
                        responsible,
                        null))
                .id();
        companyIds.add(companyId);
        contactIds.add(
            contacts
                .create(
                    new ContactCommand(
                        DemoCompany.FIRST_NAMES.get(i % DemoCompany.FIRST_NAMES.size()),
                        DemoCompany.LAST_NAMES.get(i % DemoCompany.LAST_NAMES.size()),
                        DemoCompany.POSITIONS.get(i % DemoCompany.POSITIONS.size()),
                        null,
                        new Address(null, customer.city(), null, null, "DE"),
                        List.of(new Phone(PhoneType.MOBILE, phone())),
                        List.of(
                            new Email(
                                EmailType.WORK,
                                DemoCompany.FIRST_NAMES
                                        .get(i % DemoCompany.FIRST_NAMES.size())
                                        .toLowerCase()
                                    + "@"
                                    + domain)),
                        List.of(companyId),
                        responsible,
                        null))
                .id());
        contactCount++;
      }
    }

    /** Leads in every status; converted ones become contacts through the real conversion. */
    private void leads() {
      for (int i = 0; i < DemoCompany.LEAD_STATUSES.size(); i++) {
        String status = DemoCompany.LEAD_STATUSES.get(i);
        String first = DemoCompany.FIRST_NAMES.get((i + 7) % DemoCompany.FIRST_NAMES.size());
        String last = DemoCompany.LAST_NAMES.get((i + 3) % DemoCompany.LAST_NAMES.size());
        String prospect = DemoCompany.PROSPECTS.get(i % DemoCompany.PROSPECTS.size());
        ProductView wanted = catalog.get(random.nextInt(catalog.size()));
        long id =
            leads
                .create(
                    new LeadCommand(
                        wanted.name() + " for " + prospect,
                        first,
                        last,
                        prospect,
                        DemoCompany.POSITIONS.get(i % DemoCompany.POSITIONS.size()),
                        null,
                        // IMPORT: the lead-process starter skips these (no processes, no tasks)
                        LeadSource.IMPORT,
                        "CONVERTED".equals(status) || "JUNK".equals(status) ? null : status,
                        salesPeople.get(i % salesPeople.size()),
                        List.of(new Phone(PhoneType.WORK, phone())),
                        List.of(
                            new Email(
                                EmailType.WORK,
                                (first + "." + last).toLowerCase()
                                    + ".lead"
                                    + i
                                    + "@mail.example")),
                        List.of(row(wanted, 1 + random.nextInt(5)))))
                .id();
        if ("JUNK".equals(status)) {
          leads.changeStatus(id, "JUNK", null);
        } else if ("CONVERTED".equals(status)) {
          leads.convert(
              id, new ConversionCommand(true, false, false, null, null, null, null), null);
          contactCount++;
        }
        leadIds.add(id);
      }
    }

    /** Deals over every stage of the default pipeline, walked there stage by stage. */
    private void deals() {
      PipelineView pipeline = pipelines.defaultPipeline();
      List<StageView> open =
          pipeline.stages().stream().filter(s -> s.semantic() == StageSemantic.OPEN).toList();
      int number = 0;
      for (StageView target : pipeline.stages()) {
        int count = DemoCompany.dealsIn(target.semantic());
        for (int k = 0; k < count; k++, number++) {
          int customer = (number * 7) % companyIds.size();
          List<ProductRow> rows = new ArrayList<>();
          int lines = 1 + random.nextInt(3);
          for (int line = 0; line < lines; line++) {
            ProductView product = catalog.get(random.nextInt(catalog.size()));
            rows.add(row(product, 1 + random.nextInt(10)));
          }
          // seeded like an import: a demo deal at "Won" must not start deal execution
          long id =
              deals
                  .createImported(
                      new DealCommand(
                          DemoCompany.COMPANIES.get(customer).name() + ": " + rows.get(0).name(),
                          pipeline.id(),
                          null,
                          null,
                          null,
                          null,
                          LocalDate.now(ZoneOffset.UTC).plusDays(7 + random.nextInt(60)),
                          number % 4 == 0 ? DealType.SERVICES : DealType.SALE,
                          salesPeople.get(number % salesPeople.size()),
                          number % 10 == 0,
                          companyIds.get(customer),
                          List.of(contactIds.get(customer)),
                          rows))
                  .id();
          // Through the stages in order, so each deal has a believable stage history; lost deals
          // drop out somewhere along the way.
          int reached =
              switch (target.semantic()) {
                case OPEN -> open.indexOf(target);
                case WON -> open.size() - 1;
                case LOST -> random.nextInt(open.size());
              };
          for (int s = 1; s <= reached; s++) {
            deals.moveToStage(id, open.get(s).code());
          }
          if (target.semantic() != StageSemantic.OPEN) {
            deals.moveToStage(id, target.code());
          }
          if (target.semantic() == StageSemantic.LOST) {
            // The deal has no lost-reason field; the reason goes on its timeline as a comment.
            deals.addComment(
                id,
                "Lost: " + DemoCompany.LOST_REASONS.get(number % DemoCompany.LOST_REASONS.size()));
          }
          dealIds.add(id);
        }
      }
    }

    private void activitiesAndTasks() {
      for (int i = 0; i < 6; i++) {
        long deal = dealIds.get((i * 5) % dealIds.size());
        ActivityType type =
            List.of(ActivityType.CALL, ActivityType.MEETING, ActivityType.EMAIL).get(i % 3);
        Instant starts = today.plus(9 + i, ChronoUnit.HOURS).plus(i - 2, ChronoUnit.DAYS);
        activities.create(
            new ActivityCommand(
                type,
                DemoCompany.ACTIVITY_SUBJECTS.get(i),
                null,
                starts,
                starts.plus(30, ChronoUnit.MINUTES),
                salesPeople.get(i % salesPeople.size()),
                null,
                type == ActivityType.CALL ? CallDirection.OUTBOUND : null,
                type == ActivityType.CALL ? "Reached" : null,
                type == ActivityType.CALL ? 540 : null,
                type == ActivityType.MEETING ? "Customer's office" : null,
                List.of(new ItemLink(ItemType.DEAL, deal))));
        activityCount++;
      }
      for (int i = 0; i < 5; i++) {
        boolean onLead = i % 2 == 0;
        long item = onLead ? leadIds.get(i) : dealIds.get(i * 3);
        tasks.create(
            new TaskCommand(
                DemoCompany.TASK_TITLES.get(i),
                null,
                salesPeople.get(i % salesPeople.size()),
                today.plus(i + 1, ChronoUnit.DAYS).plus(17, ChronoUnit.HOURS),
                List.of(),
                List.of(new ItemLink(onLead ? ItemType.LEAD : ItemType.DEAL, item))));
        taskCount++;
      }
    }

    private ProductRow row(ProductView product, int quantity) {
      return new ProductRow(
          product.id(),
          product.name(),
          BigDecimal.valueOf(quantity),
          product.price(),
          BigDecimal.ZERO,
          product.vatRate());
    }

    private String phone() {
      return "+49 30 " + (1_000_000 + random.nextInt(8_999_999));
    }
  }
}
