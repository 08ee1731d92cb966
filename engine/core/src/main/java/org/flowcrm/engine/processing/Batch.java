package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.store.EngineStore;

/**
 * What the commands of one batch changed, and whom to answer once it is committed. Nothing is
 * answered before the commit: an answer is a promise that the change is durable.
 */
final class Batch {

  final Map<Long, ProcessInstance> changed = new LinkedHashMap<>();
  final Map<Long, Finished> finished = new LinkedHashMap<>();
  final List<EngineStore.StoredDefinition> newDefinitions = new ArrayList<>();
  final List<EngineStore.StoredForm> newForms = new ArrayList<>();

  /** User tasks created, changed or finished in this batch (one row each in the history). */
  final Map<Long, org.flowcrm.engine.state.UserTask> userTasks = new LinkedHashMap<>();

  private final List<Answer<?>> answers = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();

  /** Job types that got an activatable job in this batch: waiting workers may be served. */
  final java.util.Set<String> activatableTypes = new java.util.LinkedHashSet<>();

  /**
   * Element instances that ended (COMPLETED or TERMINATED) in this batch: one history row each,
   * inserted in the batch's transaction.
   */
  final List<EndedElement> endedElements = new ArrayList<>();

  /** An element instance that left its process instance, and how. */
  record EndedElement(ProcessInstance instance, ElementInstance element, String state, long at) {}

  void elementEnded(ProcessInstance instance, ElementInstance element, String state, long at) {
    endedElements.add(new EndedElement(instance, element, state, at));
  }

  /** A process instance that completed or was terminated in this batch. */
  record Finished(ProcessInstance instance, String state, Map<String, Object> variables, long at) {}

  private record Answer<T>(
      CompletableFuture<T> future, T value, Throwable error, Runnable ifRefused) {}

  void changed(ProcessInstance instance) {
    changed.put(instance.key, instance);
  }

  /** Timer start events scheduled or moved (upserted) and removed in this batch. */
  final Map<Long, org.flowcrm.engine.state.Timer> startTimers = new LinkedHashMap<>();

  final java.util.Set<Long> removedStartTimers = new java.util.LinkedHashSet<>();

  /** Buffered messages added or changed, and removed, in this batch. */
  final Map<Long, org.flowcrm.engine.state.Message> messages = new LinkedHashMap<>();

  final java.util.Set<Long> removedMessages = new java.util.LinkedHashSet<>();

  /** Subscriptions opened in this batch: buffered messages may correlate to them. */
  final List<org.flowcrm.engine.state.MessageSubscription> openedSubscriptions = new ArrayList<>();

  void userTaskChanged(org.flowcrm.engine.state.UserTask task) {
    userTasks.put(task.key, task);
  }

  <T> void answer(CompletableFuture<T> future, T value) {
    answers.add(new Answer<>(future, value, null, null));
  }

  /**
   * An answer the caller may no longer want (a cancelled long poll): then run {@code ifRefused}.
   */
  <T> void answer(CompletableFuture<T> future, T value, Runnable ifRefused) {
    answers.add(new Answer<>(future, value, null, ifRefused));
  }

  void reject(CompletableFuture<?> future, Throwable error) {
    answers.add(new Answer<>(future, null, error, null));
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  boolean isEmpty() {
    return changed.isEmpty()
        && finished.isEmpty()
        && newDefinitions.isEmpty()
        && newForms.isEmpty()
        && userTasks.isEmpty()
        && endedElements.isEmpty()
        && startTimers.isEmpty()
        && messages.isEmpty()
        && removedMessages.isEmpty()
        && removedStartTimers.isEmpty();
  }

  /** The batch is durable: answer everyone. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void committed() {
    for (Answer answer : answers) {
      if (answer.error() != null) {
        answer.future().completeExceptionally(answer.error());
      } else if (!answer.future().complete(answer.value()) && answer.ifRefused() != null) {
        answer.ifRefused().run();
      }
    }
    afterCommit.forEach(Runnable::run);
  }

  /** The batch was not stored: every command of it fails, rejections keep their reason. */
  void failed(Throwable cause) {
    for (Answer<?> answer : answers) {
      answer.future().completeExceptionally(answer.error() != null ? answer.error() : cause);
    }
  }
}
