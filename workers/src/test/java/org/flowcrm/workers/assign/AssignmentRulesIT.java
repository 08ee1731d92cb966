package org.flowcrm.workers.assign;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.flowcrm.WorkersTestApplication;
import org.flowcrm.crm.assignment.AssignedRecord;
import org.flowcrm.crm.assignment.AssignmentRuleCommand;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.assignment.RuleTarget;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.user.DepartmentCommand;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.crm.webform.FormField;
import org.flowcrm.crm.webform.LeadField;
import org.flowcrm.crm.webform.WebFormCommand;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.crm.webform.WebFormView;
import org.flowcrm.processes.ProcessIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The assignment rules an administrator keeps in the CRM decide, through the real engine and the
 * {@code crm.assign-responsible} worker, who gets a new lead and whose inbox shows "Qualify lead".
 */
@SpringBootTest(classes = WorkersTestApplication.class)
class AssignmentRulesIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired CamundaClient client;
  @Autowired LeadService leads;
  @Autowired ContactService contacts;
  @Autowired ProductService products;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired AssignmentRuleService rules;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcTemplate jdbc;
  @Autowired WebFormService webForms;

  @BeforeEach
  void signInAndDeploy() {
    UserDetails admin = userDetails.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath(ProcessIds.resource(ProcessIds.LEAD_PROCESSING))
        .send()
        .join();
  }

  @AfterEach
  void noRulesLeftForOtherTests() {
    jdbc.update("DELETE FROM crm_assignment_rule");
    SecurityContextHolder.clearContext();
  }

  @Test
  void theFirstMatchingRuleDecidesWhoGetsTheLeadAndTheQualifyTask() {
    String run = String.valueOf(System.nanoTime() % 1_000_000);
    UserView senior = user("senior" + run);
    long keyAccounts =
        departments.create(new DepartmentCommand("Key accounts " + run, null, null)).id();
    long north =
        departments
            .create(new DepartmentCommand("Key accounts North " + run, keyAccounts, null))
            .id();
    UserView ka1 = user("ka1-" + run);
    UserView ka2 = user("ka2-" + run);
    departments.moveUser(ka1.id(), keyAccounts);
    departments.moveUser(ka2.id(), north);

    long hardware = products.createSection(new SectionCommand("Hardware " + run, null, 0)).id();
    long laptops = products.createSection(new SectionCommand("Laptops", hardware, 0)).id();
    long notebook =
        products
            .create(
                new ProductCommand(
                    "Notebook " + run,
                    null,
                    null,
                    true,
                    new BigDecimal("1200"),
                    null,
                    "pcs",
                    null,
                    laptops))
            .id();
    String vipMail = "vip" + run + "@client.example";
    contacts.create(
        new ContactCommand(
            "Victor",
            "Ip",
            null,
            null,
            null,
            null,
            List.of(new Email(EmailType.WORK, vipMail)),
            null,
            null,
            null,
            true));

    rules.create(
        rule("phone leads wait in the queue", RuleTarget.UNASSIGNED, null, null)
            .withSource(LeadSource.PHONE)
            .build());
    rules.create(
        rule("VIP clients to the senior", RuleTarget.USER, senior.id(), null).vip().build());
    rules.create(
        rule("hardware to key accounts", RuleTarget.DEPARTMENT, null, keyAccounts)
            .section(hardware)
            .build());

    // a VIP's lead (recognised by the e-mail of a VIP contact) goes to the senior
    LeadView vipLead =
        leads.create(lead("VIP inquiry " + run, LeadSource.WEB_FORM, List.of(vipMail), null));
    assertThat(qualifyTask(vipLead).getAssignee()).isEqualTo(senior.login());
    assertThat(leads.get(vipLead.id()).responsibleId()).isEqualTo(senior.id());

    // hardware leads take turns in Key accounts and its sub-department
    List<String> assignees = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      LeadView hw =
          leads.create(
              lead(
                  "Notebooks " + run + "-" + i,
                  LeadSource.WEB_FORM,
                  List.of(),
                  new ProductRow(
                      notebook, "Notebook", BigDecimal.TEN, new BigDecimal("1200"), null, null)));
      assignees.add(qualifyTask(hw).getAssignee());
    }
    assertThat(assignees).containsExactlyInAnyOrder(ka1.login(), ka2.login());

    // a phone lead with hardware: the first rule wins, nobody is assigned or notified
    LeadView phone =
        leads.create(
            lead(
                "Caller " + run,
                LeadSource.PHONE,
                List.of(),
                new ProductRow(
                    notebook, "Notebook", BigDecimal.ONE, new BigDecimal("1200"), null, null)));
    assertThat(qualifyTask(phone).getAssignee()).isNull();
    assertThat(leads.get(phone.id()).responsibleId()).isNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM crm_notification WHERE item_type = 'LEAD' AND item_id = ?",
                Integer.class,
                phone.id()))
        .isZero();
    // the VIP lead's senior was told, so the count above would have seen a notification
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM crm_notification WHERE item_type = 'LEAD' AND item_id = ?"
                    + " AND recipient_id = ?",
                Integer.class,
                vipLead.id(),
                senior.id()))
        .isEqualTo(1);
    // without a matching rule: round robin among everybody present, as before
    LeadView plain = leads.create(lead("Plain " + run, LeadSource.WEB_FORM, List.of(), null));
    assertThat(qualifyTask(plain).getAssignee()).isNotNull();
    assertThat(rules.decide(AssignedRecord.LEAD, plain.id())).isEmpty();
  }

  @Test
  void aWebFormsRuleOrFixedUserDecidesForItsLeadsWhateverTheOrderedList() {
    String run = String.valueOf(System.nanoTime() % 1_000_000);
    UserView junior = user("junior" + run);
    UserView senior = user("formsenior" + run);
    UserView fixed = user("fixed" + run);
    rules.create(
        rule("web leads to the junior", RuleTarget.USER, junior.id(), null)
            .withSource(LeadSource.WEB_FORM)
            .build());
    long seniorRule =
        rules
            .create(
                rule("phone leads to the senior", RuleTarget.USER, senior.id(), null)
                    .withSource(LeadSource.PHONE)
                    .build())
            .id();
    List<FormField> fields =
        List.of(
            new FormField(LeadField.LAST_NAME, "Last name", true),
            new FormField(LeadField.EMAIL, "E-mail", true));

    // the form names the senior's rule: its target applies, though its condition (phone) does not
    WebFormView ruled =
        webForms.create(
            new WebFormCommand(
                "Ruled " + run,
                null,
                fields,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                seniorRule,
                false));
    webForms.submit(
        ruled.publicToken(),
        Map.of("last_name", "Ruled" + run, "email", "ruled" + run + "@client.example"),
        "198.51.100.1");
    LeadView ruledLead = leadTitled(ruled.name() + ": Ruled" + run);
    assertThat(qualifyTask(ruledLead).getAssignee()).isEqualTo(senior.login());
    assertThat(leads.get(ruledLead.id()).responsibleId()).isEqualTo(senior.id());

    // a form with a fixed user: the step keeps him
    WebFormView fixedForm =
        webForms.create(
            new WebFormCommand(
                "Fixed " + run,
                null,
                fields,
                null,
                null,
                null,
                fixed.id(),
                null,
                null,
                true,
                null,
                null,
                null,
                false));
    webForms.submit(
        fixedForm.publicToken(),
        Map.of("last_name", "Fixed" + run, "email", "fixed" + run + "@client.example"),
        "198.51.100.2");
    assertThat(qualifyTask(leadTitled(fixedForm.name() + ": Fixed" + run)).getAssignee())
        .isEqualTo(fixed.login());

    // a form without either: the ordered list, as for any web form lead
    WebFormView plain =
        webForms.create(
            new WebFormCommand(
                "Plain " + run,
                null,
                fields,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                false));
    webForms.submit(
        plain.publicToken(),
        Map.of("last_name", "Plain" + run, "email", "plain" + run + "@client.example"),
        "198.51.100.3");
    assertThat(qualifyTask(leadTitled(plain.name() + ": Plain" + run)).getAssignee())
        .isEqualTo(junior.login());
  }

  private LeadView leadTitled(String title) {
    String word = title.substring(title.lastIndexOf(' ') + 1);
    return leads
        .list(
            new LeadFilter(null, LeadSource.WEB_FORM, null, word),
            new org.flowcrm.crm.shared.ListRequest(null, 5, null))
        .items()
        .stream()
        .filter(l -> l.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lead " + title));
  }

  private UserView user(String login) {
    return users.create(new UserCommand(login, login, login + "@flowcrm.example", true));
  }

  private UserTask qualifyTask(LeadView lead) {
    return await(
        () -> {
          LeadView l = leads.get(lead.id());
          if (l.process() == null) {
            return null;
          }
          return client
              .newUserTaskSearchRequest()
              .filter(
                  f -> f.processInstanceKey(l.process().instanceKey()).elementId("qualify-lead"))
              .send()
              .join()
              .items()
              .stream()
              .findFirst()
              .orElse(null);
        },
        t -> t != null);
  }

  private static LeadCommand lead(
      String title, LeadSource source, List<String> emails, ProductRow row) {
    return new LeadCommand(
        title,
        "Anna",
        "Berg",
        null,
        null,
        null,
        source,
        null,
        null,
        null,
        emails.stream().map(e -> new Email(EmailType.WORK, e)).toList(),
        row == null ? null : List.of(row));
  }

  private static RuleBuilder rule(String name, RuleTarget target, Long user, Long department) {
    return new RuleBuilder(name, target, user, department);
  }

  /** The few conditions this test sets; the rest stay "any". */
  private static final class RuleBuilder {
    private final String name;
    private final RuleTarget target;
    private final Long user;
    private final Long department;
    private LeadSource source;
    private Boolean vip;
    private Long section;

    RuleBuilder(String name, RuleTarget target, Long user, Long department) {
      this.name = name;
      this.target = target;
      this.user = user;
      this.department = department;
    }

    RuleBuilder withSource(LeadSource source) {
      this.source = source;
      return this;
    }

    RuleBuilder vip() {
      this.vip = true;
      return this;
    }

    RuleBuilder section(long section) {
      this.section = section;
      return this;
    }

    AssignmentRuleCommand build() {
      return new AssignmentRuleCommand(
          name,
          null,
          true,
          AssignedRecord.LEAD,
          null,
          null,
          section,
          null,
          vip,
          source,
          target,
          user,
          department);
    }
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done) {
    Instant deadline = Instant.now().plus(WAIT);
    T value = read.get();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out; last value: " + value);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = read.get();
    }
    return value;
  }
}
