package org.flowcrm.ui.task;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Process user tasks through the official Camunda client, whichever engine it points at (the
 * embedded one or a Camunda 8 cluster). Without a {@link CamundaClient} bean the inbox shows CRM
 * tasks only ({@link #available()} is false).
 *
 * <p>Requests the engine does not support answer 404 "No endpoint" (the embedded engine has no
 * variable search and no form endpoint yet); those come back as an empty {@link Optional} so the
 * caller can fall back, while every other refusal is a {@link Refused} with the engine's words.
 */
@Component
class ProcessTasks {

  /** The inbox's filters of process tasks. */
  enum Filter {
    MINE,
    GROUPS,
    DUE
  }

  static final int LIMIT = 50;

  private final ObjectProvider<CamundaClient> clients;

  ProcessTasks(ObjectProvider<CamundaClient> clients) {
    this.clients = clients;
  }

  boolean available() {
    return clients.getIfAvailable() != null;
  }

  /**
   * Open tasks: assigned to {@code login} (mine), offered to one of {@code groups} (my groups), or
   * either of those with a due date, earliest first (due; the engine does not filter by due date,
   * so the two searches are merged here).
   */
  List<UserTask> search(Filter filter, String login, Collection<String> groups) {
    CamundaClient client = client();
    Map<Long, UserTask> found = new LinkedHashMap<>();
    if (filter != Filter.GROUPS) {
      searchInto(found, client, f -> f.assignee(login));
    }
    if (filter != Filter.MINE) {
      for (String group : groups) {
        searchInto(found, client, f -> f.candidateGroup(group));
      }
    }
    List<UserTask> tasks = new ArrayList<>(found.values());
    if (filter == Filter.DUE) {
      tasks.removeIf(t -> t.getDueDate() == null);
      tasks.sort(Comparator.comparing(UserTask::getDueDate));
    } else {
      tasks.sort(Comparator.comparing(UserTask::getCreationDate).reversed());
    }
    return tasks.size() > LIMIT ? tasks.subList(0, LIMIT) : tasks;
  }

  private static void searchInto(
      Map<Long, UserTask> found,
      CamundaClient client,
      java.util.function.Consumer<io.camunda.client.api.search.filter.UserTaskFilter> by) {
    List<UserTask> items =
        call(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f -> {
                          f.state(UserTaskState.CREATED);
                          by.accept(f);
                        })
                    .sort(s -> s.creationDate().desc())
                    .page(p -> p.from(0).limit(LIMIT))
                    .send()
                    .join()
                    .items());
    items.forEach(t -> found.putIfAbsent(t.getUserTaskKey(), t));
  }

  /** The task, open or completed; empty when the engine does not know it. */
  Optional<UserTask> get(long userTaskKey) {
    try {
      return Optional.of(call(() -> client().newUserTaskGetRequest(userTaskKey).send().join()));
    } catch (Refused refused) {
      if (refused.status == 404) {
        return Optional.empty();
      }
      throw refused;
    }
  }

  /** Assigns the task to {@code login}; a task someone else holds is refused (no override). */
  void claim(long userTaskKey, String login) {
    call(
        () ->
            client()
                .newAssignUserTaskCommand(userTaskKey)
                .assignee(login)
                .allowOverride(false)
                .send()
                .join());
  }

  void unclaim(long userTaskKey) {
    call(() -> client().newUnassignUserTaskCommand(userTaskKey).send().join());
  }

  void complete(long userTaskKey, Map<String, Object> variables) {
    call(() -> client().newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join());
  }

  /**
   * The task's form schema from the engine ({@code GET /v2/user-tasks/{key}/form}); empty when the
   * engine does not serve forms.
   */
  Optional<String> form(long userTaskKey) {
    return unsupportedAsEmpty(
        () -> client().newUserTaskGetFormRequest(userTaskKey).send().join().getSchema());
  }

  /**
   * The variables the task sees (name → JSON value), through the user task's variable search
   * ({@code POST /v2/user-tasks/{key}/variables/search}): its own scope and every enclosing one. A
   * name set in two scopes comes back once per scope; outer scopes are older and have smaller keys,
   * so sorting by scope key lets the innermost value win, as the task sees it. Empty when the
   * engine cannot search variables.
   */
  Optional<Map<String, String>> variables(long userTaskKey) {
    return unsupportedAsEmpty(
        () -> {
          Map<String, String> values = new LinkedHashMap<>();
          for (Variable v :
              client()
                  .newUserTaskVariableSearchRequest(userTaskKey)
                  .sort(s -> s.scopeKey().asc())
                  .page(p -> p.from(0).limit(100))
                  .send()
                  .join()
                  .items()) {
            values.put(v.getName(), v.getValue());
          }
          return values;
        });
  }

  private static <T> Optional<T> unsupportedAsEmpty(java.util.function.Supplier<T> request) {
    try {
      return Optional.ofNullable(call(request::get));
    } catch (Refused refused) {
      if (refused.unsupported()) {
        return Optional.empty();
      }
      throw refused;
    }
  }

  private CamundaClient client() {
    CamundaClient client = clients.getIfAvailable();
    if (client == null) {
      throw new Refused(503, "No process engine is connected.");
    }
    return client;
  }

  private static <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (CompletionException e) {
      throw refused(e.getCause() == null ? e : e.getCause());
    } catch (ClientException e) {
      throw refused(e);
    }
  }

  private static Refused refused(Throwable e) {
    if (e instanceof ProblemException problem) {
      String detail =
          problem.details() != null && problem.details().getDetail() != null
              ? problem.details().getDetail()
              : problem.getMessage();
      return new Refused(problem.code(), detail);
    }
    if (e instanceof RuntimeException && e.getCause() instanceof ProblemException problem) {
      return refused(problem);
    }
    return new Refused(503, "The process engine could not be reached: " + e.getMessage());
  }

  /** The engine refused or could not be reached; the message is the engine's own. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    /**
     * The engine lacks the request: a 404 for the endpoint itself (not for a record) or a 405 for a
     * path it only knows with another method.
     */
    boolean unsupported() {
      return status == 405
          || (status == 404 && getMessage() != null && getMessage().startsWith("No endpoint"));
    }
  }
}
