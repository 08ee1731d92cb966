package org.flowcrm.ui.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test double of {@link ProcessDeployments}: records what was deployed and answers like an engine
 * would (a new version per process id on each deployment), or refuses or fails the next deployment
 * when a test asks it to.
 */
public class RecordingProcessDeployments implements ProcessDeployments {

  /** One call, as the server received it. */
  public record Received(String resourceName, String xml) {}

  private final List<Received> received = new ArrayList<>();
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong(2251799813685249L);
  private volatile RuntimeException nextFailure;

  @Override
  public synchronized Deployment deploy(String resourceName, String xml) {
    received.add(new Received(resourceName, xml));
    RuntimeException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      throw failure;
    }
    String processId = resourceName.replaceFirst("\\.bpmn$", "");
    int version = versions.merge(processId, 1, Integer::sum);
    return new Deployment(
        keys.incrementAndGet(),
        List.of(new DeployedProcess(processId, version, keys.incrementAndGet())));
  }

  /** The next deployment fails with this engine problem. */
  public void refuseNext(String title, String detail) {
    nextFailure =
        new DeploymentRefused(title, detail, CamundaProcessDeployments.elementIds(detail), null);
  }

  /** The next deployment fails unexpectedly, as a bug would. */
  public void failNext(RuntimeException failure) {
    nextFailure = failure;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  public synchronized void reset() {
    received.clear();
    versions.clear();
    nextFailure = null;
  }
}
