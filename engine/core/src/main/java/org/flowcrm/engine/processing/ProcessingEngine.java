package org.flowcrm.engine.processing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceCreated;
import org.flowcrm.engine.api.ProcessInstanceResult;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.StreamJobs;
import org.flowcrm.engine.api.Topology;
import org.flowcrm.engine.feel.FeelEvaluator;
import org.flowcrm.engine.model.BpmnTransformer;
import org.flowcrm.engine.model.ExecutableProcess;
import org.flowcrm.engine.state.DeployedProcess;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Incident;
import org.flowcrm.engine.state.Job;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.state.StateJson;
import org.flowcrm.engine.store.EngineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: API calls become commands on a queue; one processing thread owns all state, applies a
 * batch of commands in memory, stores the batch's changes in one transaction (group commit) and
 * only then answers the callers. Waiting job activations and job streams are served as soon as a
 * batch makes a job of their type activatable.
 */
public final class ProcessingEngine implements ProcessEngine {

  private static final Logger log = LoggerFactory.getLogger(ProcessingEngine.class);
  private static final int MAX_BATCH = 500;
  private static final long MAX_IDLE_MILLIS = 100;
  private static final long SLOW_COMMIT_MILLIS = 500;
  private static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofMinutes(5);
  public static final String DEFAULT_TENANT = "<default>";
  static final String GATEWAY_VERSION = "8.9.0";

  private final EngineSettings settings;
  private final Clock clock;
  private final EngineStore store;
  private final FeelEvaluator feel = new FeelEvaluator();

  /** Names, types and version tags of deployed processes, read from their BPMN for queries. */
  private final ModelInfo modelInfo = new ModelInfo();

  private final BpmnTransformer transformer = new BpmnTransformer(feel);
  private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  // owned by the processing thread
  private EngineState state;
  private BpmnBehavior behavior;
  private final Map<String, ArrayDeque<PollWaiter>> pollWaiters = new HashMap<>();
  private final Map<String, List<Stream>> streams = new HashMap<>();
  private final Map<Long, ResultWaiter> resultWaiters = new HashMap<>();
  private final Set<String> typesToServe = new LinkedHashSet<>();

  private record Command(Function<Batch, Object> action, CompletableFuture<Object> future) {}

  private record PollWaiter(
      ActivateJobs request, CompletableFuture<List<ActivatedJob>> future, long deadline) {}

  private record ResultWaiter(
      List<String> fetchVariables,
      CompletableFuture<ProcessInstanceResult> future,
      long deadline) {}

  private final class Stream implements JobStream {
    final StreamJobs request;
    final JobSink sink;

    Stream(StreamJobs request, JobSink sink) {
      this.request = request;
      this.sink = sink;
    }

    @Override
    public void close() {
      submitInternal(
          batch -> {
            List<Stream> list = streams.get(request.type());
            if (list != null) {
              list.remove(this);
            }
            return null;
          });
    }
  }

  public ProcessingEngine(EngineSettings settings, EngineStore store) {
    this.settings = settings;
    this.clock = settings.clock();
    this.store = store;
    load();
    this.thread = new Thread(this::run, "flowcrm-engine-processor");
    thread.setDaemon(true);
    thread.start();
  }

  // ================================================================== loading

  private void load() {
    EngineStore.Snapshot snapshot = store.load();
    EngineState loaded = new EngineState(snapshot.nextKey());
    loaded.useClock(clock::millis);
    for (EngineStore.StoredDefinition d : snapshot.definitions()) {
      ExecutableProcess executable =
          transformer.transform(d.resource()).stream()
              .filter(p -> p.bpmnProcessId().equals(d.bpmnProcessId()))
              .findFirst()
              .orElseThrow();
      loaded.addDefinition(
          new DeployedProcess(
              d.key(),
              d.bpmnProcessId(),
              d.version(),
              d.resourceName(),
              d.resource(),
              d.checksum(),
              d.deploymentKey(),
              d.tenantId(),
              d.deployTime(),
              executable));
    }
    for (EngineStore.StoredForm f : snapshot.forms()) {
      loaded.addForm(FormDeployment.fromStore(f));
    }
    for (byte[] json : snapshot.instances()) {
      loaded.addInstance(StateJson.read(json));
    }
    for (byte[] json : snapshot.finishedUserTasks()) {
      loaded.addFinishedUserTask(StateJson.readUserTask(json));
    }
    for (byte[] json : snapshot.startTimers()) {
      loaded.addStartTimer(StateJson.readTimer(json));
    }
    for (byte[] json : snapshot.messages()) {
      loaded.addMessage(StateJson.readMessage(json));
    }
    this.state = loaded;
    this.behavior = new BpmnBehavior(loaded, feel, clock);
    // whatever is activatable now may have waiting workers after a restart
    typesToServe.addAll(loaded.activatableTypes());
    // a waiter whose instance was not stored (its batch failed) will never be answered
    resultWaiters
        .entrySet()
        .removeIf(
            entry -> {
              if (loaded.instance(entry.getKey()) != null) {
                return false;
              }
              entry.getValue().future().completeExceptionally(unavailable("The engine restarted"));
              return true;
            });
    log.info(
        "Engine state loaded: {} process versions, {} running instances",
        snapshot.definitions().size(),
        loaded.instanceCount());
  }

  // ================================================================== the processing thread

