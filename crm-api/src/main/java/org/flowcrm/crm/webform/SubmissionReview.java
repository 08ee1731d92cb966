package org.flowcrm.crm.webform;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of web form submissions held as suspected spam (forms with "hold suspected
 * spam"): administrators see what was entered and why it was suspected, accept one (it creates what
 * its form creates, the process starting as for any submission) or reject it (deleted).
 */
@Service
@Transactional(readOnly = true)
public class SubmissionReview {

  /** The queue shows at most this many, oldest first. */
  public static final int LIMIT = 200;

  private static final String SETTING = "WEB_FORMS";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final WebFormService forms;
  private final FormSubmissions submissions;

  SubmissionReview(
      JdbcClient jdbc, AccessPolicy policy, WebFormService forms, FormSubmissions submissions) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.forms = forms;
    this.submissions = submissions;
  }

  private record Held(
      long id,
      long formId,
      String formName,
      String target,
      Timestamp receivedAt,
      String clientAddress,
      String reasons,
      String data) {}

  /** The held submissions of every form, or of form {@code formId}, oldest first. */
  public List<HeldSubmissionView> held(Long formId) {
    policy.requireAdministrator(SETTING);
    List<Held> rows =
        jdbc.sql(
                "SELECT s.id, s.form_id, f.name AS form_name, f.target, s.received_at,"
                    + " s.client_address, s.reasons, s.data FROM crm_web_form_submission s JOIN"
                    + " crm_web_form f ON f.id = s.form_id WHERE s.status = 'HELD'"
                    + (formId == null ? "" : " AND s.form_id = " + formId.longValue())
                    + " ORDER BY s.received_at, s.id LIMIT "
                    + LIMIT)
            .query(Held.class)
            .list();
    Map<Long, WebFormView> byId = new LinkedHashMap<>();
    List<HeldSubmissionView> views = new ArrayList<>();
    for (Held row : rows) {
      WebFormView form = byId.computeIfAbsent(row.formId(), forms::get);
      Map<String, String> labels = new LinkedHashMap<>();
      form.fields().forEach(f -> labels.put(f.param(), f.label()));
      labels.put("consent", "Consent");
      List<HeldSubmissionView.EnteredValue> values = new ArrayList<>();
      submissions
          .values(row.data())
          .forEach(
              (name, value) ->
                  values.add(
                      new HeldSubmissionView.EnteredValue(
                          name, labels.getOrDefault(name, name), value)));
      views.add(
          new HeldSubmissionView(
              row.id(),
              row.formId(),
              row.formName(),
              WebFormTarget.valueOf(row.target()),
              row.receivedAt().toInstant(),
              row.clientAddress(),
              row.reasons() == null ? List.of() : Arrays.asList(row.reasons().split("; ")),
              values));
    }
    return views;
  }

  /**
   * Creates what the held submission's form creates now (the form as it is now: a field made
   * required since must be there, 422 naming it otherwise) and starts its process as a visitor's
   * submission would.
   */
  @Transactional
  public AcceptedSubmission accept(long id) {
    policy.requireAdministrator(SETTING);
    Held row = lock(id);
    WebFormView form = forms.get(row.formId());
    FormSubmissions.Checked checked;
    try {
      checked = submissions.check(form, forms.inputs(form), submissions.values(row.data()));
    } catch (SubmissionRejected rejected) {
      throw new InvalidFieldException(rejected.problems());
    }
    FormSubmissions.Created created = submissions.create(form, checked, row.clientAddress(), id);
    return new AcceptedSubmission(id, created.leadId(), created.contactId(), created.dealId());
  }

  /** Deletes the held submission: nothing is created. */
  @Transactional
  public void reject(long id) {
    policy.requireAdministrator(SETTING);
    lock(id);
    jdbc.sql("DELETE FROM crm_web_form_submission WHERE id = :id").param("id", id).update();
  }

  private Held lock(long id) {
    return jdbc.sql(
            "SELECT s.id, s.form_id, f.name AS form_name, f.target, s.received_at, s.client_address, s.reasons,"
                + " s.data FROM crm_web_form_submission s JOIN crm_web_form f ON f.id = s.form_id"
                + " WHERE s.id = :id AND s.status = 'HELD' FOR UPDATE")
        .param("id", id)
        .query(Held.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("Held submission", id));
  }
}
