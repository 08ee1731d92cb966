package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.api.Variable;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.state.StateJson;
import org.flowcrm.engine.store.EngineStore;

/**
 * Searches variables: every scope of the running instances (on the processing thread), then the
 * final variables of the finished instances a {@code processInstanceKey} filter names (from the
 * store's history, on the caller's thread). Finished instances are not scanned otherwise: the
 * history keeps one document per instance, not a row per variable.
 */
final class VariableSearch {

  private static final Set<String> FILTERS =
      Set.of("processInstanceKey", "scopeKey", "name", "variableKey", "value", "tenantId");

  private static final Map<String, Function<Variable, Comparable<?>>> SORTS =
      Map.of(
          "variableKey", Variable::key,
          "name", Variable::name,
          "value", Variable::value,
          "scopeKey", Variable::scopeKey,
          "processInstanceKey", Variable::processInstanceKey,
          "tenantId", Variable::tenantId);

  /** What a user task's variable search filters by (Camunda's {@code UserTaskVariableFilter}). */
  private static final Set<String> USER_TASK_FILTERS = Set.of("name");

  /** Running matches, and the instance keys the filter named that are not running. */
  record Running(List<Variable> matches, List<Long> notRunning) {}

  private VariableSearch() {}

  static Running running(EngineState state, SearchQuery q) {
    Searches.check(q, "variables", FILTERS, SORTS.keySet());
    Searches.keys(q, "scopeKey");
    Searches.keys(q, "variableKey");
    List<Long> byInstance = Searches.keys(q, "processInstanceKey");
    List<Variable> matches = new ArrayList<>();
    List<Long> notRunning = new ArrayList<>();
    if (byInstance != null) {
      for (long key : new LinkedHashSet<>(byInstance)) {
        ProcessInstance instance = state.instance(key);
        if (instance == null) {
          notRunning.add(key);
        } else {
          collect(instance, q, matches);
        }
      }
    } else {
      for (ProcessInstance instance : state.instances()) {
        collect(instance, q, matches);
      }
    }
    return new Running(matches, notRunning);
  }

  /** Refuses filters and sorts a user task's variable search does not know, before it runs. */
  static void checkUserTask(SearchQuery q) {
    Searches.check(q, "user task variables", USER_TASK_FILTERS, SORTS.keySet());
  }

  /**
   * On the processing thread: the variables visible from a user task, one result per scope and name
   * (a name in two scopes is two results, as in Camunda). An open task sees its own element
   * instance's scope and every enclosing one up to its process instance. A finished task's element
   * instance is gone: it sees its process instance's scope while that runs; the finished instance's
   * final variables are left to {@link #complete} through {@link Running#notRunning()}.
   *
   * @param elementInstanceKey the open task's element instance, or 0 for a finished task
   */
  static Running userTask(
      EngineState state, long processInstanceKey, long elementInstanceKey, SearchQuery q) {
    ProcessInstance instance = state.instance(processInstanceKey);
    if (instance == null) {
      return new Running(List.of(), List.of(processInstanceKey));
    }
    List<Variable> matches = new ArrayList<>();
    ElementInstance scope =
        elementInstanceKey > 0 ? instance.elements.get(elementInstanceKey) : instance.root();
    if (scope == null) {
      scope = instance.root();
    }
    while (scope != null) {
      for (Variable v : variables(scope.key, instance.key, instance.tenantId, scope.variables)) {
        if (matches(q, v)) {
          matches.add(v);
        }
      }
      scope = scope.flowScopeKey < 0 ? null : instance.elements.get(scope.flowScopeKey);
    }
    return new Running(matches, List.of());
  }

  static SearchResult<Variable> complete(Running running, EngineStore store, SearchQuery q) {
    List<Variable> matches = new ArrayList<>(running.matches());
    for (long key : running.notRunning()) {
      store
          .findFinished(key)
          .ifPresent(
              f -> {
                for (Variable v :
                    variables(f.key(), f.key(), f.tenantId(), readVariables(f.variables()))) {
                  if (matches(q, v)) {
                    matches.add(v);
                  }
                }
              });
    }
    return Searches.page(matches, q, SORTS, Variable::key);
  }

  /** On the processing thread: a variable of a running instance's scope, or null. */
  static Variable find(EngineState state, long variableKey) {
    long scopeKey = VariableKeys.scopeKey(variableKey);
    ProcessInstance instance = state.instanceOfElement(scopeKey);
    if (instance == null) {
      return null;
    }
    ElementInstance scope = instance.elements.get(scopeKey);
    return scope == null
        ? null
        : byKey(variables(scopeKey, instance.key, instance.tenantId, scope.variables), variableKey);
  }

  /** On the caller's thread: a final variable of a finished instance, or null. */
  static Variable findFinished(EngineStore store, long variableKey) {
    long scopeKey = VariableKeys.scopeKey(variableKey);
    return store
        .findFinished(scopeKey)
        .map(
            f ->
                byKey(
                    variables(f.key(), f.key(), f.tenantId(), readVariables(f.variables())),
                    variableKey))
        .orElse(null);
  }

  private static Variable byKey(List<Variable> variables, long variableKey) {
    for (Variable v : variables) {
      if (v.key() == variableKey) {
        return v;
      }
    }
    return null;
  }

  private static void collect(ProcessInstance instance, SearchQuery q, List<Variable> matches) {
    for (ElementInstance scope : instance.elements.values()) {
      if (!Searches.matches(q, "scopeKey", scope.key) || scope.variables.isEmpty()) {
        continue;
      }
      for (Variable v : variables(scope.key, instance.key, instance.tenantId, scope.variables)) {
        if (matches(q, v)) {
          matches.add(v);
        }
      }
    }
  }

  private static List<Variable> variables(
      long scopeKey, long processInstanceKey, String tenantId, Map<String, Object> values) {
    List<Variable> result = new ArrayList<>(values.size());
    for (Map.Entry<String, Object> e : values.entrySet()) {
      result.add(
          new Variable(
              VariableKeys.of(scopeKey, e.getKey()),
              e.getKey(),
              new String(
                  StateJson.writeVariables(e.getValue()), java.nio.charset.StandardCharsets.UTF_8),
              scopeKey,
              processInstanceKey,
              tenantId));
    }
    return result;
  }

  private static Map<String, Object> readVariables(byte[] json) {
    return json == null ? Map.of() : StateJson.readVariables(json);
  }

  private static boolean matches(SearchQuery q, Variable v) {
    return Searches.matches(q, "processInstanceKey", v.processInstanceKey())
        && Searches.matches(q, "scopeKey", v.scopeKey())
        && Searches.matches(q, "name", v.name())
        && Searches.matches(q, "variableKey", v.key())
        && Searches.matches(q, "value", v.value())
        && Searches.matches(q, "tenantId", v.tenantId());
  }
}
