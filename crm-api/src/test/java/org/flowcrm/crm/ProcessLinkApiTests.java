package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Cards and lists show which process drives a lead or deal and where it is, from the CRM's own
 * tables; a process step is not an edit of the record.
 */
class ProcessLinkApiTests extends ApiTest {

  private static final long FIRST_KEY = 2251799813685249L;

  @Autowired ProcessLinkService processLinks;

  @Test
  void aLeadCardShowsItsProcessAndWhereItIs() throws Exception {
    long id =
        create("/api/v1/leads", Map.of("title", "Process " + unique(), "source", "WEB_FORM"))
            .get("id")
            .asLong();
    JsonNode created = getJson("/api/v1/leads/" + id);
    assertThat(created.get("process").isNull()).isTrue();
    long key = FIRST_KEY + id;

    Instant before = Instant.now().minusSeconds(1);
    assertThat(
            processLinks.record(
                ProcessSubject.LEAD, id, key, "lead-processing", "qualify-lead", "Qualify lead"))
        .isTrue();

    JsonNode lead = getJson("/api/v1/leads/" + id);
    JsonNode process = lead.get("process");
    assertThat(process.get("instanceKey").asLong()).isEqualTo(key);
    assertThat(process.get("processId").asString()).isEqualTo("lead-processing");
    assertThat(process.get("elementId").asString()).isEqualTo("qualify-lead");
    assertThat(process.get("elementName").asString()).isEqualTo("Qualify lead");
    assertThat(Instant.parse(process.get("since").asString())).isAfter(before);
    // A process step is not an edit: the version a manager's open form holds stays valid.
    assertThat(lead.get("version").asLong()).isEqualTo(created.get("version").asLong());
    assertThat(lead.get("updatedAt").asString()).isEqualTo(created.get("updatedAt").asString());
    JsonNode listed = null;
    for (JsonNode item : getJson("/api/v1/leads?limit=200&sort=-id").get("items")) {
      if (item.get("id").asLong() == id) {
        listed = item;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("process").get("elementId").asString()).isEqualTo("qualify-lead");
  }

  @Test
  void theSameElementKeepsItsSinceAndANewElementMovesIt() throws Exception {
    long id = create("/api/v1/deals", Map.of("title", "Staged " + unique())).get("id").asLong();
    long key = FIRST_KEY + id;
    processLinks.record(ProcessSubject.DEAL, id, key, "deal-execution", "first-call", "First call");
    ProcessLink first = processLinks.find(ProcessSubject.DEAL, id);
    Thread.sleep(5);

    processLinks.record(ProcessSubject.DEAL, id, key, "deal-execution", "first-call", "First call");
    assertThat(processLinks.find(ProcessSubject.DEAL, id).since()).isEqualTo(first.since());

    processLinks.record(ProcessSubject.DEAL, id, key, "deal-execution", "negotiate", "Negotiate");
    ProcessLink moved = processLinks.find(ProcessSubject.DEAL, id);
    assertThat(moved.elementId()).isEqualTo("negotiate");
    assertThat(moved.since()).isAfter(first.since());
    assertThat(getJson("/api/v1/deals/" + id).get("process").get("elementName").asString())
        .isEqualTo("Negotiate");
  }

  @Test
  void anotherInstanceCannotTakeTheRecordOver() throws Exception {
    long id = create("/api/v1/deals", Map.of("title", "Owned " + unique())).get("id").asLong();
    long key = FIRST_KEY + id;
    processLinks.record(ProcessSubject.DEAL, id, key, "deal-execution", "first-call", "First call");

    assertThat(processLinks.record(ProcessSubject.DEAL, id, key + 1, "deal-execution", "x", "X"))
        .isFalse();

    ProcessLink link = processLinks.find(ProcessSubject.DEAL, id);
    assertThat(link.instanceKey()).isEqualTo(key);
    assertThat(link.elementId()).isEqualTo("first-call");
  }

  @Test
  void aManagersEditDoesNotOverwriteTheProcessPosition() throws Exception {
    long id =
        create("/api/v1/leads", Map.of("title", "Edited " + unique(), "source", "PHONE"))
            .get("id")
            .asLong();
    processLinks.record(
        ProcessSubject.LEAD, id, FIRST_KEY + id, "lead-processing", "notify", "Notify responsible");
    JsonNode created = getJson("/api/v1/leads/" + id);

    send(
            put("/api/v1/leads/" + id)
                .header("If-Match", ETags.of(created.get("version").asLong())),
            Map.of("title", "Edited again", "source", "PHONE"))
        .andExpect(status().isOk());

    JsonNode lead = getJson("/api/v1/leads/" + id);
    assertThat(lead.get("title").asString()).isEqualTo("Edited again");
    assertThat(lead.get("process").get("elementId").asString()).isEqualTo("notify");
  }

  @Test
  void recordingForAMissingRecordIsNotFound() {
    assertThatThrownBy(
            () ->
                processLinks.record(
                    ProcessSubject.LEAD, 987_654_321L, FIRST_KEY, "lead-processing", "x", null))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Lead 987654321 does not exist");
  }
}
