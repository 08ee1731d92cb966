package org.flowcrm.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * All hot state of the engine, owned by the processing thread: deployed processes, running
 * instances, and the indexes rebuilt from them (jobs, incidents, element instances, activatable
 * jobs by type, due deadlines).
 */
public final class EngineState {

  /** Partition 1's keys: the partition id sits in the bits from 51 up, as in Zeebe. */
  public static final long KEY_BASE = 1L << 51;

  private final Map<Long, DeployedProcess> definitions = new HashMap<>();
  private final Map<String, DeployedProcess> latestByProcessId = new HashMap<>();
  private final Map<Long, ProcessInstance> instances = new HashMap<>();
  private final Map<Long, Job> jobs = new HashMap<>();
  private final Map<Long, Incident> incidents = new HashMap<>();
  private final Map<Long, ProcessInstance> instanceOfElement = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatableByType = new HashMap<>();
  private final PriorityQueue<long[]> deadlines =
      new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
  private final Map<Long, UserTask> openUserTasks = new HashMap<>();

  /** Finished user tasks, newest last, bounded: older ones are only in the store. */
  private final java.util.LinkedHashMap<Long, UserTask> finishedUserTasks =
      new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, UserTask> eldest) {
          return size() > MAX_FINISHED_USER_TASKS;
        }
      };

  /** How many finished user tasks are kept in memory for search. */
  public static final int MAX_FINISHED_USER_TASKS = 10_000;

  private final Map<Long, Timer> timers = new HashMap<>();
  private final Map<Long, Timer> startTimers = new java.util.LinkedHashMap<>();
  private final PriorityQueue<long[]> timersDue =
      new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));

  private final Map<String, LinkedHashSet<MessageSubscription>> subscriptionsByMessage =
      new HashMap<>();
  private final Map<String, LinkedHashSet<MessageSubscription>> subscriptionsBySignal =
      new HashMap<>();
  private final Map<Long, Message> messages = new java.util.LinkedHashMap<>();
  private final Map<String, Set<Long>> messageIds = new HashMap<>();

  /** Process id + correlation key of active instances started by a message. */
  private final Map<String, Long> startedByKey = new HashMap<>();

  private long nextKey;

  /** Stamps the start time of new element instances (the element-instance query shows it). */
  private java.util.function.LongSupplier clock = System::currentTimeMillis;

  public EngineState(long nextKey) {
    this.nextKey = Math.max(nextKey, KEY_BASE + 1);
  }

  /** The engine clock (epoch millis), so start times follow {@code EngineSettings.clock()}. */
  public void useClock(java.util.function.LongSupplier engineClock) {
    this.clock = engineClock;
  }

  public long nextKey() {
    return nextKey++;
  }

  /** The next key that would be handed out: persisted so keys stay unique across restarts. */
  public long peekNextKey() {
    return nextKey;
  }

  // ---- deployed forms

  private final Map<Long, DeployedForm> forms = new HashMap<>();
  private final Map<String, DeployedForm> latestFormById = new HashMap<>();

  public void addForm(DeployedForm form) {
    forms.put(form.key(), form);
    DeployedForm latest = latestFormById.get(form.formId());
    if (latest == null || latest.version() < form.version()) {
      latestFormById.put(form.formId(), form);
    }
  }

  public DeployedForm form(long key) {
    return forms.get(key);
  }

  /** The latest version of a form id, or null when none is deployed. */
  public DeployedForm latestForm(String formId) {
    return latestFormById.get(formId);
  }

  // ---- deployed processes

  public void addDefinition(DeployedProcess process) {
    definitions.put(process.key(), process);
    DeployedProcess latest = latestByProcessId.get(process.bpmnProcessId());
    if (latest == null || latest.version() < process.version()) {
      latestByProcessId.put(process.bpmnProcessId(), process);
    }
  }

  /** Every deployed process version. */
  public java.util.Collection<DeployedProcess> definitions() {
    return java.util.Collections.unmodifiableCollection(definitions.values());
  }

  public DeployedProcess definition(long key) {
    return definitions.get(key);
  }

  public DeployedProcess latest(String bpmnProcessId) {
    return latestByProcessId.get(bpmnProcessId);
  }

  public DeployedProcess definition(String bpmnProcessId, int version) {
    for (DeployedProcess p : definitions.values()) {
      if (p.bpmnProcessId().equals(bpmnProcessId) && p.version() == version) {
        return p;
      }
    }
    return null;
  }

  // ---- instances and their indexes

  public ProcessInstance instance(long key) {
    return instances.get(key);
  }

  /** The running instances (for searches, on the processing thread). */
  public java.util.Collection<ProcessInstance> instances() {
    return java.util.Collections.unmodifiableCollection(instances.values());
  }

  public int instanceCount() {
    return instances.size();
  }

  /** Registers an instance with everything in it (used when loading and when starting). */
  public void addInstance(ProcessInstance instance) {
    instances.put(instance.key, instance);
    for (ElementInstance element : instance.elements.values()) {
      instanceOfElement.put(element.key, instance);
    }
    for (Job job : instance.jobs.values()) {
      indexJob(job);
    }
    for (Incident incident : instance.incidents.values()) {
      incidents.put(incident.key, incident);
    }
    for (UserTask task : instance.userTasks.values()) {
      openUserTasks.put(task.key, task);
    }
    for (Timer timer : instance.timers.values()) {
      indexTimer(timer);
    }
    for (MessageSubscription subscription : instance.subscriptions.values()) {
      index(subscription);
    }
    if (instance.startCorrelationKey != null) {
      startedByKey.put(
          messageKey(instance.bpmnProcessId, instance.startCorrelationKey), instance.key);
    }
  }

  public void removeInstance(ProcessInstance instance) {
    instances.remove(instance.key);
    for (ElementInstance element : instance.elements.values()) {
      instanceOfElement.remove(element.key);
    }
    for (Job job : instance.jobs.values()) {
      unindexJob(job);
    }
    for (Incident incident : instance.incidents.values()) {
      incidents.remove(incident.key);
    }
    for (UserTask task : instance.userTasks.values()) {
      openUserTasks.remove(task.key);
    }
    for (Timer timer : instance.timers.values()) {
      timers.remove(timer.key);
    }
    for (MessageSubscription subscription : List.copyOf(instance.subscriptions.values())) {
      removeSubscription(instance, subscription);
    }
    if (instance.startCorrelationKey != null) {
      startedByKey.remove(messageKey(instance.bpmnProcessId, instance.startCorrelationKey));
    }
  }

  public void addElement(ProcessInstance instance, ElementInstance element) {
    if (element.startTime == 0) {
      element.startTime = clock.getAsLong();
    }
    instance.elements.put(element.key, element);
    instanceOfElement.put(element.key, instance);
  }

  public void removeElement(ProcessInstance instance, ElementInstance element) {
    instance.elements.remove(element.key);
    instanceOfElement.remove(element.key);
  }

  public ProcessInstance instanceOfElement(long elementInstanceKey) {
    return instanceOfElement.get(elementInstanceKey);
  }

  // ---- jobs

  public Job job(long key) {
    return jobs.get(key);
  }

  public void addJob(ProcessInstance instance, Job job) {
    instance.jobs.put(job.key, job);
    indexJob(job);
  }

  public void removeJob(ProcessInstance instance, Job job) {
    instance.jobs.remove(job.key);
    unindexJob(job);
  }

  private void indexJob(Job job) {
    jobs.put(job.key, job);
    if (job.state == Job.State.ACTIVATABLE) {
      activatableByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>()).add(job.key);
    } else if (job.deadline > 0) {
      deadlines.add(new long[] {job.deadline, job.key});
    }
  }

  private void unindexJob(Job job) {
    jobs.remove(job.key);
    Set<Long> queue = activatableByType.get(job.type);
    if (queue != null) {
      queue.remove(job.key);
    }
  }

  /** Moves a job to a new state, keeping the activatable index and the deadline queue right. */
  public void transition(Job job, Job.State state, long deadline) {
    Set<Long> queue = activatableByType.get(job.type);
    if (queue != null) {
      queue.remove(job.key);
    }
    job.state = state;
    job.deadline = deadline;
    if (state == Job.State.ACTIVATABLE) {
      activatableByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>()).add(job.key);
    } else if (deadline > 0) {
      deadlines.add(new long[] {deadline, job.key});
      compactDeadlines();
    }
  }

  /**
   * Entries of finished jobs or moved deadlines stay in the queue until due; when they outnumber
   * the live ones, the queue is rebuilt so memory stays bounded by the jobs that exist.
   */
  private void compactDeadlines() {
    if (deadlines.size() <= 4 * jobs.size() + 1024) {
      return;
    }
    deadlines.clear();
    for (Job job : jobs.values()) {
      if (job.state != Job.State.ACTIVATABLE && job.deadline > 0) {
        deadlines.add(new long[] {job.deadline, job.key});
      }
    }
  }

  /** Activatable jobs of a type, oldest first. */
  public List<Job> activatable(String type, int max) {
    Set<Long> queue = activatableByType.get(type);
    List<Job> result = new ArrayList<>();
    if (queue == null) {
      return result;
    }
    for (Long key : queue) {
      if (result.size() >= max) {
        break;
      }
      result.add(jobs.get(key));
    }
    return result;
  }

  public boolean hasActivatable(String type) {
    Set<Long> queue = activatableByType.get(type);
    return queue != null && !queue.isEmpty();
  }

  /** Types with at least one activatable job. */
  public List<String> activatableTypes() {
    List<String> types = new ArrayList<>();
    activatableByType.forEach(
        (type, keys) -> {
          if (!keys.isEmpty()) {
            types.add(type);
          }
        });
    return types;
  }

  /** Jobs whose activation or back-off deadline has passed; stale queue entries are dropped. */
  public List<Job> dueJobs(long now) {
    List<Job> due = new ArrayList<>();
    while (!deadlines.isEmpty() && deadlines.peek()[0] <= now) {
      long[] entry = deadlines.poll();
      Job job = jobs.get(entry[1]);
      // stale entries (job gone, or deadline moved) are dropped
      if (job != null && job.deadline == entry[0] && job.state != Job.State.ACTIVATABLE) {
        due.add(job);
      }
    }
    return due;
  }

  /** The earliest pending deadline, or Long.MAX_VALUE. */
  public long nextDeadline() {
    long[] head = deadlines.peek();
    return head == null ? Long.MAX_VALUE : head[0];
  }

  // ---- messages

  private static String messageKey(String name, String correlationKey) {
    return name + '\u0000' + correlationKey;
  }

  public void addSubscription(ProcessInstance instance, MessageSubscription subscription) {
    instance.subscriptions.put(subscription.key, subscription);
    index(subscription);
  }

  private void index(MessageSubscription subscription) {
    if (subscription.signal) {
      subscriptionsBySignal
          .computeIfAbsent(subscription.messageName, k -> new LinkedHashSet<>())
          .add(subscription);
      return;
    }
    subscriptionsByMessage
        .computeIfAbsent(
            messageKey(subscription.messageName, subscription.correlationKey),
            k -> new LinkedHashSet<>())
        .add(subscription);
  }

  public void removeSubscription(ProcessInstance instance, MessageSubscription subscription) {
    instance.subscriptions.remove(subscription.key);
    Map<String, LinkedHashSet<MessageSubscription>> index =
        subscription.signal ? subscriptionsBySignal : subscriptionsByMessage;
    String key =
        subscription.signal
            ? subscription.messageName
            : messageKey(subscription.messageName, subscription.correlationKey);
    Set<MessageSubscription> set = index.get(key);
    if (set != null) {
      set.remove(subscription);
      if (set.isEmpty()) {
        index.remove(key);
      }
    }
  }

  /** Open signal subscriptions for a signal name, oldest first. */
  public List<MessageSubscription> signalSubscriptions(String name) {
    Set<MessageSubscription> set = subscriptionsBySignal.get(name);
    return set == null ? List.of() : List.copyOf(set);
  }

  /** Open subscriptions for a message name and correlation key, oldest first. */
  public List<MessageSubscription> subscriptions(String name, String correlationKey) {
    Set<MessageSubscription> set = subscriptionsByMessage.get(messageKey(name, correlationKey));
    return set == null ? List.of() : List.copyOf(set);
  }

  public void addMessage(Message message) {
    messages.put(message.key, message);
    if (message.messageId != null && !message.messageId.isEmpty()) {
      messageIds
          .computeIfAbsent(
              messageKey(message.name, message.correlationKey) + '\u0000' + message.messageId,
              k -> new java.util.HashSet<>())
          .add(message.key);
    }
  }

  public void removeMessage(Message message) {
    messages.remove(message.key);
    if (message.messageId != null && !message.messageId.isEmpty()) {
      messageIds.remove(
          messageKey(message.name, message.correlationKey) + '\u0000' + message.messageId);
    }
  }

  public boolean isBuffered(String name, String correlationKey, String messageId) {
    return messageId != null
        && !messageId.isEmpty()
        && messageIds.containsKey(messageKey(name, correlationKey) + '\u0000' + messageId);
  }

  /** Buffered messages, oldest first. */
  public java.util.Collection<Message> messages() {
    return messages.values();
  }

  /** The active instance of a process started by a message with this correlation key, if any. */
  public Long startedBy(String bpmnProcessId, String correlationKey) {
    return startedByKey.get(messageKey(bpmnProcessId, correlationKey));
  }

  public void startedByMessage(ProcessInstance instance) {
    startedByKey.put(
        messageKey(instance.bpmnProcessId, instance.startCorrelationKey), instance.key);
  }

  /** Latest versions of all deployed processes. */
  public java.util.Collection<DeployedProcess> latestDefinitions() {
    return latestByProcessId.values();
  }

  // ---- timers

  private void indexTimer(Timer timer) {
    timers.put(timer.key, timer);
    timersDue.add(new long[] {timer.dueDate, timer.key});
    if (timersDue.size() > 4 * timers.size() + 1024) {
      timersDue.clear();
      for (Timer t : timers.values()) {
        timersDue.add(new long[] {t.dueDate, t.key});
      }
    }
  }

  /** Adds (or, after its due date changed, re-indexes) a timer of an instance. */
  public void addTimer(ProcessInstance instance, Timer timer) {
    instance.timers.put(timer.key, timer);
    indexTimer(timer);
  }

  public void removeTimer(ProcessInstance instance, Timer timer) {
    instance.timers.remove(timer.key);
    timers.remove(timer.key);
  }

  /** A timer start event's timer (no instance). */
  public void addStartTimer(Timer timer) {
    startTimers.put(timer.key, timer);
    indexTimer(timer);
  }

  public void removeStartTimer(Timer timer) {
    startTimers.remove(timer.key);
    timers.remove(timer.key);
  }

  public java.util.Collection<Timer> startTimers() {
    return startTimers.values();
  }

  /** Timers whose due date has passed, earliest first; stale index entries are dropped. */
  public List<Timer> dueTimers(long now) {
    List<Timer> due = new ArrayList<>();
    Set<Long> seen = new java.util.HashSet<>();
    while (!timersDue.isEmpty() && timersDue.peek()[0] <= now) {
      long[] entry = timersDue.poll();
      Timer timer = timers.get(entry[1]);
      if (timer != null && timer.dueDate == entry[0] && seen.add(timer.key)) {
        due.add(timer);
      }
    }
    return due;
  }

  /** The earliest due timer, or Long.MAX_VALUE. */
  public long nextTimerDue() {
    while (!timersDue.isEmpty()) {
      long[] head = timersDue.peek();
      Timer timer = timers.get(head[1]);
      if (timer != null && timer.dueDate == head[0]) {
        return head[0];
      }
      timersDue.poll();
    }
    return Long.MAX_VALUE;
  }

  public Timer timer(long key) {
    return timers.get(key);
  }

  // ---- user tasks

  public void addUserTask(ProcessInstance instance, UserTask task) {
    instance.userTasks.put(task.key, task);
    openUserTasks.put(task.key, task);
  }

  /** An open task completed or was cancelled: it moves to the history. */
  public void finishUserTask(ProcessInstance instance, UserTask task) {
    instance.userTasks.remove(task.key);
    openUserTasks.remove(task.key);
    finishedUserTasks.put(task.key, task);
  }

  /** A finished task loaded from the store. */
  public void addFinishedUserTask(UserTask task) {
    finishedUserTasks.put(task.key, task);
  }

  public UserTask openUserTask(long key) {
    return openUserTasks.get(key);
  }

  public UserTask userTask(long key) {
    UserTask open = openUserTasks.get(key);
    return open != null ? open : finishedUserTasks.get(key);
  }

  public java.util.Collection<UserTask> openUserTasks() {
    return openUserTasks.values();
  }

  public java.util.Collection<UserTask> finishedUserTasks() {
    return finishedUserTasks.values();
  }

  // ---- incidents

  public Incident incident(long key) {
    return incidents.get(key);
  }

  public void addIncident(ProcessInstance instance, Incident incident) {
    instance.incidents.put(incident.key, incident);
    incidents.put(incident.key, incident);
  }

  public void removeIncident(ProcessInstance instance, Incident incident) {
    instance.incidents.remove(incident.key);
    incidents.remove(incident.key);
  }
}
