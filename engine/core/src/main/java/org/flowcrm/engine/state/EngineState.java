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
  private long nextKey;

  public EngineState(long nextKey) {
    this.nextKey = Math.max(nextKey, KEY_BASE + 1);
  }

  public long nextKey() {
    return nextKey++;
  }

  /** The next key that would be handed out: persisted so keys stay unique across restarts. */
  public long peekNextKey() {
    return nextKey;
  }

  // ---- deployed processes

  public void addDefinition(DeployedProcess process) {
    definitions.put(process.key(), process);
    DeployedProcess latest = latestByProcessId.get(process.bpmnProcessId());
    if (latest == null || latest.version() < process.version()) {
      latestByProcessId.put(process.bpmnProcessId(), process);
    }
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
  }

  public void addElement(ProcessInstance instance, ElementInstance element) {
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
