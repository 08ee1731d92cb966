package org.flowcrm.engine;

import java.time.Clock;

/**
 * How an engine instance is set up.
 *
 * @param maxPayloadBytes largest accepted variables document per command (Camunda's is ~4 MB)
 * @param clock time source (timers, deadlines); tests may move it
 */
public record EngineSettings(int maxPayloadBytes, Clock clock) {

  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

  public static EngineSettings defaults() {
    return new EngineSettings(DEFAULT_MAX_PAYLOAD_BYTES, Clock.systemUTC());
  }
}
