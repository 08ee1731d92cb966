package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.notification.NotificationCommand;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.notification.NotificationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

class NotificationApiTests extends ApiTest {

  @Autowired NotificationService notifications;
  @Autowired JdbcClient jdbc;

  private long mia;
  private RequestPostProcessor asMia;

  @BeforeEach
  void secondUser() {
    String login = "mia" + unique();
    try {
      mia = createUser("Mia Notified");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    jdbc.sql(
            "UPDATE crm_user SET login = :login, password_hash = '{noop}mia-password' WHERE id = :id")
        .param("login", login)
        .param("id", mia)
        .update();
    asMia =
        request -> {
          request.removeHeader("Authorization");
          return httpBasic(login, "mia-password").postProcessRequest(request);
        };
  }

  @Test
  void aUserSeesOnlyHisOwnNotificationsNewestFirst() throws Exception {
    long admin = adminId();
    NotificationView first = notify(mia, "Lead A assigned to you", "mia-a-" + unique());
    NotificationView second = notify(mia, "Lead B assigned to you", "mia-b-" + unique());
    NotificationView adminsOwn = notify(admin, "For the admin only", "admin-" + unique());

    JsonNode mine = read(mvc.perform(get("/api/v1/notifications").with(asMia)).andReturn());
    assertThat(ids(mine)).containsExactly(second.id(), first.id());
    assertThat(mine.get("items").get(0).get("item").get("type").asString()).isEqualTo("LEAD");
    assertThat(mine.get("items").get(0).get("read").asBoolean()).isFalse();

    // the administrator cannot mark (or learn about) Mia's notification, and she not his
    mvc.perform(post("/api/v1/notifications/" + first.id() + "/read"))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/notifications/" + adminsOwn.id() + "/read").with(asMia))
        .andExpect(status().isNotFound());
    assertThat(ids(getJson("/api/v1/notifications?limit=200"))).doesNotContain(first.id());
  }

  @Test
  void markingReadLowersTheUnreadCount() throws Exception {
    NotificationView one = notify(mia, "One", "one-" + unique());
    notify(mia, "Two", "two-" + unique());
    notify(mia, "Three", "three-" + unique());
    mvc.perform(get("/api/v1/notifications/unread-count").with(asMia))
        .andExpect(jsonPath("$.count").value(3));

    mvc.perform(post("/api/v1/notifications/" + one.id() + "/read").with(asMia))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.read").value(true))
        .andExpect(jsonPath("$.readAt").isNotEmpty());
    mvc.perform(get("/api/v1/notifications/unread-count").with(asMia))
        .andExpect(jsonPath("$.count").value(2));
    JsonNode unread =
        read(mvc.perform(get("/api/v1/notifications?unread=true").with(asMia)).andReturn());
    assertThat(ids(unread)).hasSize(2).doesNotContain(one.id());

    mvc.perform(post("/api/v1/notifications/read").with(asMia))
        .andExpect(jsonPath("$.marked").value(2));
    mvc.perform(get("/api/v1/notifications/unread-count").with(asMia))
        .andExpect(jsonPath("$.count").value(0));
  }

  @Test
  void theSameDedupeKeyNotifiesOnce() throws Exception {
    String key = "job-" + unique();
    NotificationView first = notify(mia, "Lead assigned", key);
    NotificationView again = notify(mia, "Lead assigned", key);

    assertThat(again.id()).isEqualTo(first.id());
    JsonNode mine = read(mvc.perform(get("/api/v1/notifications").with(asMia)).andReturn());
    assertThat(ids(mine)).containsExactly(first.id());
  }

  @Test
  void pagesFollowTheCursor() throws Exception {
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(notify(mia, "N" + i, "page-" + i + "-" + unique()).id());
    }
    JsonNode page1 =
        read(mvc.perform(get("/api/v1/notifications?limit=2").with(asMia)).andReturn());
    JsonNode page2 =
        read(
            mvc.perform(
                    get("/api/v1/notifications?limit=2&after=" + page1.get("nextCursor").asString())
                        .with(asMia))
                .andReturn());
    JsonNode page3 =
        read(
            mvc.perform(
                    get("/api/v1/notifications?limit=2&after=" + page2.get("nextCursor").asString())
                        .with(asMia))
                .andReturn());
    List<Long> all = new ArrayList<>(ids(page1));
    all.addAll(ids(page2));
    all.addAll(ids(page3));
    java.util.Collections.reverse(created);
    assertThat(all).containsExactlyElementsOf(created);
    assertThat(page3.get("nextCursor").isNull()).isTrue();
    mvc.perform(get("/api/v1/notifications?after=abc").with(asMia))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("after"));
  }

  @Test
  void notifyingAnUnknownUserNamesTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> notify(999_999_999L, "Nobody", null))
        .hasMessageContaining("recipientId");
  }

  @Test
  void theStreamPushesNewNotificationsToTheirRecipientOnly() throws Exception {
    notify(mia, "Already there", "there-" + unique());
    MvcResult stream =
        mvc.perform(get("/api/v1/notifications/stream").with(asMia))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
    assertThat(stream.getResponse().getContentAsString())
        .contains("event:unread-count")
        .contains("{\"count\":1}");

    notify(adminId(), "Secret admin news", "secret-" + unique());
    NotificationView live = notify(mia, "Deal 42 delivered", "live-" + unique());

    String events = stream.getResponse().getContentAsString();
    assertThat(events)
        .contains("event:notification")
        .contains("id:" + live.id())
        .contains("Deal 42 delivered")
        .doesNotContain("Secret admin news");
  }

  private NotificationView notify(long recipient, String title, String key) {
    return notifications.notify(
        new NotificationCommand(recipient, title, "Open it", new ItemLink(ItemType.LEAD, 1L), key));
  }

  private long adminId() {
    return jdbc.sql("SELECT id FROM crm_user WHERE login = 'admin'").query(Long.class).single();
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }
}
