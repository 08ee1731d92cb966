package org.flowcrm.crm.webform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code flowcrm.web-forms.submissions-per-minute} (10) submissions per client address and
 * minute, so a bot cannot flood the lead list. In memory: a restart forgets, which is fine for a
 * spam brake; several application instances each count on their own.
 */
@Component
public class SubmissionRateLimiter {

  private record Window(long minute, int count) {}

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int perMinute;

  SubmissionRateLimiter(@Value("${flowcrm.web-forms.submissions-per-minute:10}") int perMinute) {
    this.perMinute = perMinute;
  }

  /** Counts a submission from {@code address}; false when it is over the limit. */
  public boolean tryAcquire(String address) {
    long minute = System.currentTimeMillis() / 60_000;
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window window =
        windows.compute(
            address,
            (key, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, old.count() + 1));
    return window.count() <= perMinute;
  }

  public int perMinute() {
    return perMinute;
  }
}
