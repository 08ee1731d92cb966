package org.flowcrm.crm.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flowcrm.webhooks.*}: how often the dispatcher looks for due deliveries, how many it sends
 * at once, timeouts, and the retry schedule (attempt n+1 waits {@code initialBackoff × 2^(n-1)}
 * after attempt n; after {@code maxAttempts} the delivery is FAILED).
 */
@ConfigurationProperties("flowcrm.webhooks")
public record WebhookSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("4") int threads,
    @DefaultValue("1m") Duration initialBackoff,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout) {

  /** The wait after failed attempt number {@code attempts} (1-based). */
  Duration backoffAfter(int attempts) {
    return initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
  }
}