  private void run() {
    while (running) {
      List<Command> commands = new ArrayList<>();
      try {
        Command first = queue.poll(idleMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          commands.add(first);
          queue.drainTo(commands, MAX_BATCH - 1);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (!running) {
        failAll(commands, unavailable("The engine is shutting down"));
        break;
      }
      processBatch(commands);
    }
  }

  /**
   * Request timeouts are the caller's real time, not the engine clock (which tests may move): a
   * monotonic millisecond count.
   */
  private static long wallMillis() {
    return System.nanoTime() / 1_000_000;
  }

  private long idleMillis() {
    long now = clock.millis();
    long next =
        Math.min(Math.min(state.nextDeadline(), state.nextTimerDue()), now + MAX_IDLE_MILLIS);
    return Math.max(1, next - now);
  }

  private Batch currentBatch;

  private void processBatch(List<Command> commands) {
    Batch batch = new Batch();
    currentBatch = batch;
    behavior.useBatch(batch);
    long keysBefore = state.peekNextKey();
    boolean broken = false;
    for (Command command : commands) {
      try {
        Object result = command.action().apply(batch);
        batch.answer(command.future(), result);
      } catch (EngineException rejection) {
        batch.reject(command.future(), rejection);
      } catch (RuntimeException | StackOverflowError e) {
        log.error("Command failed unexpectedly; the batch is discarded and state reloaded", e);
        batch.reject(command.future(), unavailable("Internal engine error: " + e));
        broken = true;
      }
    }
    long now = clock.millis();
    if (!broken) {
      try {
        for (Job job : state.dueJobs(now)) {
          behavior.recur(state.instance(job.processInstanceKey), job);
        }
        fireDueTimers(now);
        correlateBufferedMessages(batch, now);
        serveWaitingWorkers(batch);
        answerResultWaiters(batch);
      } catch (RuntimeException e) {
        log.error("Job scheduling failed; the batch is discarded and state reloaded", e);
        broken = true;
      }
    }
    if (broken) {
      batch.failed(unavailable("Internal engine error"));
      reload();
      return;
    }
    if (!batch.isEmpty() || state.peekNextKey() != keysBefore) {
      try {
        long started = System.nanoTime();
        store.commit(changes(batch));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOW_COMMIT_MILLIS) {
          log.warn(
              "Storing a batch of {} commands ({} instances changed) took {} ms",
              commands.size(),
              batch.changed.size(),
              millis);
        }
      } catch (RuntimeException e) {
        log.error("Storing a batch failed; its commands fail and state is reloaded", e);
        batch.failed(unavailable("The engine could not store the command: " + e.getMessage()));
        reload();
        return;
      }
    }
    batch.committed();
    expireWaiters(wallMillis());
  }

  /**
   * Fires the timers that came due (never before their due date, by the engine clock). A timer
   * fired in a batch that fails to commit is still stored as it was and fires again after reload.
   */
  private void fireDueTimers(long now) {
    for (org.flowcrm.engine.state.Timer timer : state.dueTimers(now)) {
      if (timer.processInstanceKey == 0) {
        fireStartTimer(timer);
        continue;
      }
      ProcessInstance instance = state.instance(timer.processInstanceKey);
      if (instance != null && instance.timers.get(timer.key) == timer) {
        behavior.triggerTimer(instance, timer);
      }
    }
  }

  /**
   * A timer start event came due: a new instance starts at it; a cycle is scheduled again from now
   * while repetitions remain, otherwise the timer is gone.
   */
  private void fireStartTimer(org.flowcrm.engine.state.Timer timer) {
    Batch batch = currentBatch;
    DeployedProcess definition = state.definition(timer.processDefinitionKey);
    state.removeStartTimer(timer);
    if (timer.interval != null && timer.repetitions != 1) {
      timer.repetitions = timer.repetitions < 0 ? -1 : timer.repetitions - 1;
      timer.dueDate = org.flowcrm.engine.model.Timers.next(timer.interval, clock.millis());
      state.addStartTimer(timer);
      batch.startTimers.put(timer.key, timer);
    } else {
      batch.startTimers.remove(timer.key);
      batch.removedStartTimers.add(timer.key);
    }
    if (definition != null) {
      behavior.start(definition, Map.of(), timer.targetElementId);
    }
  }

  /**
   * Schedules the timer start events of a newly deployed version; those of the process's earlier
   * versions are cancelled (as Zeebe does on redeploy).
   */
  private void scheduleStartTimers(DeployedProcess process, Batch batch) {
    for (org.flowcrm.engine.state.Timer old : List.copyOf(state.startTimers())) {
      DeployedProcess owner = state.definition(old.processDefinitionKey);
      if (owner != null
          && owner.key() != process.key()
          && owner.bpmnProcessId().equals(process.bpmnProcessId())) {
        state.removeStartTimer(old);
        batch.startTimers.remove(old.key);
        batch.removedStartTimers.add(old.key);
      }
    }
    for (String id : process.executable().process().timerStartEventIds()) {
      org.flowcrm.engine.model.FlowNode event = process.executable().element(id);
      org.flowcrm.engine.model.Timers.Schedule schedule;
      try {
        FeelEvaluator.Result value = event.timer().evaluate(feel, Map.of());
        if (value.isFailure() || !(value.value() instanceof String text)) {
          throw new IllegalArgumentException(
              "Expected the timer of start event '"
                  + id
                  + "' to evaluate to a string, but "
                  + (value.isFailure() ? value.failure() : "it was " + value.value()));
        }
        schedule =
            org.flowcrm.engine.model.Timers.schedule(event.timerKind(), text, clock.millis());
      } catch (IllegalArgumentException e) {
        // checked at deploy already; only a time-dependent expression can get here
        log.error("Timer start event {} of {} cannot be scheduled", id, process.key(), e);
        continue;
      }
      org.flowcrm.engine.state.Timer timer = new org.flowcrm.engine.state.Timer();
      timer.key = state.nextKey();
      timer.processDefinitionKey = process.key();
      timer.targetElementId = id;
      timer.dueDate = schedule.dueDate();
      timer.repetitions = schedule.repetitions();
      timer.interval = schedule.interval();
      state.addStartTimer(timer);
      batch.startTimers.put(timer.key, timer);
    }
  }

  /** Due dates (epoch millis) of the scheduled timer start events, earliest first. */
  public List<Long> startTimerDueDates() {
    return await(
        submit(
            batch ->
                state.startTimers().stream()
                    .map(t -> t.dueDate)
                    .sorted()
                    .collect(java.util.stream.Collectors.toList())));
  }

  private void reload() {
    try {
      load();
    } catch (RuntimeException e) {
      log.error("Reloading the engine state failed; the engine stops", e);
      running = false;
    }
  }

  private EngineStore.Changes changes(Batch batch) {
    Map<Long, byte[]> upserts = new LinkedHashMap<>();
    for (ProcessInstance instance : batch.changed.values()) {
      if (state.instance(instance.key) == instance) {
        upserts.put(instance.key, StateJson.write(instance));
      }
    }
    List<EngineStore.FinishedInstance> finished = new ArrayList<>();
    for (Batch.Finished f : batch.finished.values()) {
      ProcessInstance i = f.instance();
      finished.add(
          new EngineStore.FinishedInstance(
              i.key,
              i.processDefinitionKey,
              i.bpmnProcessId,
              i.version,
              i.tenantId,
              f.state(),
              i.startTime,
              f.at(),
              StateJson.writeVariables(f.variables()),
              i.parentProcessInstanceKey,
              i.parentElementInstanceKey));
    }
    List<EngineStore.StoredUserTask> tasks = new ArrayList<>();
    for (org.flowcrm.engine.state.UserTask t : batch.userTasks.values()) {
      tasks.add(
          new EngineStore.StoredUserTask(
              t.key,
              t.processInstanceKey,
              t.elementId,
              t.bpmnProcessId,
              t.state,
              t.assignee,
              t.creationDate,
              t.completionDate,
              StateJson.write(t)));
    }
    Map<Long, byte[]> startTimers = new LinkedHashMap<>();
    for (org.flowcrm.engine.state.Timer timer : batch.startTimers.values()) {
      if (!batch.removedStartTimers.contains(timer.key)) {
        startTimers.put(timer.key, StateJson.write(timer));
      }
    }
    Map<Long, byte[]> messages = new LinkedHashMap<>();
    for (org.flowcrm.engine.state.Message m : batch.messages.values()) {
      if (!batch.removedMessages.contains(m.key)) {
        messages.put(m.key, StateJson.write(m));
      }
    }
    return new EngineStore.Changes(
        List.copyOf(batch.newDefinitions),
        upserts,
        Set.copyOf(batch.finished.keySet()),
        finished,
        state.peekNextKey(),
        tasks,
        startTimers,
        Set.copyOf(batch.removedStartTimers),
        messages,
        Set.copyOf(batch.removedMessages),
        List.copyOf(batch.newForms),
        finishedElements(batch));
  }

  /** The history rows of the element instances that ended in the batch, named from the model. */
  private List<EngineStore.FinishedElement> finishedElements(Batch batch) {
    List<EngineStore.FinishedElement> rows = new ArrayList<>(batch.endedElements.size());
    for (Batch.EndedElement ended : batch.endedElements) {
      ProcessInstance i = ended.instance();
      org.flowcrm.engine.state.ElementInstance e = ended.element();
      org.flowcrm.engine.state.DeployedProcess deployed = state.definition(i.processDefinitionKey);
      ModelInfo.Definition model = deployed == null ? null : modelInfo.of(deployed);
      rows.add(
          new EngineStore.FinishedElement(
              e.key,
              i.key,
              i.processDefinitionKey,
              i.bpmnProcessId,
              e.elementId,
              model == null
                  ? e.elementId
                  : model.elementNames().getOrDefault(e.elementId, e.elementId),
              ElementInstanceSearch.type(model, e),
              ended.state(),
              e.startTime == 0 ? i.startTime : e.startTime,
              ended.at(),
              e.incidentKey,
              e.flowScopeKey,
              i.tenantId));
    }
    return rows;
  }

  // ================================================================== command plumbing

  private CompletableFuture<Object> submit(Function<Batch, Object> action) {
    CompletableFuture<Object> future = new CompletableFuture<>();
    if (!running) {
      future.completeExceptionally(unavailable("The engine is closed"));
      return future;
    }
    queue.add(new Command(action, future));
    return future;
  }

  private void submitInternal(Function<Batch, Object> action) {
    if (running) {
      queue.add(new Command(action, new CompletableFuture<>()));
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T await(CompletableFuture<Object> future) {
    try {
      return (T) future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("Interrupted while waiting for the engine");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException(cause);
  }

  private static EngineException unavailable(String message) {
    return new EngineException(Rejection.UNAVAILABLE, message);
  }

  private static void failAll(Collection<Command> commands, Throwable error) {
    for (Command command : commands) {
      command.future().completeExceptionally(error);
    }
  }

  // ================================================================== API: deployment

  @Override
  public Topology topology() {
    return new Topology(1, 1, 1, GATEWAY_VERSION, "localhost", 26501);
  }

  private record ParsedResource(
      DeployResource resource, List<ExecutableProcess> processes, String checksum) {}

  @Override
  public Deployment deploy(List<DeployResource> resources, String tenantId) {
    String tenant = tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
    if (resources == null || resources.isEmpty()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    // parsing and validation are pure: done on the caller's thread
    List<ParsedResource> parsed = new ArrayList<>();
    StringBuilder errors = new StringBuilder();
    Set<String> processIds = new LinkedHashSet<>();
    List<FormDeployment.ParsedForm> forms = new ArrayList<>();
    Set<String> formIds = new LinkedHashSet<>();
    for (DeployResource resource : resources) {
      String name = resource.name() == null ? "" : resource.name();
      if (name.endsWith(".form")) {
        try {
          FormDeployment.ParsedForm form =
              FormDeployment.parse(resource, sha256(resource.content()));
          if (!formIds.add(form.formId())) {
            errors
                .append("\n'")
                .append(name)
                .append("': Duplicated form id in resources '")
                .append(form.formId())
                .append("'");
          }
          forms.add(form);
        } catch (FormDeployment.InvalidForm e) {
          errors.append("\n'").append(name).append("': ").append(e.getMessage());
        }
        continue;
      }
      if (!(name.endsWith(".bpmn") || name.endsWith(".xml"))) {
        errors
            .append("\n'")
            .append(name)
            .append(
                "': Resource type is not supported. Supported resource types are: .bpmn,"
                    + " .xml, .form");
        continue;
      }
      try {
        List<ExecutableProcess> processes = transformer.transform(resource.content());
        for (ExecutableProcess p : processes) {
          if (!processIds.add(p.bpmnProcessId())) {
            errors
                .append("\n'")
                .append(name)
                .append("': Duplicated process id in resources '")
                .append(p.bpmnProcessId())
                .append("'");
          }
        }
        parsed.add(new ParsedResource(resource, processes, sha256(resource.content())));
      } catch (BpmnTransformer.InvalidModelException e) {
        errors.append("\n'").append(name).append("': ").append(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new"
              + " resources, but encountered the following errors:"
              + errors);
    }
    return await(submit(batch -> deployInBatch(parsed, forms, tenant, batch)));
  }

  private Deployment deployInBatch(
      List<ParsedResource> resources,
      List<FormDeployment.ParsedForm> forms,
      String tenant,
      Batch batch) {
    long deploymentKey = state.nextKey();
    long now = clock.millis();
    List<Deployment.DeployedProcess> result = new ArrayList<>();
    for (ParsedResource resource : resources) {
      for (ExecutableProcess executable : resource.processes()) {
        DeployedProcess latest = state.latest(executable.bpmnProcessId());
        if (latest != null && latest.checksum().equals(resource.checksum())) {
          result.add(
              new Deployment.DeployedProcess(
                  latest.bpmnProcessId(),
                  latest.version(),
                  latest.key(),
                  latest.resourceName(),
                  latest.tenantId()));
          continue;
        }
        DeployedProcess process =
            new DeployedProcess(
                state.nextKey(),
                executable.bpmnProcessId(),
                latest == null ? 1 : latest.version() + 1,
                resource.resource().name(),
                resource.resource().content(),
                resource.checksum(),
                deploymentKey,
                tenant,
                now,
                executable);
        state.addDefinition(process);
        scheduleStartTimers(process, batch);
        batch.newDefinitions.add(
            new EngineStore.StoredDefinition(
                process.key(),
                process.bpmnProcessId(),
                process.version(),
                process.resourceName(),
                process.resource(),
                process.checksum(),
                deploymentKey,
                tenant,
                now));
        result.add(
            new Deployment.DeployedProcess(
                process.bpmnProcessId(),
                process.version(),
                process.key(),
                process.resourceName(),
                tenant));
      }
    }
    List<Deployment.DeployedForm> deployedForms = new ArrayList<>();
    for (FormDeployment.ParsedForm form : forms) {
      deployedForms.add(FormDeployment.deploy(state, form, deploymentKey, tenant, now, batch));
    }
    return new Deployment(deploymentKey, tenant, result, deployedForms);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ================================================================== API: instances

  @Override
  public ProcessInstanceCreated createProcessInstance(CreateProcessInstance command) {
    Map<String, Object> variables =
        Variables.document(command.variables(), settings.maxPayloadBytes());
    return await(submit(batch -> created(startInstance(command, variables))));
  }

  private ProcessInstance startInstance(CreateProcessInstance command, Map<String, Object> vars) {
    DeployedProcess definition = findDefinition(command);
    if (definition.executable().process().startEventId() == null) {
      throw new EngineException(
          Rejection.INVALID_STATE,
          "Expected to create instance of process with none start event, but there is no such"
              + " event");
    }
    return behavior.start(definition, vars);
  }

  private static ProcessInstanceCreated created(ProcessInstance instance) {
    return new ProcessInstanceCreated(
        instance.processDefinitionKey,
        instance.bpmnProcessId,
        instance.version,
        instance.key,
        instance.tenantId);
  }

  private DeployedProcess findDefinition(CreateProcessInstance command) {
    if (command.processDefinitionKey() > 0) {
      DeployedProcess process = state.definition(command.processDefinitionKey());
      if (process == null) {
        throw new EngineException(
            Rejection.NOT_FOUND,
            "Expected to find process definition with key '"
                + command.processDefinitionKey()
                + "', but none found");
      }
      return process;
    }
    String id = command.bpmnProcessId();
    if (id == null || id.isBlank()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected either a process definition key or a BPMN process id, but none given");
    }
    if (command.version() < 0) {
      DeployedProcess process = state.latest(id);
      if (process == null) {
        throw new EngineException(
            Rejection.NOT_FOUND,
            "Expected to find process definition with process ID '" + id + "', but none found");
      }
      return process;
    }
    DeployedProcess process = state.definition(id, command.version());
    if (process == null) {
      throw new EngineException(
          Rejection.NOT_FOUND,
          "Expected to find process definition with process ID '"
              + id
              + "' and version '"
              + command.version()
              + "', but none found");
    }
    return process;
  }

  @Override
  public CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command, Duration requestTimeout, List<String> fetchVariables) {
    CompletableFuture<ProcessInstanceResult> result = new CompletableFuture<>();
    Map<String, Object> variables;
    try {
      variables = Variables.document(command.variables(), settings.maxPayloadBytes());
    } catch (EngineException e) {
      result.completeExceptionally(e);
      return result;
    }
    long timeout =
        requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()
            ? Duration.ofSeconds(10).toMillis()
            : requestTimeout.toMillis();
    submit(
            batch -> {
              ProcessInstance instance = startInstance(command, variables);
              resultWaiters.put(
                  instance.key,
                  new ResultWaiter(
                      fetchVariables == null ? List.of() : List.copyOf(fetchVariables),
                      result,
                      wallMillis() + timeout));
              return null;
            })
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              }
            });
    return result;
  }

  private void answerResultWaiters(Batch batch) {
    for (Batch.Finished finished : batch.finished.values()) {
      ResultWaiter waiter = resultWaiters.remove(finished.instance().key);
      if (waiter == null) {
        continue;
      }
      ProcessInstance i = finished.instance();
      if (!"COMPLETED".equals(finished.state())) {
        batch.reject(
            waiter.future(),
            new EngineException(
                Rejection.INVALID_STATE,
                "Expected to complete process instance with key '"
                    + i.key
                    + "', but it was terminated"));
        continue;
      }
      Map<String, Object> variables = filter(finished.variables(), waiter.fetchVariables());
      batch.answer(
          waiter.future(),
          new ProcessInstanceResult(
              i.processDefinitionKey, i.bpmnProcessId, i.version, i.key, variables, i.tenantId));
    }
  }

  private static Map<String, Object> filter(Map<String, Object> variables, List<String> names) {
    if (names == null || names.isEmpty()) {
      return variables;
    }
    Map<String, Object> filtered = new LinkedHashMap<>();
    for (String name : names) {
      if (variables.containsKey(name)) {
        filtered.put(name, variables.get(name));
      }
    }
    return filtered;
  }

  @Override
  public void cancelProcessInstance(long processInstanceKey) {
    await(
        submit(
            batch -> {
              ProcessInstance instance = state.instance(processInstanceKey);
              if (instance == null) {
                throw new EngineException(
                    Rejection.NOT_FOUND,
                    "Expected to cancel a process instance with key '"
                        + processInstanceKey
                        + "', but no such process was found");
              }
              if (instance.parentProcessInstanceKey != 0) {
                ProcessInstance root = instance;
                while (root.parentProcessInstanceKey != 0
                    && state.instance(root.parentProcessInstanceKey) != null) {
                  root = state.instance(root.parentProcessInstanceKey);
                }
                throw new EngineException(
                    Rejection.INVALID_STATE,
                    "Expected to cancel a process instance with key '"
                        + processInstanceKey
                        + "', but it is created by a parent process instance. Cancel the root"
                        + " process instance '"
                        + root.key
                        + "' instead.");
              }
              behavior.cancel(instance);
              return null;
            }));
  }

  // ================================================================== API: jobs

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    if (command.type() == null || command.type().isBlank()) {
      result.completeExceptionally(
          new EngineException(
              Rejection.INVALID_ARGUMENT,
              "Expected to activate jobs of a type, but the type is empty"));
      return result;
    }
    if (command.maxJobsToActivate() < 1) {
      result.completeExceptionally(
          new EngineException(
              Rejection.INVALID_ARGUMENT,
              "Expected to activate at least 1 job, but the request asked for "
                  + command.maxJobsToActivate()));
      return result;
    }
    submit(
            batch -> {
              List<ActivatedJob> jobs =
                  activate(
                      command.type(),
                      command.worker(),
                      command.timeout(),
                      command.maxJobsToActivate(),
                      command.fetchVariables(),
                      batch);
              if (!jobs.isEmpty()) {
                return jobs;
              }
              Duration wait = command.requestTimeout();
              if (wait == null || wait.isZero() || wait.isNegative()) {
                return jobs;
              }
              pollWaiters
                  .computeIfAbsent(command.type(), t -> new ArrayDeque<>())
                  .add(new PollWaiter(command, result, wallMillis() + wait.toMillis()));
              return null; // answered when a job comes or the request times out
            })
        .whenComplete(
            (jobs, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              } else if (jobs != null && !result.complete((List<ActivatedJob>) jobs)) {
                giveBack((List<ActivatedJob>) jobs);
              }
            });
    return result;
  }

  /**
   * Jobs activated for a caller that is no longer there (its request was cancelled) are made
   * activatable again at once instead of waiting for their activation timeout.
   */
  private void giveBack(List<ActivatedJob> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    submitInternal(
        batch -> {
          for (ActivatedJob activated : jobs) {
            Job job = state.job(activated.key());
            if (job != null
                && job.state == Job.State.ACTIVATED
                && job.deadline == activated.deadline()) {
              behavior.recur(state.instance(job.processInstanceKey), job);
            }
          }
          return null;
        });
  }

  private List<ActivatedJob> activate(
      String type,
      String worker,
      Duration timeout,
      int max,
      List<String> fetchVariables,
      Batch batch) {
    long timeoutMillis =
        (timeout == null || timeout.isZero() || timeout.isNegative()
                ? DEFAULT_JOB_TIMEOUT
                : timeout)
            .toMillis();
    long deadline = clock.millis() + timeoutMillis;
    List<ActivatedJob> activated = new ArrayList<>();
    for (Job job : state.activatable(type, max)) {
      ProcessInstance instance = state.instance(job.processInstanceKey);
      job.worker = worker == null ? "" : worker;
      state.transition(job, Job.State.ACTIVATED, deadline);
      batch.changed(instance);
      activated.add(toActivatedJob(instance, job, fetchVariables));
    }
    return activated;
  }

  private ActivatedJob toActivatedJob(ProcessInstance instance, Job job, List<String> fetch) {
    ElementInstance element = instance.elements.get(job.elementInstanceKey);
    Map<String, Object> variables = filter(behavior.visibleVariables(instance, element), fetch);
    return new ActivatedJob(
        job.key,
        job.type,
        instance.key,
        instance.bpmnProcessId,
        instance.version,
        instance.processDefinitionKey,
        job.elementId,
        job.elementInstanceKey,
        job.customHeaders == null ? Map.of() : Map.copyOf(job.customHeaders),
        job.worker,
        job.retries,
        job.deadline,
        variables,
        instance.tenantId,
        rootOf(instance));
  }

  /** Follows the parents of a called instance to the top (a worker records positions on it). */
  private long rootOf(ProcessInstance instance) {
    ProcessInstance current = instance;
    for (int depth = 0; current.parentProcessInstanceKey > 0 && depth < 1000; depth++) {
      ProcessInstance parent = state.instance(current.parentProcessInstanceKey);
      if (parent == null) {
        return current.parentProcessInstanceKey;
      }
      current = parent;
    }
    return current.key;
  }

  /** Hands jobs that became activatable to open streams first, then to waiting long polls. */
  private void serveWaitingWorkers(Batch batch) {
    Set<String> types = new LinkedHashSet<>(batch.activatableTypes);
    types.addAll(typesToServe);
    typesToServe.clear();
    for (String type : types) {
      List<Stream> typeStreams = streams.getOrDefault(type, List.of());
      ArrayDeque<PollWaiter> waiters = pollWaiters.get(type);
      int next = 0;
      while (state.hasActivatable(type)) {
        // a long poll the caller gave up on (its future cancelled or timed out) gets no jobs
        while (waiters != null && !waiters.isEmpty() && waiters.peek().future().isDone()) {
          waiters.poll();
        }
        if (!typeStreams.isEmpty()) {
          Stream stream = typeStreams.get(next++ % typeStreams.size());
          StreamJobs request = stream.request;
          ActivatedJob job =
              activate(
                      type, request.worker(), request.timeout(), 1, request.fetchVariables(), batch)
                  .get(0);
          batch.afterCommit(() -> push(stream, job));
        } else if (waiters != null && !waiters.isEmpty()) {
          PollWaiter waiter = waiters.poll();
          ActivateJobs request = waiter.request();
          List<ActivatedJob> jobs =
              activate(
                  type,
                  request.worker(),
                  request.timeout(),
                  request.maxJobsToActivate(),
                  request.fetchVariables(),
                  batch);
          batch.answer(waiter.future(), jobs, () -> giveBack(jobs));
        } else {
          break;
        }
      }
    }
  }

  private void push(Stream stream, ActivatedJob job) {
    boolean delivered;
    try {
      delivered = stream.sink.push(job);
    } catch (RuntimeException e) {
      log.debug("Job stream refused job {}", job.key(), e);
      delivered = false;
    }
    if (!delivered) {
      // give the job back at once instead of letting it wait for its activation timeout
      giveBack(List.of(job));
      submitInternal(
          batch -> {
            List<Stream> list = streams.get(stream.request.type());
            if (list != null) {
              list.remove(stream);
            }
            return null;
          });
    }
  }

  private void expireWaiters(long now) {
    for (ArrayDeque<PollWaiter> waiters : pollWaiters.values()) {
      Iterator<PollWaiter> it = waiters.iterator();
      while (it.hasNext()) {
        PollWaiter waiter = it.next();
        if (waiter.deadline() <= now || waiter.future().isDone()) {
          it.remove();
          waiter.future().complete(List.of());
        }
      }
    }
    Iterator<Map.Entry<Long, ResultWaiter>> results = resultWaiters.entrySet().iterator();
    while (results.hasNext()) {
      ResultWaiter waiter = results.next().getValue();
      if (waiter.deadline() <= now) {
        results.remove();
        waiter
            .future()
            .completeExceptionally(
                new EngineException(
                    Rejection.DEADLINE_EXCEEDED,
                    "Expected to complete the process instance within the request timeout,"
                        + " but it did not complete in time"));
      }
    }
  }

  @Override
  public JobStream openJobStream(StreamJobs command, JobSink sink) {
    if (command.type() == null || command.type().isBlank()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT, "Expected to stream jobs of a type, but the type is empty");
    }
    Stream stream = new Stream(command, sink);
    await(
        submit(
            batch -> {
              streams.computeIfAbsent(command.type(), t -> new ArrayList<>()).add(stream);
              typesToServe.add(command.type());
              return null;
            }));
    return stream;
  }

