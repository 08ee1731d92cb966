package org.flowcrm.crm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins for one login within
 * {@code window}, that login is locked until the oldest of those failures leaves the window. Kept
 * in memory: a restart forgets the counts, which costs an attacker a restart per few guesses.
 */
@Component
public class LoginThrottle {

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  @Autowired
  LoginThrottle(
      @Value("${flowcrm.security.login.max-failures:5}") int maxFailures,
      @Value("${flowcrm.security.login.lock-window:PT15M}") Duration window) {
    this(maxFailures, window, Clock.systemUTC());
  }

  LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  public boolean isLocked(String login) {
    Deque<Instant> recent = failures.get(key(login));
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      forgetOld(recent);
      return recent.size() >= maxFailures;
    }
  }

  void failed(String login) {
    Deque<Instant> recent = failures.computeIfAbsent(key(login), k -> new ArrayDeque<>());
    synchronized (recent) {
      forgetOld(recent);
      recent.addLast(clock.instant());
    }
  }

  void succeeded(String login) {
    failures.remove(key(login));
  }

  private void forgetOld(Deque<Instant> recent) {
    Instant cutoff = clock.instant().minus(window);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
      recent.removeFirst();
    }
  }

  private static String key(String login) {
    return login == null ? "" : login.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
