package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskOrigin;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ActivityAndTaskApiTests extends ApiTest {

  @Autowired ActivityService activityService;
  @Autowired TaskService taskService;
  @Autowired org.flowcrm.crm.permission.SystemUser systemUser;

  @Test
  void aCallShowsInTheContactsTimeline() throws Exception {
    long contact = contact();
    long other = contact();
    Map<String, Object> call =
        activity("CALL", "Intro call", Instant.now().minus(2, ChronoUnit.DAYS), contact);
    call.put("direction", "OUTBOUND");
    call.put("callResult", "Interested");
    call.put("durationSeconds", 420);
    long callId = create("/api/v1/activities", call).get("id").asLong();
    long noteId =
        create("/api/v1/activities", activity("NOTE", "Prefers e-mail", Instant.now(), contact))
            .get("id")
            .asLong();

    assertThat(ids(getJson("/api/v1/activities?itemType=CONTACT&itemId=" + contact)))
        .containsExactly(noteId, callId);
    assertThat(ids(getJson("/api/v1/activities?itemType=CONTACT&itemId=" + other))).isEmpty();
    JsonNode read = getJson("/api/v1/activities/" + callId);
    assertThat(read.get("durationSeconds").asInt()).isEqualTo(420);
    assertThat(read.get("links").get(0).get("type").asString()).isEqualTo("CONTACT");
  }

  @Test
  void myActivitiesAreTheOpenOnesOverdueFirst() throws Exception {
    long user = createUser("Mia Busy");
    Map<String, Object> late =
        activity("MEETING", "Late meeting", Instant.now().minus(1, ChronoUnit.HOURS), null);
    late.put("responsibleId", user);
    long lateId = create("/api/v1/activities", late).get("id").asLong();
    Map<String, Object> soon =
        activity("CALL", "Call tomorrow", Instant.now().plus(1, ChronoUnit.DAYS), null);
    soon.put("responsibleId", user);
    long soonId = create("/api/v1/activities", soon).get("id").asLong();
    Map<String, Object> note = activity("NOTE", "Done already", Instant.now(), null);
    note.put("responsibleId", user);
    create("/api/v1/activities", note);

    JsonNode mine = getJson("/api/v1/activities/mine?userId=" + user);
    assertThat(ids(mine)).containsExactly(lateId, soonId);
    assertThat(mine.get("items").get(0).get("overdue").asBoolean()).isTrue();

    mvc.perform(post("/api/v1/activities/" + lateId + "/completion")).andExpect(status().isOk());
    assertThat(ids(getJson("/api/v1/activities/mine?userId=" + user))).containsExactly(soonId);
  }

  @Test
  void activityInputIsChecked() throws Exception {
    Map<String, Object> note = activity("NOTE", "Odd", Instant.now(), null);
    note.put("direction", "INBOUND");
    send(post("/api/v1/activities"), note)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("direction"));
    Map<String, Object> ghost = activity("CALL", "Ghost", Instant.now(), null);
    ghost.put("links", List.of(Map.of("type", "DEAL", "id", 987654321)));
    send(post("/api/v1/activities"), ghost)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("links[0]"));
    send(post("/api/v1/activities"), Map.of("type", "CALL", "subject", "When?", "startsAt", "soon"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
  }

  @Test
  void aDueReminderIsHandedOutOnce() throws Exception {
    Map<String, Object> meeting =
        activity("MEETING", "Reminder " + unique(), Instant.now().plus(1, ChronoUnit.HOURS), null);
    meeting.put("reminderAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
    long id = create("/api/v1/activities", meeting).get("id").asLong();
    assertThat(activityService.takeDueReminders(Instant.now())).anyMatch(a -> a.id() == id);
    assertThat(activityService.takeDueReminders(Instant.now())).noneMatch(a -> a.id() == id);
  }

  @Test
  void tasksAreCreatedForEachItemOfAList() throws Exception {
    long owner = createUser("Tom Tasks");
    long observer = createUser("Olga Observer");
    List<Map<String, Object>> items = new ArrayList<>();
    List<Long> contacts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long contact = contact();
      contacts.add(contact);
      items.add(Map.of("type", "CONTACT", "id", contact));
    }
    Map<String, Object> task = new HashMap<>();
    task.put("title", "Call back");
    task.put("responsibleId", owner);
    task.put("observerIds", List.of(observer));
    task.put("deadline", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    JsonNode created =
        read(
            send(post("/api/v1/tasks/bulk"), Map.of("task", task, "items", items))
                .andExpect(status().isCreated())
                .andReturn());
    assertThat(created.size()).isEqualTo(3);
    assertThat(created.get(0).get("origin").asString()).isEqualTo("BULK");

    JsonNode forSecond = getJson("/api/v1/tasks?itemType=CONTACT&itemId=" + contacts.get(1));
    assertThat(forSecond.get("items").size()).isEqualTo(1);
    assertThat(getJson("/api/v1/tasks?observerId=" + observer).get("items").size()).isEqualTo(3);
    JsonNode overdue = getJson("/api/v1/tasks?overdue=true&responsibleId=" + owner);
    assertThat(overdue.get("items").size()).isEqualTo(3);
    assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();

    long first = created.get(0).get("id").asLong();
    send(put("/api/v1/tasks/" + first + "/status"), Map.of("status", "DONE"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.completedAt").isNotEmpty())
        .andExpect(jsonPath("$.overdue").value(false));
    assertThat(getJson("/api/v1/tasks?overdue=true&responsibleId=" + owner).get("items").size())
        .isEqualTo(2);
  }

  @Test
  void aProcessStepCreatesItsTaskOnlyOnce() {
    long key = 4503599627370496L + System.nanoTime() % 1_000_000;
    TaskCommand command = new TaskCommand("Check the offer", null, null, null, null, null);
    // job workers run as the system user
    TaskView first =
        systemUser.runAs(() -> taskService.createForProcess(command, key, "Task_CheckOffer"));
    TaskView retried =
        systemUser.runAs(() -> taskService.createForProcess(command, key, "Task_CheckOffer"));
    assertThat(retried.id()).isEqualTo(first.id());
    assertThat(first.origin()).isEqualTo(TaskOrigin.PROCESS);
    assertThat(
            systemUser.runAs(() -> taskService.createForProcess(command, key, "Task_Other")).id())
        .isNotEqualTo(first.id());
  }

  @Test
  void taskObserversMustBeUsers() throws Exception {
    send(post("/api/v1/tasks"), Map.of("title", "Watched", "observerIds", List.of(987654321)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("observerIds[0]"));
  }

  long contact() throws Exception {
    return create("/api/v1/contacts", Map.of("firstName", "T" + unique())).get("id").asLong();
  }

  static Map<String, Object> activity(String type, String subject, Instant startsAt, Long contact) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", type);
    body.put("subject", subject);
    body.put("startsAt", startsAt.toString());
    if (contact != null) {
      body.put("links", List.of(Map.of("type", "CONTACT", "id", contact)));
    }
    return body;
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }
}
