package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Walks every {@code /api/v1} endpoint the application maps (read from the handler mapping, so a
 * new endpoint without a rule here fails the build) × the four default roles × a record of the
 * caller's own, one of a colleague in his department, and one of someone elsewhere, and asserts
 * allowed or 403/404 from an expected matrix written down here independently of the seed.
 */
class PermissionMatrixTests extends ApiTest {

  private static final tools.jackson.databind.json.JsonMapper MAPPER =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

  enum Role {
    MANAGER,
    HEAD_OF_DEPARTMENT,
    DIRECTOR,
    ADMINISTRATOR
  }

  enum Relation {
    OWN,
    SAME_DEPARTMENT,
    OTHER
  }

  /** The default matrix as the brief describes it. */
  static Scope expectedScope(Role role, EntityType entity, Action action) {
    return switch (role) {
      case ADMINISTRATOR -> Scope.ALL;
      case DIRECTOR -> action == Action.DELETE ? Scope.NONE : Scope.ALL;
      case MANAGER ->
          entity == EntityType.PRODUCT
              ? (action == Action.READ ? Scope.ALL : Scope.NONE)
              : Scope.OWN;
      case HEAD_OF_DEPARTMENT ->
          entity == EntityType.PRODUCT
              ? (action == Action.READ || action == Action.EXPORT ? Scope.ALL : Scope.NONE)
              : Scope.DEPARTMENT_AND_SUBS;
    };
  }

  static boolean covers(Scope scope, EntityType entity, Relation relation) {
    if (entity == EntityType.PRODUCT) {
      return scope != Scope.NONE;
    }
    return switch (scope) {
      case NONE -> false;
      case OWN -> relation == Relation.OWN;
      case DEPARTMENT, DEPARTMENT_AND_SUBS -> relation != Relation.OTHER;
      case ALL -> true;
    };
  }

  /** What one request of a case needs: the caller, the record's owner, fresh fixtures. */
  record Ctx(TestUser caller, long owner, PermissionMatrixTests test) {}

  /** Builds the request of a case; may create fixtures on the way. */
  @FunctionalInterface
  interface Req<T> {
    AbstractMockHttpServletRequestBuilder<?> apply(T input) throws Exception;
  }

  sealed interface Rule {}

  /** A record of {@code entity} owned according to the relation; READ hides with 404. */
  record OnRecord(EntityType entity, Action action, Req<Long> request) implements Rule {}

  /** An action on the kind (create for oneself, export): allowed unless the scope is NONE. */
  record OnKind(EntityType entity, Action action, Req<Ctx> request) implements Rule {}

  /** Settings only administrators change: everyone else gets 403. */
  record AdminOnly(Req<Ctx> request) implements Rule {}

  /** Open to every signed-in user (lists filter by scope; see the leak tests). */
  record AnyUser(Req<Ctx> request) implements Rule {}

  /**
   * Creating something linked to a record of {@code entity} owned according to the relation: a
   * record the caller may not read is as unknown as a missing one (422 naming the link), one he may
   * read but not update is 403.
   */
  record OnLink(EntityType entity, Req<Long> request) implements Rule {}

  /**
   * A list that must contain the entry linked to a record of {@code entity} exactly when the caller
   * may read that record (200 either way: lists filter, they do not refuse).
   */
  record Listed(EntityType entity, Req<Long> request) implements Rule {}

  // ---- the world: departments Sales > Sales East, and Support

  private static Map<Role, TestUser> callers;
  private static TestUser colleague;
  private static TestUser outsider;
  private static TestUser fixtureAdmin;
  private static long supportDepartment;
  private static long firstStageId;
  private static long secondStageId;

  private void world() throws Exception {
    if (callers != null) {
      return;
    }
    long sales = createDepartment("Sales", null);
    long east = createDepartment("Sales East", sales);
    supportDepartment = createDepartment("Support", null);
    Map<Role, TestUser> users = new LinkedHashMap<>();
    users.put(Role.MANAGER, signInUser(east, "MANAGER"));
    users.put(Role.HEAD_OF_DEPARTMENT, signInUser(sales, "HEAD_OF_DEPARTMENT"));
    users.put(Role.DIRECTOR, signInUser(supportDepartment, "DIRECTOR"));
    users.put(Role.ADMINISTRATOR, signInUser(supportDepartment, "ADMINISTRATOR"));
    colleague = signInUser(east, "MANAGER");
    outsider = signInUser(supportDepartment, "MANAGER");
    fixtureAdmin = signInUser(supportDepartment, "ADMINISTRATOR");
    JsonNode stages = getJson("/api/v1/pipelines").get(0).get("stages");
    firstStageId = stages.get(0).get("id").asLong();
    secondStageId = stages.get(1).get("id").asLong();
    callers = users;
  }

  long owner(Role role, Relation relation) {
    return switch (relation) {
      case OWN -> callers.get(role).id();
      case SAME_DEPARTMENT -> colleague.id();
      case OTHER -> outsider.id();
    };
  }

  /** Creates a record as an administrator and returns its id. */
  long record(EntityType entity, long owner) throws Exception {
    String u = unique();
    Map<String, Object> body = new HashMap<>();
    body.put("responsibleId", owner);
    String url =
        switch (entity) {
          case LEAD -> {
            body.put("title", "Lead " + u);
            body.put("source", "PHONE");
            yield "/api/v1/leads";
          }
          case CONTACT -> {
            body.put("firstName", "Contact " + u);
            yield "/api/v1/contacts";
          }
          case COMPANY -> {
            body.put("name", "Company " + u);
            yield "/api/v1/companies";
          }
          case DEAL -> {
            body.put("title", "Deal " + u);
            body.put("visibleToAll", false);
            yield "/api/v1/deals";
          }
          case PRODUCT -> {
            body.remove("responsibleId");
            body.put("name", "Product " + u);
            body.put("price", 10);
            yield "/api/v1/products";
          }
          case QUOTE -> {
            body.put("title", "Quote " + u);
            yield "/api/v1/quotes";
          }
          case INVOICE -> {
            body.put("title", "Invoice " + u);
            yield "/api/v1/invoices";
          }
          case REPORT -> throw new IllegalArgumentException("no report records");
        };
    return adminCreate(url, body);
  }

  /** The responsible user of a record, as the administrator reads it. */
  long ownerOf(String base, long id) throws Exception {
    var result = mvc.perform(get(base + "/" + id).with(as(fixtureAdmin))).andReturn();
    return read(result).get("responsibleId").asLong();
  }

  /** An open call on the deal, of the deal's owner, written by the administrator; its owner. */
  long activityOn(long dealId) throws Exception {
    long owner = ownerOf("/api/v1/deals", dealId);
    adminCreate("/api/v1/activities", activityBody(dealId, owner));
    return owner;
  }

  long activityIdOn(long dealId) throws Exception {
    return adminCreate(
        "/api/v1/activities", activityBody(dealId, ownerOf("/api/v1/deals", dealId)));
  }

  long taskIdOn(long contactId) throws Exception {
    return adminCreate(
        "/api/v1/tasks", taskBody(contactId, ownerOf("/api/v1/contacts", contactId)));
  }

  static Map<String, Object> activityBody(long dealId, long owner) {
    return map(
        "type",
        "CALL",
        "subject",
        "Call " + unique(),
        "startsAt",
        java.time.Instant.now().minusSeconds(60).toString(),
        "responsibleId",
        owner,
        "links",
        List.of(map("type", "DEAL", "id", dealId)));
  }