  private Job findJob(long jobKey, String verb) {
    Job job = state.job(jobKey);
    if (job == null) {
      throw new EngineException(
          Rejection.NOT_FOUND,
          "Expected to " + verb + " job with key '" + jobKey + "', but no such job was found");
    }
    return job;
  }

  private Job findWorkableJob(long jobKey, String verb) {
    Job job = findJob(jobKey, verb);
    if (job.state != Job.State.ACTIVATED && job.state != Job.State.ACTIVATABLE) {
      throw new EngineException(
          Rejection.INVALID_STATE,
          "Expected to "
              + verb
              + " job with key '"
              + jobKey
              + "', but it is in state '"
              + job.state
              + "'");
    }
    return job;
  }

  @Override
  public void completeJob(long jobKey, Map<String, Object> variables) {
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    await(
        submit(
            batch -> {
              Job job = findWorkableJob(jobKey, "complete");
              behavior.completeJob(state.instance(job.processInstanceKey), job, document);
              return null;
            }));
  }

  @Override
  public void failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackOff,
      Map<String, Object> variables) {
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    long backOff = retryBackOff == null || retryBackOff.isNegative() ? 0 : retryBackOff.toMillis();
    await(
        submit(
            batch -> {
              Job job = findWorkableJob(jobKey, "fail");
              behavior.failJob(
                  state.instance(job.processInstanceKey),
                  job,
                  Math.max(0, retries),
                  errorMessage,
                  backOff,
                  document);
              return null;
            }));
  }

  @Override
  public void throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    if (errorCode == null || errorCode.isBlank()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected to throw an error for job with key '" + jobKey + "', but no error code given");
    }
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    await(
        submit(
            batch -> {
              Job job = findWorkableJob(jobKey, "throw an error for");
              behavior.throwErrorFromJob(
                  state.instance(job.processInstanceKey), job, errorCode, errorMessage, document);
              return null;
            }));
  }

  @Override
  public void updateJobRetries(long jobKey, int retries) {
    if (retries < 1) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected to update retries for job with key '"
              + jobKey
              + "' with a positive amount of retries, but the amount given was '"
              + retries
              + "'");
    }
    await(
        submit(
            batch -> {
              Job job = findJob(jobKey, "update retries for");
              job.retries = retries;
              batch.changed(state.instance(job.processInstanceKey));
              return null;
            }));
  }

  @Override
  public void updateJobTimeout(long jobKey, Duration timeout) {
    long millis = timeout == null ? 0 : timeout.toMillis();
    await(
        submit(
            batch -> {
              Job job = findJob(jobKey, "update the timeout of");
              if (job.state != Job.State.ACTIVATED) {
                throw new EngineException(
                    Rejection.INVALID_STATE,
                    "Expected to update the timeout of job with key '"
                        + jobKey
                        + "', but it is not active");
              }
              state.transition(job, Job.State.ACTIVATED, clock.millis() + millis);
              batch.changed(state.instance(job.processInstanceKey));
              return null;
            }));
  }

  // ================================================================== API: variables, incidents

  @Override
  public long setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    return this.<Long>await(
        submit(
            batch -> {
              ProcessInstance instance = state.instanceOfElement(elementInstanceKey);
              if (instance == null) {
                throw new EngineException(
                    Rejection.NOT_FOUND,
                    "Expected to update variables for element with key '"
                        + elementInstanceKey
                        + "', but no such element was found");
              }
              ElementInstance scope = instance.elements.get(elementInstanceKey);
              if (local) {
                scope.variables.putAll(document);
                batch.changed(instance);
              } else {
                behavior.mergeDocument(instance, scope, document);
              }
              return state.nextKey();
            }));
  }

  @Override
  public void resolveIncident(long incidentKey) {
    await(
        submit(
            batch -> {
              Incident incident = state.incident(incidentKey);
              if (incident == null) {
                throw new EngineException(
                    Rejection.NOT_FOUND,
                    "Expected to resolve incident with key '"
                        + incidentKey
                        + "', but no such incident was found");
              }
              Job job = incident.jobKey == 0 ? null : state.job(incident.jobKey);
              if (job != null && job.state == Job.State.FAILED && job.retries <= 0) {
                // as Camunda: update the job's retries first, then resolve
                throw new EngineException(
                    Rejection.INVALID_STATE,
                    "Expected to resolve incident with key '"
                        + incidentKey
                        + "', but the job with key '"
                        + job.key
                        + "' has no retries left; update its retries first");
              }
              behavior.resolve(state.instance(incident.processInstanceKey), incident);
              return null;
            }));
  }

  // ================================================================== API: queries

  @Override
  public java.util.Optional<org.flowcrm.engine.api.ProcessInstanceSnapshot> processInstance(
      long processInstanceKey) {
    org.flowcrm.engine.api.ProcessInstanceSnapshot running =
        await(
            submit(
                batch -> {
                  ProcessInstance instance = state.instance(processInstanceKey);
                  return instance == null ? null : snapshot(instance);
                }));
    if (running != null) {
      return java.util.Optional.of(running);
    }
    return store
        .findFinished(processInstanceKey)
        .map(
            f ->
                new org.flowcrm.engine.api.ProcessInstanceSnapshot(
                    f.key(),
                    f.processDefinitionKey(),
                    f.bpmnProcessId(),
                    f.version(),
                    f.tenantId(),
                    f.state(),
                    f.startTime(),
                    f.endTime(),
                    f.variables() == null ? Map.of() : StateJson.readVariables(f.variables()),
                    List.of(),
                    List.of(),
                    f.parentProcessInstanceKey(),
                    f.parentElementInstanceKey()));
  }

  /** Copies an instance's state, so no mutable state leaves the processing thread. */
  private org.flowcrm.engine.api.ProcessInstanceSnapshot snapshot(ProcessInstance instance) {
    ProcessInstance copy = StateJson.read(StateJson.write(instance));
    List<org.flowcrm.engine.api.ProcessInstanceSnapshot.ElementInstanceSnapshot> elements =
        new ArrayList<>();
    for (ElementInstance e : copy.elements.values()) {
      if (e.key != copy.key) {
        elements.add(
            new org.flowcrm.engine.api.ProcessInstanceSnapshot.ElementInstanceSnapshot(
                e.key, e.elementId, e.flowScopeKey, e.state.name(), e.variables));
      }
    }
    return new org.flowcrm.engine.api.ProcessInstanceSnapshot(
        copy.key,
        copy.processDefinitionKey,
        copy.bpmnProcessId,
        copy.version,
        copy.tenantId,
        org.flowcrm.engine.api.ProcessInstanceSnapshot.ACTIVE,
        copy.startTime,
        0,
        copy.root().variables,
        elements,
        incidents(copy),
        copy.parentProcessInstanceKey,
        copy.parentElementInstanceKey);
  }

  private static List<org.flowcrm.engine.api.Incident> incidents(ProcessInstance instance) {
    List<org.flowcrm.engine.api.Incident> result = new ArrayList<>();
    for (Incident i : instance.incidents.values()) {
      result.add(
          new org.flowcrm.engine.api.Incident(
              i.key,
              i.processInstanceKey,
              i.elementInstanceKey,
              i.elementId,
              i.errorType.name(),
              i.errorMessage,
              i.jobKey,
              i.creationTime));
    }
    return result;
  }

  @Override
  public List<org.flowcrm.engine.api.Incident> incidents(long processInstanceKey) {
    return await(
        submit(
            batch -> {
              ProcessInstance instance = state.instance(processInstanceKey);
              return instance == null ? List.of() : incidents(instance);
            }));
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.Incident> incident(long incidentKey) {
    org.flowcrm.engine.api.Incident found =
        await(
            submit(
                batch -> {
                  Incident i = state.incident(incidentKey);
                  return i == null
                      ? null
                      : new org.flowcrm.engine.api.Incident(
                          i.key,
                          i.processInstanceKey,
                          i.elementInstanceKey,
                          i.elementId,
                          i.errorType.name(),
                          i.errorMessage,
                          i.jobKey,
                          i.creationTime);
                }));
    return java.util.Optional.ofNullable(found);
  }

  // ================================================================== API: searches (REST v2)
  // Each runs on the processing thread over the state (consistent, never stale); the classes
  // *Search hold the filtering so this file only routes.

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.ProcessDefinition>
      searchProcessDefinitions(org.flowcrm.engine.api.SearchQuery query) {
    return await(submit(batch -> ProcessDefinitionSearch.run(state, modelInfo, query)));
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.ProcessDefinition> processDefinition(
      long processDefinitionKey) {
    org.flowcrm.engine.api.ProcessDefinition found =
        await(
            submit(
                batch -> {
                  var deployed = state.definition(processDefinitionKey);
                  return deployed == null
                      ? null
                      : ProcessDefinitionSearch.toApi(deployed, modelInfo);
                }));
    return java.util.Optional.ofNullable(found);
  }

  @Override
  public java.util.Optional<String> processDefinitionXml(long processDefinitionKey) {
    byte[] resource =
        await(
            submit(
                batch -> {
                  var deployed = state.definition(processDefinitionKey);
                  return deployed == null ? null : deployed.resource();
                }));
    return java.util.Optional.ofNullable(resource)
        .map(r -> new String(r, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.ProcessInstanceSummary>
      searchProcessInstances(org.flowcrm.engine.api.SearchQuery query) {
    ProcessInstanceSearch.Running running =
        await(submit(batch -> ProcessInstanceSearch.running(state, modelInfo, query)));
    return ProcessInstanceSearch.complete(running, store, query);
  }

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.ElementInstanceSummary>
      searchElementInstances(org.flowcrm.engine.api.SearchQuery query) {
    List<org.flowcrm.engine.api.ElementInstanceSummary> running =
        await(submit(batch -> ElementInstanceSearch.running(state, modelInfo, query)));
    return ElementInstanceSearch.complete(running, store, query);
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.ElementInstanceSummary> elementInstance(
      long elementInstanceKey) {
    org.flowcrm.engine.api.ElementInstanceSummary found =
        await(submit(batch -> ElementInstanceSearch.find(state, modelInfo, elementInstanceKey)));
    if (found != null) {
      return java.util.Optional.of(found);
    }
    return store.findFinishedElement(elementInstanceKey).map(ElementInstanceSearch::toApi);
  }

  @Override
  public java.util.Optional<List<org.flowcrm.engine.api.ElementStatistics>> elementStatistics(
      long processDefinitionKey) {
    Map<String, long[]> running =
        await(
            submit(
                batch ->
                    state.definition(processDefinitionKey) == null
                        ? null
                        : ElementStatisticsQuery.running(state, processDefinitionKey)));
    return running == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            ElementStatisticsQuery.complete(running, store, processDefinitionKey));
  }

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.IncidentSummary>
      searchIncidents(org.flowcrm.engine.api.SearchQuery query) {
    return await(submit(batch -> IncidentSearch.run(state, query)));
  }

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.Variable> searchVariables(
      org.flowcrm.engine.api.SearchQuery query) {
    VariableSearch.Running running = await(submit(batch -> VariableSearch.running(state, query)));
    return VariableSearch.complete(running, store, query);
  }

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.Variable>
      searchUserTaskVariables(long userTaskKey, org.flowcrm.engine.api.SearchQuery query) {
    org.flowcrm.engine.api.SearchQuery q =
        query == null ? org.flowcrm.engine.api.SearchQuery.all() : query;
    VariableSearch.checkUserTask(q);
    VariableSearch.Running running =
        await(
            submit(
                batch -> {
                  org.flowcrm.engine.state.UserTask task = state.userTask(userTaskKey);
                  if (task == null) {
                    return null;
                  }
                  boolean open = state.openUserTask(userTaskKey) != null;
                  return VariableSearch.userTask(
                      state, task.processInstanceKey, open ? task.elementInstanceKey : 0, q);
                }));
    if (running == null) {
      // older than the in-memory history: the task's row in the store names its instance
      org.flowcrm.engine.state.UserTask stored =
          store
              .findUserTask(userTaskKey)
              .map(StateJson::readUserTask)
              .orElseThrow(
                  () ->
                      new EngineException(
                          Rejection.NOT_FOUND,
                          "User Task with key '" + userTaskKey + "' not found"));
      running =
          await(submit(batch -> VariableSearch.userTask(state, stored.processInstanceKey, 0, q)));
    }
    return VariableSearch.complete(running, store, q);
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.Variable> variable(long variableKey) {
    org.flowcrm.engine.api.Variable running =
        await(submit(batch -> VariableSearch.find(state, variableKey)));
    return java.util.Optional.ofNullable(
        running != null ? running : VariableSearch.findFinished(store, variableKey));
  }

  @Override
  public org.flowcrm.engine.api.SearchResult<org.flowcrm.engine.api.JobSummary> searchJobs(
      org.flowcrm.engine.api.SearchQuery query) {
    return await(submit(batch -> JobSearch.run(state, query)));
  }

  // ================================================================== API: messages

  @Override
  public long publishMessage(
      String name,
      String correlationKey,
      Duration timeToLive,
      String messageId,
      Map<String, Object> variables) {
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    checkMessageName(name);
    String key = correlationKey == null ? "" : correlationKey;
    long ttl = timeToLive == null || timeToLive.isNegative() ? 0 : timeToLive.toMillis();
    String id = messageId == null ? "" : messageId;
    return this.<Long>await(
        submit(
            batch -> {
              if (state.isBuffered(name, key, id)) {
                throw new EngineException(
                    Rejection.ALREADY_EXISTS,
                    "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a"
                        + " new message with id '"
                        + id
                        + "', but a message with that id was already published");
              }
              org.flowcrm.engine.state.Message message = new org.flowcrm.engine.state.Message();
              message.key = state.nextKey();
              message.name = name;
              message.correlationKey = key;
              message.messageId = id;
              message.variables = document;
              correlateNew(message);
              if (ttl > 0) {
                message.deadline = clock.millis() + ttl;
                state.addMessage(message);
                batch.messages.put(message.key, message);
              }
              return message.key;
            }));
  }

  private static void checkMessageName(String name) {
    if (name == null || name.isBlank()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT, "Expected a message name, but none given");
    }
  }

  @Override
  public org.flowcrm.engine.api.MessageCorrelated correlateMessage(
      String name, String correlationKey, Map<String, Object> variables) {
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    checkMessageName(name);
    String key = correlationKey == null ? "" : correlationKey;
    return await(
        submit(
            batch -> {
              org.flowcrm.engine.state.Message message = new org.flowcrm.engine.state.Message();
              message.key = state.nextKey();
              message.name = name;
              message.correlationKey = key;
              message.variables = document;
              List<Long> instances = correlateNew(message);
              if (instances.isEmpty()) {
                throw new EngineException(
                    Rejection.NOT_FOUND,
                    "Command 'CORRELATE' rejected with code 'NOT_FOUND': Expected to find"
                        + " subscription for message with name '"
                        + name
                        + "' and correlation key '"
                        + key
                        + "', but none was found.");
              }
              return new org.flowcrm.engine.api.MessageCorrelated(
                  message.key, instances.get(0), DEFAULT_TENANT);
            }));
  }

  @Override
  public long broadcastSignal(String signalName, Map<String, Object> variables) {
    if (signalName == null || signalName.isBlank()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT, "Expected a signal name, but none given");
    }
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    return this.<Long>await(
        submit(
            batch -> {
              long key = state.nextKey();
              for (org.flowcrm.engine.state.MessageSubscription subscription :
                  state.signalSubscriptions(signalName)) {
                ProcessInstance instance = state.instance(subscription.processInstanceKey);
                if (instance != null
                    && instance.subscriptions.get(subscription.key) == subscription) {
                  behavior.correlate(instance, subscription, document);
                }
              }
              for (DeployedProcess definition : List.copyOf(state.latestDefinitions())) {
                for (String id : definition.executable().process().signalStartEventIds()) {
                  if (signalName.equals(
                      definition.executable().element(id).signalName().source())) {
                    behavior.start(definition, document, id);
                    break;
                  }
                }
              }
              return key;
            }));
  }

  /**
   * Correlates a new message to the open subscriptions with its name and key and to message start
   * events, at most once per process id. Returns the instances it reached.
   */
  private List<Long> correlateNew(org.flowcrm.engine.state.Message message) {
    List<Long> reached = new ArrayList<>();
    for (org.flowcrm.engine.state.MessageSubscription subscription :
        state.subscriptions(message.name, message.correlationKey)) {
      ProcessInstance instance = state.instance(subscription.processInstanceKey);
      if (instance == null
          || instance.subscriptions.get(subscription.key) != subscription
          || message.correlatedProcessIds.contains(instance.bpmnProcessId)) {
        continue;
      }
      message.correlatedProcessIds.add(instance.bpmnProcessId);
      behavior.correlate(instance, subscription, message.variables);
      reached.add(instance.key);
    }
    for (DeployedProcess definition : List.copyOf(state.latestDefinitions())) {
      Long started = startByMessage(definition, message);
      if (started != null) {
        reached.add(started);
      }
    }
    return reached;
  }

  /** Starts an instance at a message start event matching the message, if one may start. */
  private Long startByMessage(DeployedProcess definition, org.flowcrm.engine.state.Message m) {
    if (m.correlatedProcessIds.contains(definition.bpmnProcessId())) {
      return null;
    }
    for (String id : definition.executable().process().messageStartEventIds()) {
      org.flowcrm.engine.model.FlowNode event = definition.executable().element(id);
      if (!m.name.equals(event.messageName().source())) {
        continue;
      }
      if (!m.correlationKey.isEmpty()
          && state.startedBy(definition.bpmnProcessId(), m.correlationKey) != null) {
        return null; // one active instance per correlation key: the message waits
      }
      m.correlatedProcessIds.add(definition.bpmnProcessId());
      ProcessInstance instance = behavior.start(definition, m.variables, id, m.correlationKey);
      return instance.key;
    }
    return null;
  }

  /**
   * After a batch's commands: buffered messages correlate to subscriptions opened in it (the oldest
   * message first, once per process id), message start events whose last instance for a key ended
   * take the next buffered message, and messages past their time to live are dropped.
   */
  private void correlateBufferedMessages(Batch batch, long now) {
    for (org.flowcrm.engine.state.Message m : List.copyOf(state.messages())) {
      if (m.deadline <= now) {
        state.removeMessage(m);
        batch.messages.remove(m.key);
        batch.removedMessages.add(m.key);
      }
    }
    Set<Long> handledFinished = new java.util.HashSet<>();
    boolean progress = true;
    for (int round = 0; progress && round < 10_000; round++) {
      progress = false;
      while (!batch.openedSubscriptions.isEmpty()) {
        progress = true;
        org.flowcrm.engine.state.MessageSubscription subscription =
            batch.openedSubscriptions.remove(0);
        ProcessInstance instance = state.instance(subscription.processInstanceKey);
        if (instance == null || instance.subscriptions.get(subscription.key) != subscription) {
          continue;
        }
        for (org.flowcrm.engine.state.Message m : state.messages()) {
          if (m.name.equals(subscription.messageName)
              && m.correlationKey.equals(subscription.correlationKey)
              && !m.correlatedProcessIds.contains(instance.bpmnProcessId)) {
            m.correlatedProcessIds.add(instance.bpmnProcessId);
            batch.messages.put(m.key, m);
            behavior.correlate(instance, subscription, m.variables);
            break;
          }
        }
      }
      for (Batch.Finished finished : List.copyOf(batch.finished.values())) {
        ProcessInstance done = finished.instance();
        if (done.startCorrelationKey == null || !handledFinished.add(done.key)) {
          continue;
        }
        progress = true;
        DeployedProcess latest = state.latest(done.bpmnProcessId);
        if (latest == null) {
          continue;
        }
        for (org.flowcrm.engine.state.Message m : List.copyOf(state.messages())) {
          if (m.correlationKey.equals(done.startCorrelationKey)
              && startByMessage(latest, m) != null) {
            batch.messages.put(m.key, m);
            break;
          }
        }
      }
    }
  }

  // ================================================================== API: user tasks

  private static org.flowcrm.engine.api.UserTask toApi(org.flowcrm.engine.state.UserTask t) {
    return new org.flowcrm.engine.api.UserTask(
        t.key,
        t.elementId,
        t.elementInstanceKey,
        t.processInstanceKey,
        t.processDefinitionKey,
        t.processDefinitionVersion,
        t.bpmnProcessId,
        t.name,
        t.state,
        t.assignee,
        List.copyOf(t.candidateGroups),
        List.copyOf(t.candidateUsers),
        t.dueDate,
        t.followUpDate,
        t.creationDate,
        t.completionDate,
        t.priority,
        t.formKey,
        t.formId,
        t.externalFormReference,
        t.customHeaders == null ? Map.of() : Map.copyOf(t.customHeaders),
        t.tenantId);
  }

  @Override
  public org.flowcrm.engine.api.UserTaskSearchResult searchUserTasks(
      org.flowcrm.engine.api.UserTaskQuery query) {
    org.flowcrm.engine.api.UserTaskQuery q =
        query == null ? org.flowcrm.engine.api.UserTaskQuery.all() : query;
    if (q.from() < 0) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT, "Expected 'from' to be 0 or more, but was " + q.from());
    }
    return await(submit(batch -> UserTaskSearch.run(state, q)));
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.Form> userTaskForm(long userTaskKey) {
    java.util.Optional<org.flowcrm.engine.api.UserTask> task = userTask(userTaskKey);
    if (task.isEmpty()) {
      throw new EngineException(
          Rejection.NOT_FOUND,
          "Expected to find user task with key '" + userTaskKey + "', but none was found");
    }
    return task.get().formKey() > 0 ? form(task.get().formKey()) : java.util.Optional.empty();
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.Form> processDefinitionForm(
      long processDefinitionKey) {
    Object found =
        await(
            submit(
                batch -> {
                  var deployed = state.definition(processDefinitionKey);
                  if (deployed == null) {
                    return Boolean.FALSE;
                  }
                  String formId = modelInfo.of(deployed).startFormId();
                  var form = formId == null ? null : state.latestForm(formId);
                  return form == null ? Boolean.TRUE : FormDeployment.toApi(form);
                }));
    if (Boolean.FALSE.equals(found)) {
      throw new EngineException(
          Rejection.NOT_FOUND,
          "Process Definition with key '" + processDefinitionKey + "' not found");
    }
    return found instanceof org.flowcrm.engine.api.Form form
        ? java.util.Optional.of(form)
        : java.util.Optional.empty();
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.Form> form(long formKey) {
    org.flowcrm.engine.api.Form found =
        await(
            submit(
                batch -> {
                  var form = state.form(formKey);
                  return form == null ? null : FormDeployment.toApi(form);
                }));
    return java.util.Optional.ofNullable(found);
  }

  @Override
  public java.util.Optional<org.flowcrm.engine.api.UserTask> userTask(long userTaskKey) {
    org.flowcrm.engine.api.UserTask found =
        await(
            submit(
                batch -> {
                  org.flowcrm.engine.state.UserTask t = state.userTask(userTaskKey);
                  return t == null ? null : toApi(t);
                }));
    if (found != null) {
      return java.util.Optional.of(found);
    }
    return store.findUserTask(userTaskKey).map(json -> toApi(StateJson.readUserTask(json)));
  }

  private org.flowcrm.engine.state.UserTask findOpenUserTask(long key, String verb) {
    org.flowcrm.engine.state.UserTask task = state.openUserTask(key);
    if (task == null) {
      throw new EngineException(
          Rejection.NOT_FOUND,
          "Command '"
              + verb.toUpperCase(java.util.Locale.ROOT)
              + "' rejected with code 'NOT_FOUND': Expected to "
              + verb
              + " user task with key '"
              + key
              + "', but no such user task was found");
    }
    return task;
  }

  private void changedUserTask(Batch batch, org.flowcrm.engine.state.UserTask task) {
    batch.userTaskChanged(task);
    batch.changed(state.instance(task.processInstanceKey));
  }

  @Override
  public void assignUserTask(long userTaskKey, String assignee, boolean allowOverride) {
    if (assignee == null || assignee.isBlank()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected to assign user task with key '"
              + userTaskKey
              + "' to an assignee, but none given (use unassign to remove the assignee)");
    }
    await(
        submit(
            batch -> {
              org.flowcrm.engine.state.UserTask task = findOpenUserTask(userTaskKey, "assign");
              if (!allowOverride && task.assignee != null) {
                throw new EngineException(
                    Rejection.INVALID_STATE,
                    "Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user"
                        + " task with key '"
                        + userTaskKey
                        + "', but it is already assigned to '"
                        + task.assignee
                        + "'");
              }
              task.assignee = assignee;
              changedUserTask(batch, task);
              return null;
            }));
  }

  @Override
  public void unassignUserTask(long userTaskKey) {
    await(
        submit(
            batch -> {
              org.flowcrm.engine.state.UserTask task = findOpenUserTask(userTaskKey, "unassign");
              task.assignee = null;
              changedUserTask(batch, task);
              return null;
            }));
  }

  @Override
  public void updateUserTask(long userTaskKey, org.flowcrm.engine.api.UserTaskUpdate changeset) {
    org.flowcrm.engine.api.UserTaskUpdate update =
        changeset == null
            ? new org.flowcrm.engine.api.UserTaskUpdate(null, null, null, null, null)
            : changeset;
    String due = updatedDate("dueDate", update.dueDate());
    String followUp = updatedDate("followUpDate", update.followUpDate());
    if (update.priority() != null && (update.priority() < 0 || update.priority() > 100)) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected priority to be in the range [0,100], but was '" + update.priority() + "'");
    }
    await(
        submit(
            batch -> {
              org.flowcrm.engine.state.UserTask task = findOpenUserTask(userTaskKey, "update");
              if (update.dueDate() != null) {
                task.dueDate = due;
              }
              if (update.followUpDate() != null) {
                task.followUpDate = followUp;
              }
              if (update.candidateGroups() != null) {
                task.candidateGroups = new ArrayList<>(update.candidateGroups());
              }
              if (update.candidateUsers() != null) {
                task.candidateUsers = new ArrayList<>(update.candidateUsers());
              }
              if (update.priority() != null) {
                task.priority = update.priority();
              }
              changedUserTask(batch, task);
              return null;
            }));
  }

  /** An ISO 8601 date-time from a changeset; "" clears it (null result). */
  private static String updatedDate(String field, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String normalized = BpmnBehavior.isoDateTime(value);
    if (normalized == null) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected '"
              + field
              + "' to be an ISO 8601 date-time with an offset, but was '"
              + value
              + "'");
    }
    return normalized;
  }

  @Override
  public void completeUserTask(long userTaskKey, Map<String, Object> variables, String action) {
    Map<String, Object> document = Variables.document(variables, settings.maxPayloadBytes());
    String taskAction = action == null || action.isBlank() ? "complete" : action;
    await(
        submit(
            batch -> {
              org.flowcrm.engine.state.UserTask task = findOpenUserTask(userTaskKey, "complete");
              ProcessInstance instance = state.instance(task.processInstanceKey);
              behavior.completeUserTask(instance, task, document, taskAction);
              return null;
            }));
  }

  // ================================================================== lifecycle

  @Override
  public void close() {
    if (!running) {
      return;
    }
    CompletableFuture<Object> last = submit(batch -> null);
    try {
      last.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("Engine did not drain its queue in time", e);
    }
    stop();
    store.close();
  }

  /**
   * Stops processing without draining the queue or closing the store, as a crash would: queued
   * commands are not applied (they fail with UNAVAILABLE). For durability tests; what a real crash
   * loses is the same, since nothing is answered before it is committed.
   */
  public void halt() {
    stop();
  }

  private void stop() {
    running = false;
    // the thread ends after the batch it is in (at most ~100 ms idle): a commit under way is not
    // torn, so its callers get an answer that matches what is stored
    try {
      thread.join(10_000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Command> left = new ArrayList<>();
    queue.drainTo(left);
    failAll(left, unavailable("The engine is closed"));
    EngineException closed = unavailable("The engine is closed");
    pollWaiters.values().forEach(ws -> ws.forEach(w -> w.future().completeExceptionally(closed)));
    resultWaiters.values().forEach(w -> w.future().completeExceptionally(closed));
  }
}