  static Map<String, Object> taskBody(long contactId, long owner) {
    return map(
        "title",
        "Task " + unique(),
        "responsibleId",
        owner,
        "links",
        List.of(map("type", "CONTACT", "id", contactId)));
  }

  long adminCreate(String url, Object body) throws Exception {
    var result =
        mvc.perform(
                post(url)
                    .with(as(fixtureAdmin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(body)))
            .andReturn();
    assertThat(result.getResponse().getStatus()).as("fixture " + url).isEqualTo(201);
    JsonNode created = read(result);
    return created.has("id") ? created.get("id").asLong() : 0;
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
    return request
        .header("If-Match", "*")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body instanceof String s ? s : MAPPER.writeValueAsString(body));
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  // ---- the rules, one per endpoint

  Map<String, Rule> rules() {
    Map<String, Rule> r = new LinkedHashMap<>();
    String nothing = "?q=zzqx" + unique();
    for (String kind : List.of("leads", "contacts", "companies", "deals")) {
      EntityType entity =
          switch (kind) {
            case "leads" -> EntityType.LEAD;
            case "contacts" -> EntityType.CONTACT;
            case "companies" -> EntityType.COMPANY;
            default -> EntityType.DEAL;
          };
      String base = "/api/v1/" + kind;
      r.put("GET " + base, new AnyUser(c -> get(base)));
      r.put(
          "GET " + base + " [text/csv]",
          new OnKind(entity, Action.EXPORT, c -> get(base).accept("text/csv")));
      r.put(
          "GET " + base + "/export", new OnKind(entity, Action.EXPORT, c -> get(base + "/export")));
      r.put(
          "POST " + base + "/bulk-assignment",
          new AnyUser(
              c ->
                  json(
                      post(base + "/bulk-assignment" + nothing),
                      map("responsibleId", c.caller().id()))));
      // every user may ask; each record is then checked alone (see BulkApiTests)
      r.put(
          "POST " + base + "/bulk",
          new AnyUser(
              c ->
                  json(
                      post(base + "/bulk"),
                      map(
                          "action",
                          "ASSIGN",
                          "filter",
                          map("q", "zzqx" + unique()),
                          "responsibleId",
                          c.caller().id()))));
      r.put("GET " + base + "/{id}", new OnRecord(entity, Action.READ, id -> get(base + "/" + id)));
      r.put(
          "DELETE " + base + "/{id}",
          new OnRecord(entity, Action.DELETE, id -> delete(base + "/" + id)));
      r.put(
          "GET " + base + "/{id}/history",
          new OnRecord(entity, Action.READ, id -> get(base + "/" + id + "/history")));
      if (!kind.equals("deals")) {
        r.put(
            "GET " + base + "/duplicates",
            new AnyUser(c -> get(base + "/duplicates?email=x@example.com")));
        // The record is the duplicate (deleted); the kept one has the same owner, so the caller
        // may update it exactly when he may see it: DELETE on the duplicate decides.
        r.put(
            "POST " + base + "/{id}/merge",
            new OnRecord(
                entity,
                Action.DELETE,
                id ->
                    json(
                        post(base + "/" + record(entity, ownerOf(base, id)) + "/merge"),
                        map("duplicateId", id, "version", 0, "duplicateVersion", 0))));
      }
      r.put(
          "PATCH " + base + "/{id}",
          new OnRecord(
              entity,
              Action.UPDATE,
              id ->
                  patch(base + "/" + id)
                      .header("If-Match", "*")
                      .contentType("application/merge-patch+json")
                      .content("{}")));
    }
    // leads
    r.put(
        "POST /api/v1/leads",
        new OnKind(
            EntityType.LEAD,
            Action.CREATE,
            c ->
                json(
                    post("/api/v1/leads"),
                    map("title", "L", "source", "PHONE", "responsibleId", c.caller().id()))));
    r.put(
        "PUT /api/v1/leads/{id}",
        new OnRecord(
            EntityType.LEAD,
            Action.UPDATE,
            id -> json(put("/api/v1/leads/" + id), map("title", "Changed", "source", "PHONE"))));
    r.put(
        "PUT /api/v1/leads/{id}/status",
        new OnRecord(
            EntityType.LEAD,
            Action.UPDATE,
            id -> json(put("/api/v1/leads/" + id + "/status"), map("status", "IN_PROCESSING"))));
    r.put(
        "POST /api/v1/leads/{id}/conversion",
        new OnRecord(
            EntityType.LEAD,
            Action.UPDATE,
            id -> json(post("/api/v1/leads/" + id + "/conversion"), map("createDeal", true))));
    r.put(
        "GET /api/v1/leads/{id}/comments",
        new OnRecord(EntityType.LEAD, Action.READ, id -> get("/api/v1/leads/" + id + "/comments")));
    r.put(
        "POST /api/v1/leads/{id}/comments",
        new OnRecord(
            EntityType.LEAD,
            Action.UPDATE,
            id -> json(post("/api/v1/leads/" + id + "/comments"), map("text", "hello"))));
    r.put("GET /api/v1/lead-statuses", new AnyUser(c -> get("/api/v1/lead-statuses")));
    r.put(
        "POST /api/v1/lead-statuses",
        new AdminOnly(
            c ->
                json(
                    post("/api/v1/lead-statuses"),
                    map("code", "S" + unique().toUpperCase(), "name", "Status"))));
    r.put(
        "PUT /api/v1/lead-statuses/{code}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/lead-statuses/NEW"),
                    map("code", "NEW", "name", "New", "sortOrder", 10))));
    // contacts and companies
    r.put(
        "POST /api/v1/contacts",
        new OnKind(
            EntityType.CONTACT,
            Action.CREATE,
            c ->
                json(
                    post("/api/v1/contacts"),
                    map("firstName", "C", "responsibleId", c.caller().id()))));
    r.put(
        "PUT /api/v1/contacts/{id}",
        new OnRecord(
            EntityType.CONTACT,
            Action.UPDATE,
            id -> json(put("/api/v1/contacts/" + id), map("firstName", "Changed"))));
    r.put(
        "POST /api/v1/companies",
        new OnKind(
            EntityType.COMPANY,
            Action.CREATE,
            c ->
                json(
                    post("/api/v1/companies"),
                    map("name", "Co", "responsibleId", c.caller().id()))));
    r.put(
        "PUT /api/v1/companies/{id}",
        new OnRecord(
            EntityType.COMPANY,
            Action.UPDATE,
            id -> json(put("/api/v1/companies/" + id), map("name", "Changed"))));
    // deals
    r.put(
        "POST /api/v1/deals",
        new OnKind(
            EntityType.DEAL,
            Action.CREATE,
            c -> json(post("/api/v1/deals"), map("title", "D", "responsibleId", c.caller().id()))));
    r.put(
        "PUT /api/v1/deals/{id}",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id ->
                json(put("/api/v1/deals/" + id), map("title", "Changed", "visibleToAll", false))));
    r.put(
        "PUT /api/v1/deals/{id}/stage",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id -> json(put("/api/v1/deals/" + id + "/stage"), map("stageId", secondStageId))));
    r.put(
        "POST /api/v1/deals/{id}/reopening",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id -> json(post("/api/v1/deals/" + id + "/reopening"), map("stageId", firstStageId))));
    r.put(
        "GET /api/v1/deals/{id}/stage-history",
        new OnRecord(
            EntityType.DEAL, Action.READ, id -> get("/api/v1/deals/" + id + "/stage-history")));
    r.put(
        "GET /api/v1/deals/{id}/comments",
        new OnRecord(EntityType.DEAL, Action.READ, id -> get("/api/v1/deals/" + id + "/comments")));
    r.put(
        "POST /api/v1/deals/{id}/comments",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id -> json(post("/api/v1/deals/" + id + "/comments"), map("text", "hello"))));
    r.put("GET /api/v1/deals/totals", new AnyUser(c -> get("/api/v1/deals/totals?pipelineId=1")));
    r.put(
        "GET /api/v1/deals/{id}/card",
        new OnRecord(EntityType.DEAL, Action.READ, id -> get("/api/v1/deals/" + id + "/card")));
    // online-store orders: the store's user needs to create deals (StoreOrderApiTests)
    r.put(
        "POST /api/v1/store-orders",
        new OnKind(
            EntityType.DEAL,
            Action.CREATE,
            c -> json(post("/api/v1/store-orders"), storeOrder("pm-" + unique()))));
    r.put(
        "GET /api/v1/store-orders",
        new OnKind(EntityType.DEAL, Action.CREATE, c -> get("/api/v1/store-orders?store=pm")));
    r.put(
        "GET /api/v1/store-orders/{store}/{orderId}",
        new OnKind(
            EntityType.DEAL,
            Action.CREATE,
            c -> get("/api/v1/store-orders/pm/" + c.test().newStoreOrder())));
    // reports: REPORT READ to open them (rows limited in SQL, see ReportApiTests), EXPORT for CSV
    r.put(
        "GET /api/v1/reports",
        new OnKind(EntityType.REPORT, Action.READ, c -> get("/api/v1/reports")));
    r.put(
        "GET /api/v1/reports/{code}",
        new OnKind(EntityType.REPORT, Action.READ, c -> get("/api/v1/reports/managers")));
    r.put(
        "GET /api/v1/reports/{code} [text/csv]",
        new OnKind(
            EntityType.REPORT,
            Action.EXPORT,
            c -> get("/api/v1/reports/won-deals").accept("text/csv")));
    r.put(
        "GET /api/v1/reports/{code}.csv",
        new OnKind(
            EntityType.REPORT, Action.EXPORT, c -> get("/api/v1/reports/product-income.csv")));
    r.put(
        "GET /api/v1/reports/funnel",
        new OnKind(EntityType.REPORT, Action.READ, c -> get("/api/v1/reports/funnel")));
    // report designer: REPORT READ to design and run (rows limited in SQL, see
    // ReportDesignerApiTests, which also covers other owners' and shared definitions), EXPORT for
    // CSV; each case works on a definition the caller owns
    r.put(
        "GET /api/v1/report-designer/catalogue",
        new OnKind(EntityType.REPORT, Action.READ, c -> get("/api/v1/report-designer/catalogue")));
    r.put(
        "GET /api/v1/report-definitions",
        new OnKind(EntityType.REPORT, Action.READ, c -> get("/api/v1/report-definitions")));
    r.put(
        "POST /api/v1/report-definitions",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c -> json(post("/api/v1/report-definitions"), reportDefinitionBody())));
    r.put(
        "POST /api/v1/report-definitions/preview",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c -> json(post("/api/v1/report-definitions/preview"), reportDefinitionBody())));
    r.put(
        "POST /api/v1/report-definitions/copy-of/{code}",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c -> post("/api/v1/report-definitions/copy-of/won-deals")));
    r.put(
        "GET /api/v1/report-definitions/{id}",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c -> get("/api/v1/report-definitions/" + c.test().reportDefinition(c.caller()))));
    r.put(
        "PUT /api/v1/report-definitions/{id}",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c ->
                json(
                    put("/api/v1/report-definitions/" + c.test().reportDefinition(c.caller())),
                    reportDefinitionBody())));
    r.put(
        "DELETE /api/v1/report-definitions/{id}",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c -> delete("/api/v1/report-definitions/" + c.test().reportDefinition(c.caller()))));
    r.put(
        "POST /api/v1/report-definitions/{id}/run",
        new OnKind(
            EntityType.REPORT,
            Action.READ,
            c ->
                post(
                    "/api/v1/report-definitions/"
                        + c.test().reportDefinition(c.caller())
                        + "/run")));
    r.put(
        "GET /api/v1/report-definitions/{id}/run.csv",
        new OnKind(
            EntityType.REPORT,
            Action.EXPORT,
            c ->
                get(
                    "/api/v1/report-definitions/"
                        + c.test().reportDefinition(c.caller())
                        + "/run.csv")));
    // quotes and invoices (from a deal: the deal must be readable, the document is the deal's
    // owner's)
    r.put(
        "POST /api/v1/deals/{dealId}/quotes",
        new OnRecord(EntityType.DEAL, Action.READ, id -> post("/api/v1/deals/" + id + "/quotes")));
    r.put(
        "POST /api/v1/deals/{dealId}/invoices",
        new OnRecord(
            EntityType.DEAL, Action.READ, id -> post("/api/v1/deals/" + id + "/invoices")));
    for (String kind : List.of("quotes", "invoices")) {
      EntityType entity = kind.equals("quotes") ? EntityType.QUOTE : EntityType.INVOICE;
      String base = "/api/v1/" + kind;
      r.put("GET " + base, new AnyUser(c -> get(base)));
      r.put(
          "POST " + base,
          new OnKind(
              entity,
              Action.CREATE,
              c -> json(post(base), map("title", "Doc", "responsibleId", c.caller().id()))));
      r.put("GET " + base + "/{id}", new OnRecord(entity, Action.READ, id -> get(base + "/" + id)));
      r.put(
          "PUT " + base + "/{id}",
          new OnRecord(
              entity, Action.UPDATE, id -> json(put(base + "/" + id), map("title", "Changed"))));
      r.put(
          "PUT " + base + "/{id}/status",
          new OnRecord(
              entity,
              Action.UPDATE,
              id -> json(put(base + "/" + id + "/status"), map("status", "SENT"))));
    }
    // products and sections (no owner: the whole catalog or nothing)
    r.put("GET /api/v1/products", new AnyUser(c -> get("/api/v1/products")));
    r.put(
        "GET /api/v1/products [text/csv]",
        new OnKind(
            EntityType.PRODUCT, Action.EXPORT, c -> get("/api/v1/products").accept("text/csv")));
    r.put(
        "GET /api/v1/products/export",
        new OnKind(EntityType.PRODUCT, Action.EXPORT, c -> get("/api/v1/products/export")));
    r.put(
        "GET /api/v1/products/suggestions",
        new AnyUser(c -> get("/api/v1/products/suggestions?q=Pro")));
    r.put(
        "POST /api/v1/products",
        new OnKind(
            EntityType.PRODUCT,
            Action.CREATE,
            c -> json(post("/api/v1/products"), map("name", "P", "price", 1))));
    r.put(
        "GET /api/v1/products/{id}",
        new OnRecord(EntityType.PRODUCT, Action.READ, id -> get("/api/v1/products/" + id)));
    r.put(
        "GET /api/v1/products/{id}/history",
        new OnRecord(
            EntityType.PRODUCT, Action.READ, id -> get("/api/v1/products/" + id + "/history")));
    r.put(
        "PUT /api/v1/products/{id}",
        new OnRecord(
            EntityType.PRODUCT,
            Action.UPDATE,
            id -> json(put("/api/v1/products/" + id), map("name", "Changed", "price", 2))));
    r.put(
        "DELETE /api/v1/products/{id}",
        new OnRecord(EntityType.PRODUCT, Action.DELETE, id -> delete("/api/v1/products/" + id)));
    r.put(
        "GET /api/v1/product-sections",
        new OnKind(EntityType.PRODUCT, Action.READ, c -> get("/api/v1/product-sections")));
    r.put(
        "POST /api/v1/product-sections",
        new OnKind(
            EntityType.PRODUCT,
            Action.CREATE,
            c -> json(post("/api/v1/product-sections"), map("name", "Section " + unique()))));
    r.put(
        "PUT /api/v1/product-sections/{id}",
        new OnKind(
            EntityType.PRODUCT,
            Action.UPDATE,
            c ->
                json(
                    put("/api/v1/product-sections/" + c.test().section()),
                    map("name", "Renamed " + unique()))));
    r.put(
        "DELETE /api/v1/product-sections/{id}",
        new OnKind(
            EntityType.PRODUCT,
            Action.DELETE,
            c -> delete("/api/v1/product-sections/" + c.test().section())));
    // activities and tasks follow the record they are linked to (LinkedRecordAccess): read it with
    // READ on the record, change it with UPDATE; each case's entry belongs to the record's owner
    r.put(
        "GET /api/v1/activities",
        new Listed(
            EntityType.DEAL,
            id -> {
              long owner = activityOn(id);
              return get("/api/v1/activities?sort=-id&limit=5&responsibleId=" + owner);
            }));
    r.put(
        "GET /api/v1/activities/mine",
        new Listed(
            EntityType.DEAL,
            id -> {
              long owner = activityOn(id);
              return get("/api/v1/activities/mine?limit=200&userId=" + owner);
            }));
    r.put(
        "POST /api/v1/activities",
        new OnLink(
            EntityType.DEAL,
            id ->
                json(post("/api/v1/activities"), activityBody(id, ownerOf("/api/v1/deals", id)))));
    r.put(
        "GET /api/v1/activities/{id}",
        new OnRecord(
            EntityType.DEAL, Action.READ, id -> get("/api/v1/activities/" + activityIdOn(id))));
    r.put(
        "PUT /api/v1/activities/{id}",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id ->
                json(
                    put("/api/v1/activities/" + activityIdOn(id)),
                    activityBody(id, ownerOf("/api/v1/deals", id)))));
    r.put(
        "DELETE /api/v1/activities/{id}",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id -> delete("/api/v1/activities/" + activityIdOn(id)).header("If-Match", "*")));
    r.put(
        "POST /api/v1/activities/{id}/completion",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id -> post("/api/v1/activities/" + activityIdOn(id) + "/completion")));
    r.put(
        "GET /api/v1/tasks",
        new Listed(
            EntityType.CONTACT,
            id -> {
              long owner = ownerOf("/api/v1/contacts", id);
              taskIdOn(id);
              return get("/api/v1/tasks?sort=-id&limit=5&responsibleId=" + owner);
            }));
    r.put(
        "POST /api/v1/tasks",
        new OnLink(
            EntityType.CONTACT,
            id -> json(post("/api/v1/tasks"), taskBody(id, ownerOf("/api/v1/contacts", id)))));
    r.put(
        "POST /api/v1/tasks/bulk",
        new OnLink(
            EntityType.CONTACT,
            id ->
                json(
                    post("/api/v1/tasks/bulk"),
                    map(
                        "task",
                        map(
                            "title",
                            "Bulk " + unique(),
                            "responsibleId",
                            ownerOf("/api/v1/contacts", id)),
                        "items",
                        List.of(map("type", "CONTACT", "id", id))))));
    r.put(
        "GET /api/v1/tasks/{id}",
        new OnRecord(EntityType.CONTACT, Action.READ, id -> get("/api/v1/tasks/" + taskIdOn(id))));
    r.put(
        "PUT /api/v1/tasks/{id}",
        new OnRecord(
            EntityType.CONTACT,
            Action.UPDATE,
            id ->
                json(
                    put("/api/v1/tasks/" + taskIdOn(id)),
                    taskBody(id, ownerOf("/api/v1/contacts", id)))));
    r.put(
        "DELETE /api/v1/tasks/{id}",
        new OnRecord(
            EntityType.CONTACT,
            Action.UPDATE,
            id -> delete("/api/v1/tasks/" + taskIdOn(id)).header("If-Match", "*")));
    // every record is checked inside (UPDATE); refused ones are counted in the answer, not a 403
    r.put(
        "POST /api/v1/tasks/for-records",
        new AnyUser(c -> json(post("/api/v1/tasks/for-records"), "{}")));
    r.put(
        "PUT /api/v1/tasks/{id}/status",
        new OnRecord(
            EntityType.CONTACT,
            Action.UPDATE,
            id -> json(put("/api/v1/tasks/" + taskIdOn(id) + "/status"), map("status", "DONE"))));
    r.put("GET /api/v1/me", new AnyUser(c -> get("/api/v1/me")));
    r.put("GET /api/v1/me/permissions", new AnyUser(c -> get("/api/v1/me/permissions")));
    r.put("GET /api/v1/users", new AnyUser(c -> get("/api/v1/users")));
    r.put("GET /api/v1/users/{id}", new AnyUser(c -> get("/api/v1/users/" + outsider.id())));
    r.put(
        "POST /api/v1/users",
        new AdminOnly(
            c -> json(post("/api/v1/users"), map("login", "n" + unique(), "displayName", "New"))));
    r.put(
        "PUT /api/v1/users/{id}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/users/" + outsider.id()),
                    map("login", outsider.login(), "displayName", "Outsider"))));
    r.put(
        "PUT /api/v1/users/{id}/password",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/users/" + c.test().spareUser() + "/password"),
                    map("password", "a-long-password"))));
    r.put(
        "GET /api/v1/users/{id}/roles",
        new AnyUser(c -> get("/api/v1/users/" + outsider.id() + "/roles")));
    r.put(
        "PUT /api/v1/users/{id}/roles",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/users/" + outsider.id() + "/roles"),
                    map("roles", List.of("MANAGER")))));
    r.put(
        "PUT /api/v1/users/{id}/department",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/users/" + outsider.id() + "/department"),
                    map("departmentId", supportDepartment))));
    r.put(
        "PUT /api/v1/users/{id}/presence",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/users/" + outsider.id() + "/presence"),
                    map("presence", "WORKING"))));
    r.put("GET /api/v1/departments", new AnyUser(c -> get("/api/v1/departments")));
    r.put(
        "GET /api/v1/departments/{id}",
        new AnyUser(c -> get("/api/v1/departments/" + supportDepartment)));
    r.put(
        "POST /api/v1/departments",
        new AdminOnly(c -> json(post("/api/v1/departments"), map("name", "Dept " + unique()))));
    r.put(
        "PUT /api/v1/departments/{id}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/departments/" + c.test().department()),
                    map("name", "Renamed " + unique()))));
    r.put(
        "DELETE /api/v1/departments/{id}",
        new AdminOnly(c -> delete("/api/v1/departments/" + c.test().department())));
    // assignment rules: administrators only (they decide who gets every new lead and deal)
    r.put("GET /api/v1/assignment-rules", new AdminOnly(c -> get("/api/v1/assignment-rules")));
    r.put(
        "GET /api/v1/assignment-rules/{id}",
        new AdminOnly(c -> get("/api/v1/assignment-rules/" + c.test().assignmentRule())));
    r.put(
        "POST /api/v1/assignment-rules",
        new AdminOnly(
            c ->
                json(
                    post("/api/v1/assignment-rules"),
                    map("name", "Rule " + unique(), "target", "UNASSIGNED", "active", false))));
    r.put(
        "PUT /api/v1/assignment-rules/{id}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/assignment-rules/" + c.test().assignmentRule()),
                    map("name", "Renamed " + unique(), "target", "UNASSIGNED", "active", false))));
    r.put(
        "DELETE /api/v1/assignment-rules/{id}",
        new AdminOnly(c -> delete("/api/v1/assignment-rules/" + c.test().assignmentRule())));
    r.put("GET /api/v1/roles", new AnyUser(c -> get("/api/v1/roles")));
    r.put(
        "POST /api/v1/roles",
        new AdminOnly(
            c ->
                json(
                    post("/api/v1/roles"),
                    map("code", "R" + unique().toUpperCase(), "name", "Role"))));
    r.put(
        "DELETE /api/v1/roles/{code}",
        new AdminOnly(c -> delete("/api/v1/roles/" + c.test().role())));
    r.put(
        "GET /api/v1/roles/{code}/permissions",
        new AdminOnly(c -> get("/api/v1/roles/MANAGER/permissions")));
    r.put(
        "PUT /api/v1/roles/{code}/permissions",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/roles/" + c.test().role() + "/permissions"),
                    List.of(map("entity", "LEAD", "action", "READ", "scope", "OWN")))));
    r.put(
        "GET /api/v1/roles/{code}/deal-restrictions",
        new AdminOnly(c -> get("/api/v1/roles/MANAGER/deal-restrictions")));
    r.put(
        "PUT /api/v1/roles/{code}/deal-restrictions",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/roles/" + c.test().role() + "/deal-restrictions"),
                    List.of(map("stageSemantic", "WON")))));
    // settings
    r.put("GET /api/v1/currencies", new AnyUser(c -> get("/api/v1/currencies")));
    r.put("GET /api/v1/currencies/{code}", new AnyUser(c -> get("/api/v1/currencies/EUR")));
    r.put(
        "GET /api/v1/currencies/{code}/rates",
        new AnyUser(c -> get("/api/v1/currencies/EUR/rates")));
    r.put(
        "POST /api/v1/currencies",
        new AdminOnly(
            c ->
                json(
                    post("/api/v1/currencies"),
                    map("code", "XPT", "name", "Platinum", "rate", 900))));
    r.put(
        "PUT /api/v1/currencies/{code}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/currencies/EUR"), map("code", "EUR", "name", "Euro", "rate", 1))));
    r.put(
        "POST /api/v1/currencies/{code}/base",
        new AdminOnly(c -> post("/api/v1/currencies/EUR/base")));
    r.put("GET /api/v1/custom-fields", new AnyUser(c -> get("/api/v1/custom-fields?entity=DEAL")));
    r.put(
        "GET /api/v1/custom-fields/{id}",
        new AnyUser(c -> get("/api/v1/custom-fields/" + c.test().newCustomField())));
    r.put(
        "POST /api/v1/custom-fields",
        new AdminOnly(c -> json(post("/api/v1/custom-fields"), customField("f" + unique()))));
    r.put(
        "PUT /api/v1/custom-fields/{id}",
        new AdminOnly(
            c -> {
              long id = c.test().newCustomField();
              String code = c.test().getJson("/api/v1/custom-fields/" + id).get("code").asString();
              return json(put("/api/v1/custom-fields/" + id), customField(code));
            }));
    r.put(
        "DELETE /api/v1/custom-fields/{id}",
        new AdminOnly(c -> delete("/api/v1/custom-fields/" + c.test().newCustomField())));
    r.put("GET /api/v1/pipelines", new AnyUser(c -> get("/api/v1/pipelines")));
    r.put("GET /api/v1/pipelines/{id}", new AnyUser(c -> get("/api/v1/pipelines/1")));
    r.put(
        "POST /api/v1/pipelines", new AdminOnly(c -> json(post("/api/v1/pipelines"), pipeline())));
    r.put(
        "PUT /api/v1/pipelines/{id}",
        new AdminOnly(c -> json(put("/api/v1/pipelines/" + c.test().newPipeline()), pipeline())));
    r.put(
        "DELETE /api/v1/pipelines/{id}",
        new AdminOnly(c -> delete("/api/v1/pipelines/" + c.test().newPipeline())));
    // imports: for whoever may import the kind (the rows are then checked one by one)
    r.put(
        "POST /api/v1/imports",
        new OnKind(
            EntityType.CONTACT,
            Action.IMPORT,
            c ->
                multipart("/api/v1/imports")
                    .file(new MockMultipartFile("file", "c.csv", "text/csv", contactsCsv()))
                    .param("entityType", "CONTACT")));
    for (String path : List.of("", "/preview", "/failures")) {
      r.put(
          "GET /api/v1/imports/{id}" + path,
          new OnKind(
              EntityType.CONTACT,
              Action.IMPORT,
              c -> get("/api/v1/imports/" + c.test().newImport() + path)));
    }
    r.put(
        "GET /api/v1/imports/{id}/failures.csv",
        new OnKind(
            EntityType.CONTACT,
            Action.IMPORT,
            c -> get("/api/v1/imports/" + c.test().newImport() + "/failures.csv")));
    r.put(
        "PUT /api/v1/imports/{id}/mapping",
        new OnKind(
            EntityType.CONTACT,
            Action.IMPORT,
            c ->
                json(
                    put("/api/v1/imports/" + c.test().newImport() + "/mapping"),
                    map("separator", ";"))));
    r.put(
        "POST /api/v1/imports/{id}/start",
        new OnKind(
            EntityType.CONTACT,
            Action.IMPORT,
            c -> post("/api/v1/imports/" + c.test().newImport() + "/start")));
    r.put(
        "POST /api/v1/imports/{id}/revert",
        new OnKind(
            EntityType.CONTACT,
            Action.IMPORT,
            c -> post("/api/v1/imports/" + c.test().newImport() + "/revert")));
    r.put(
        "GET /api/v1/contacts/export.vcf",
        new OnKind(EntityType.CONTACT, Action.EXPORT, c -> get("/api/v1/contacts/export.vcf")));
    // the photo is as visible as its contact (the fixture contact gets one first)
    r.put(
        "GET /api/v1/contacts/{id}/photo",
        new OnRecord(
            EntityType.CONTACT,
            Action.READ,
            id -> {
              jdbcClient
                  .sql(
                      "INSERT IGNORE INTO crm_contact_photo (contact_id, content_type, size_bytes, image,"
                          + " created_at) VALUES (:id, 'image/gif', 6, :image, NOW(6))")
                  .param("id", id)
                  .param("image", "GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                  .update();
              return get("/api/v1/contacts/" + id + "/photo");
            }));
    // web forms are a setting
    r.put("GET /api/v1/web-forms", new AdminOnly(c -> get("/api/v1/web-forms")));
    r.put("POST /api/v1/web-forms", new AdminOnly(c -> json(post("/api/v1/web-forms"), webForm())));
    r.put(
        "GET /api/v1/web-forms/{id}",
        new AdminOnly(c -> get("/api/v1/web-forms/" + c.test().newWebForm())));
    r.put(
        "PUT /api/v1/web-forms/{id}",
        new AdminOnly(c -> json(put("/api/v1/web-forms/" + c.test().newWebForm()), webForm())));
    r.put(
        "DELETE /api/v1/web-forms/{id}",
        new AdminOnly(
            c -> delete("/api/v1/web-forms/" + c.test().newWebForm()).header("If-Match", "*")));
    // the review queue of suspected spam is part of the setting
    r.put("GET /api/v1/web-forms/held", new AdminOnly(c -> get("/api/v1/web-forms/held")));
    r.put(
        "POST /api/v1/web-forms/held/{id}/accept",
        new AdminOnly(
            c -> post("/api/v1/web-forms/held/" + c.test().newHeldSubmission() + "/accept")));
    r.put(
        "DELETE /api/v1/web-forms/held/{id}",
        new AdminOnly(c -> delete("/api/v1/web-forms/held/" + c.test().newHeldSubmission())));
    // invoice PDF and mail: reading a record's PDF or mails needs READ on it; sending changes it
    // (timeline, draft -> SENT), so it needs UPDATE. The records have no address: an allowed
    // send is a 422 asking for a recipient, so the walk mails nobody.
    r.put(
        "GET /api/v1/invoices/{id}/pdf",
        new OnRecord(
            EntityType.INVOICE, Action.READ, id -> get("/api/v1/invoices/" + id + "/pdf")));
    r.put(
        "GET /api/v1/quotes/{id}/pdf",
        new OnRecord(EntityType.QUOTE, Action.READ, id -> get("/api/v1/quotes/" + id + "/pdf")));
    r.put(
        "POST /api/v1/invoices/{id}/send",
        new OnRecord(
            EntityType.INVOICE, Action.UPDATE, id -> post("/api/v1/invoices/" + id + "/send")));
    r.put(
        "GET /api/v1/mails",
        new OnRecord(
            EntityType.DEAL, Action.READ, id -> get("/api/v1/mails?itemType=DEAL&itemId=" + id)));
    r.put(
        "POST /api/v1/mails",
        new OnRecord(
            EntityType.DEAL,
            Action.UPDATE,
            id ->
                json(
                    post("/api/v1/mails"),
                    map(
                        "template",
                        "deal.delivery-confirmed",
                        "entityType",
                        "DEAL",
                        "entityId",
                        id))));
    // group mailings: reading the recipients is the right to mail them; a filter matches within
    // the caller's scope (here nothing, a 422), a picked record he may not read is a 404
    r.put("GET /api/v1/mailings", new AnyUser(c -> get("/api/v1/mailings")));
    r.put("GET /api/v1/mailings/{id}", new AnyUser(c -> get("/api/v1/mailings/0")));
    r.put(
        "POST /api/v1/mailings",
        new OnRecord(
            EntityType.CONTACT,
            Action.READ,
            id ->
                json(
                    post("/api/v1/mailings"),
                    map(
                        "entityType",
                        "CONTACT",
                        "template",
                        "deal.delivery-confirmed",
                        "ids",
                        List.of(id)))));
    // mail templates: settings every user reads and only administrators change
    r.put("GET /api/v1/mail-templates", new AnyUser(c -> get("/api/v1/mail-templates")));
    r.put(
        "GET /api/v1/mail-templates/{id}",
        new AnyUser(c -> get("/api/v1/mail-templates/" + c.test().mailTemplate())));
    r.put(
        "POST /api/v1/mail-templates",
        new AdminOnly(
            c -> json(post("/api/v1/mail-templates"), mailTemplate("custom." + unique()))));
    r.put(
        "PUT /api/v1/mail-templates/{id}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/mail-templates/" + c.test().mailTemplate()),
                    mailTemplate("custom." + unique()))));
    r.put(
        "DELETE /api/v1/mail-templates/{id}",
        new AdminOnly(
            c ->
                delete("/api/v1/mail-templates/" + c.test().mailTemplate())
                    .header("If-Match", "*")));
    // notifications: every signed-in user, and only ever his own (NotificationApiTests)
    r.put("GET /api/v1/notifications", new AnyUser(c -> get("/api/v1/notifications")));
    r.put(
        "GET /api/v1/notifications/unread-count",
        new AnyUser(c -> get("/api/v1/notifications/unread-count")));
    r.put(
        "GET /api/v1/notifications/stream", new AnyUser(c -> get("/api/v1/notifications/stream")));
    // saved list views: everyone keeps his own and reads the shared ones; only administrators
    // change a shared one (ListViewApiTests covers private views of others)
    r.put("GET /api/v1/list-views", new AnyUser(c -> get("/api/v1/list-views?list=LEADS")));
    r.put(
        "POST /api/v1/list-views",
        new AnyUser(
            c ->
                json(
                    post("/api/v1/list-views"),
                    map(
                        "list",
                        "LEADS",
                        "name",
                        "View " + unique(),
                        "columns",
                        List.of("title")))));
    r.put(
        "GET /api/v1/list-views/{id}",
        new AnyUser(c -> get("/api/v1/list-views/" + c.test().sharedView())));
    r.put(
        "PUT /api/v1/list-views/{id}",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/list-views/" + c.test().sharedView()),
                    map(
                        "list",
                        "LEADS",
                        "name",
                        "Shared " + unique(),
                        "columns",
                        List.of("title"),
                        "shared",
                        true))));
    r.put(
        "DELETE /api/v1/list-views/{id}",
        new AdminOnly(c -> delete("/api/v1/list-views/" + c.test().sharedView())));
    r.put("POST /api/v1/notifications/read", new AnyUser(c -> post("/api/v1/notifications/read")));
    r.put(
        "POST /api/v1/notifications/{id}/read",
        new AnyUser(c -> post("/api/v1/notifications/0/read")));
    // API tokens: everyone manages his own (ApiTokenApiTests covers others' and ?all=true)
    r.put("GET /api/v1/api-tokens", new AnyUser(c -> get("/api/v1/api-tokens")));
    r.put(
        "POST /api/v1/api-tokens",
        new AnyUser(c -> json(post("/api/v1/api-tokens"), map("name", "Matrix " + unique()))));
    r.put(
        "DELETE /api/v1/api-tokens/{id}",
        new AnyUser(c -> delete("/api/v1/api-tokens/" + c.test().apiToken(c.caller()))));
    // webhooks are a setting
    r.put("GET /api/v1/webhooks", new AdminOnly(c -> get("/api/v1/webhooks")));
    r.put("POST /api/v1/webhooks", new AdminOnly(c -> json(post("/api/v1/webhooks"), webhook())));
    r.put(
        "GET /api/v1/webhooks/{id}",
        new AdminOnly(c -> get("/api/v1/webhooks/" + c.test().newWebhook())));
    r.put(
        "PUT /api/v1/webhooks/{id}",
        new AdminOnly(c -> json(put("/api/v1/webhooks/" + c.test().newWebhook()), webhook())));
    r.put(
        "DELETE /api/v1/webhooks/{id}",
        new AdminOnly(c -> delete("/api/v1/webhooks/" + c.test().newWebhook())));
    r.put(
        "GET /api/v1/webhooks/{id}/deliveries",
        new AdminOnly(c -> get("/api/v1/webhooks/" + c.test().newWebhook() + "/deliveries")));
    r.put(
        "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redelivery",
        new AdminOnly(
            c -> {
              long webhook = c.test().newWebhook();
              return post(
                  "/api/v1/webhooks/"
                      + webhook
                      + "/deliveries/"
                      + c.test().failedDelivery(webhook)
                      + "/redelivery");
            }));
    // incoming mail: the poller's status, poll now and the exclusion list are a setting; the
    // attachments of a mail are read like the timeline entry they belong to
    r.put(
        "GET /api/v1/mail/inbound/status", new AdminOnly(c -> get("/api/v1/mail/inbound/status")));
    r.put("POST /api/v1/mail/inbound/poll", new AdminOnly(c -> post("/api/v1/mail/inbound/poll")));
    r.put(
        "GET /api/v1/mail/inbound/exclusions",
        new AdminOnly(c -> get("/api/v1/mail/inbound/exclusions")));
    r.put(
        "PUT /api/v1/mail/inbound/exclusions",
        new AdminOnly(
            c ->
                json(
                    put("/api/v1/mail/inbound/exclusions"),
                    map("patterns", List.of("matrix.invalid")))));
    r.put(
        "GET /api/v1/mail/inbound/attachments",
        new AnyUser(c -> get("/api/v1/mail/inbound/attachments?activityId=0")));
    r.put(
        "GET /api/v1/mail/inbound/attachments/{id}",
        new AnyUser(c -> get("/api/v1/mail/inbound/attachments/0")));
    return r;
  }

  static Map<String, Object> storeOrder(String orderId) {
    return map(
        "storeCode",
        "pm",
        "orderId",
        orderId,
        "customer",
        map("name", "Store Buyer", "email", orderId + "@example.com"),
        "rows",
        List.of(map("name", "Item", "quantity", 1, "unitPrice", 10)));
  }

  /** An order of the store "pm", taken in by the fixture administrator; returns its order id. */
  String newStoreOrder() throws Exception {
    String orderId = "pm-" + unique();
    adminCreate("/api/v1/store-orders", storeOrder(orderId));
    return orderId;
  }

  /** An inactive subscription, so the walk's changes send nothing anywhere. */
  static Map<String, Object> webhook() {
    return map(
        "url",
        "http://127.0.0.1:9/matrix",
        "events",
        List.of("lead.created"),
        "secret",
        "matrix-secret-0123456789",
        "active",
        false);
  }

  long newWebhook() throws Exception {
    return adminCreate("/api/v1/webhooks", webhook());
  }

  /** A failed delivery in the log of an (inactive) subscription, as the dispatcher leaves one. */
  long failedDelivery(long webhook) {
    return jdbcClient
        .sql(
            "INSERT INTO crm_webhook_delivery (webhook_id, delivery_id, event_id, event,"
                + " entity_type, entity_id, occurred_at, status, attempts)"
                + " VALUES (:webhook, UUID(), UUID(), 'lead.created', 'LEAD', 1, NOW(6), 'FAILED', 8)"
                + " RETURNING id")
        .param("webhook", webhook)
        .query(Long.class)
        .single();
  }

  /** A fresh API token of {@code owner}'s, to revoke. */
  long apiToken(TestUser owner) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/api-tokens")
                    .with(as(owner))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(map("name", "Matrix " + unique()))))
            .andReturn();
    assertThat(result.getResponse().getStatus()).as("fixture api token").isEqualTo(201);
    return read(result).get("token").get("id").asLong();
  }

  static Map<String, Object> mailTemplate(String code) {
    return map("code", code, "name", "Template " + code, "subject", "Hi", "body", "<p>Hi</p>");
  }

  /** A fresh template of the administrator's, to read, change or delete. */
  long mailTemplate() throws Exception {
    return adminCreate("/api/v1/mail-templates", mailTemplate("custom." + unique()));
  }

  static Map<String, Object> pipeline() {
    return map(
        "name",
        "Pipe",
        "sortOrder",
        900,
        "stages",
        List.of(
            map("code", "OPENED", "name", "Opened", "semantic", "OPEN"),
            map("code", "WON", "name", "Won", "semantic", "WON"),
            map("code", "LOST", "name", "Lost", "semantic", "LOST")));
  }

  long sharedView() throws Exception {
    return adminCreate(
        "/api/v1/list-views",
        map(
            "list",
            "LEADS",
            "name",
            "Shared " + unique(),
            "columns",
            List.of("title"),
            "shared",
            true));
  }

  long section() throws Exception {
    return adminCreate("/api/v1/product-sections", map("name", "Section " + unique()));
  }

  long department() throws Exception {
    return adminCreate("/api/v1/departments", map("name", "Dept " + unique()));
  }

  /** An inactive rule, so the fixtures never change who gets other tests' leads. */
  long assignmentRule() throws Exception {
    return adminCreate(
        "/api/v1/assignment-rules",
        map("name", "Rule " + unique(), "target", "UNASSIGNED", "active", false));
  }

  static Map<String, Object> reportDefinitionBody() {
    return map(
        "name",
        "Definition " + unique(),
        "entity",
        "deals",
        "columns",
        List.of(map("field", "stage"), map("aggregate", "COUNT")),
        "groupBy",
        List.of(map("field", "stage")));
  }

  /** A report definition of {@code owner}'s own (creating one needs only REPORT READ). */
  long reportDefinition(TestUser owner) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/report-definitions")
                    .with(as(owner))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(reportDefinitionBody())))
            .andReturn();
    assertThat(result.getResponse().getStatus()).as("fixture report definition").isEqualTo(201);
    return read(result).get("id").asLong();
  }

  String role() throws Exception {
    String code = "R" + unique().toUpperCase();
    adminCreate("/api/v1/roles", map("code", code, "name", "Role " + code));
    return code;
  }

  long spareUser() throws Exception {
    return adminCreate("/api/v1/users", map("login", "s" + unique(), "displayName", "Spare"));
  }

  long newCustomField() throws Exception {
    return adminCreate("/api/v1/custom-fields", customField("f" + unique()));
  }

  static Map<String, Object> customField(String code) {
    return map("entity", "DEAL", "code", code, "label", "Budget", "type", "NUMBER");
  }

  long newPipeline() throws Exception {
    return adminCreate("/api/v1/pipelines", pipeline());
  }

  static byte[] contactsCsv() {
    return "firstName;lastName;email\nAnna;Nowak;anna.%s@example.com\n"
        .formatted(unique())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** An uploaded contact import of the fixture administrator. */
  long newImport() throws Exception {
    var result =
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(new MockMultipartFile("file", "c.csv", "text/csv", contactsCsv()))
                    .param("entityType", "CONTACT")
                    .with(as(fixtureAdmin)))
            .andReturn();
    assertThat(result.getResponse().getStatus()).as("fixture import").isEqualTo(201);
    return read(result).get("id").asLong();
  }

  static Map<String, Object> webForm() {
    return map(
        "name",
        "Form " + unique(),
        "fields",
        List.of(map("field", "EMAIL", "label", "E-mail", "required", true)));
  }

  long newWebForm() throws Exception {
    return adminCreate("/api/v1/web-forms", webForm());
  }

  private static final java.util.concurrent.atomic.AtomicInteger HELD_FROM =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A submission held for review: sent without the form's page to a form that holds spam. */
  long newHeldSubmission() throws Exception {
    Map<String, Object> form = webForm();
    form.put("holdSuspectedSpam", true);
    long formId = adminCreate("/api/v1/web-forms", form);
    String token =
        read(mvc.perform(get("/api/v1/web-forms/" + formId).with(as(fixtureAdmin))).andReturn())
            .get("publicToken")
            .asString();
    int n = HELD_FROM.incrementAndGet();
    mvc.perform(
            post("/public/forms/" + token)
                .with(
                    request -> {
                      request.setRemoteAddr("10.99." + (n / 250) + "." + (n % 250 + 1));
                      return request;
                    })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("email", "held" + n + "@mailinator.com"))
        .andReturn();
    JsonNode held =
        read(
            mvc.perform(get("/api/v1/web-forms/held?formId=" + formId).with(as(fixtureAdmin)))
                .andReturn());
    assertThat(held.size()).as("held fixture").isEqualTo(1);
    return held.get(0).get("id").asLong();
  }

  // ---- the walk

  static Set<String> endpoints(RequestMappingHandlerMapping mappings) {
    Set<String> keys = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<String> produces = new TreeSet<>();
      info.getProducesCondition()
          .getProducibleMediaTypes()
          .forEach(m -> produces.add(m.toString()));
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/public/")) {
          continue;
        }
        for (var method : info.getMethodsCondition().getMethods()) {
          keys.add(
              method.name() + " " + pattern + (produces.contains("text/csv") ? " [text/csv]" : ""));
        }
      }
    }
    return keys;
  }

  @Test
  void everyEndpointHasARule() throws Exception {
    world();
    Set<String> mapped = endpoints(mappings);
    Set<String> withoutRule = new TreeSet<>(mapped);
    withoutRule.removeAll(rules().keySet());
    assertThat(withoutRule).as("endpoints without a permission rule in this test").isEmpty();
    Set<String> stale = new TreeSet<>(rules().keySet());
    stale.removeAll(mapped);
    assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();
    assertThat(mapped).hasSizeGreaterThan(80);
  }

  @Test
  void everyEndpointAllowsOrRefusesEachDefaultRoleAsTheMatrixSays() throws Exception {
    world();
    List<String> failures = new ArrayList<>();
    outcomes.clear();
    int cases = 0;
    for (Map.Entry<String, Rule> entry : rules().entrySet()) {
      for (Role role : Role.values()) {
        TestUser caller = callers.get(role);
        Rule rule = entry.getValue();
        if (rule instanceof OnRecord onRecord) {
          for (Relation relation : Relation.values()) {
            long owner = owner(role, relation);
            long id = record(onRecord.entity(), owner);
            boolean readable =
                covers(
                    expectedScope(role, onRecord.entity(), Action.READ),
                    onRecord.entity(),
                    relation);
            boolean allowed =
                covers(
                    expectedScope(role, onRecord.entity(), onRecord.action()),
                    onRecord.entity(),
                    relation);
            int expected = !readable ? 404 : allowed ? 0 : 403;
            cases++;
            check(
                entry.getKey(),
                role + "/" + relation,
                onRecord.request().apply(id),
                caller,
                expected,
                failures);
          }
        } else if (rule instanceof OnLink onLink) {
          for (Relation relation : Relation.values()) {
            long id = record(onLink.entity(), owner(role, relation));
            boolean readable =
                covers(
                    expectedScope(role, onLink.entity(), Action.READ), onLink.entity(), relation);
            boolean allowed =
                covers(
                    expectedScope(role, onLink.entity(), Action.UPDATE), onLink.entity(), relation);
            cases++;
            check(
                entry.getKey(),
                role + "/" + relation,
                onLink.request().apply(id),
                caller,
                !readable ? 422 : allowed ? 0 : 403,
                failures);
          }
        } else if (rule instanceof Listed listed) {
          for (Relation relation : Relation.values()) {
            long id = record(listed.entity(), owner(role, relation));
            boolean readable =
                covers(
                    expectedScope(role, listed.entity(), Action.READ), listed.entity(), relation);
            cases++;
            outcomes.merge(readable ? 0 : 404, 1, Integer::sum);
            var response =
                mvc.perform(listed.request().apply(id).with(as(caller))).andReturn().getResponse();
            boolean listedIt = false;
            if (response.getStatus() == 200) {
              for (JsonNode item : MAPPER.readTree(response.getContentAsString()).get("items")) {
                for (JsonNode link : item.get("links")) {
                  listedIt |= link.get("id").asLong() == id;
                }
              }
            }
            if (response.getStatus() != 200 || listedIt != readable) {
              failures.add(
                  entry.getKey()
                      + " as "
                      + role
                      + "/"
                      + relation
                      + ": "
                      + response.getStatus()
                      + (readable ? " without" : " with")
                      + " the entry of the record");
            }
          }
        } else {
          Ctx ctx = new Ctx(caller, caller.id(), this);
          int expected;
          AbstractMockHttpServletRequestBuilder<?> request;
          if (rule instanceof OnKind k) {
            expected = expectedScope(role, k.entity(), k.action()) == Scope.NONE ? 403 : 0;
            request = k.request().apply(ctx);
          } else if (rule instanceof AdminOnly a) {
            expected = role == Role.ADMINISTRATOR ? 0 : 403;
            request = a.request().apply(ctx);
          } else {
            expected = ANY;
            request = ((AnyUser) rule).request().apply(ctx);
          }
          cases++;
          check(entry.getKey(), role.name(), request, caller, expected, failures);
        }
      }
    }
    assertThat(failures).as("of " + cases + " cases").isEmpty();
    assertThat(cases).isGreaterThan(400);
    // The walk is only worth something if it saw every outcome many times.
    assertThat(outcomes.getOrDefault(0, 0)).as("allowed cases").isGreaterThan(100);
    assertThat(outcomes.getOrDefault(403, 0)).as("403 cases").isGreaterThan(50);
    assertThat(outcomes.getOrDefault(404, 0)).as("404 cases").isGreaterThan(50);
  }

  /**
   * Signed in is enough: anything but 401 and 403 (404 for a made-up id, 400 for an empty body).
   */
  private static final int ANY = -1;

  /** How many cases expected each outcome (0 = allowed, 403, 404, -1 = any signed-in user). */
  private final Map<Integer, Integer> outcomes = new HashMap<>();

  /**
   * Expected 0 means allowed: anything but 401, 403 and 404 (a 400/409/422 is the record's state).
   */
  private void check(
      String endpoint,
      String who,
      AbstractMockHttpServletRequestBuilder<?> request,
      TestUser caller,
      int expected,
      List<String> failures)
      throws Exception {
    outcomes.merge(expected, 1, Integer::sum);
    var response = mvc.perform(request.with(as(caller))).andReturn().getResponse();
    int status = response.getStatus();
    boolean ok =
        expected == ANY
            ? status != 401 && status != 403 && status < 500
            : expected == 0
                ? status != 401 && status != 403 && status != 404 && status < 500
                : status == expected;
    if (!ok) {
      failures.add(
          endpoint
              + " as "
              + who
              + ": expected "
              + (expected == 0 ? "allowed" : expected)
              + " but was "
              + status
              + " "
              + response.getContentAsString());
    }
  }
}
