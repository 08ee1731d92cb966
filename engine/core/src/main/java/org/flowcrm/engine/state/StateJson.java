package org.flowcrm.engine.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON for state snapshots and variables. Integers are read as {@code Long}, so a value looks the
 * same before and after a restart.
 */
public final class StateJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private static final ObjectMapper VARIABLES =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private StateJson() {}

  public static byte[] write(ProcessInstance instance) {
    try {
      return MAPPER.writeValueAsBytes(instance);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise process instance " + instance.key, e);
    }
  }

  public static ProcessInstance read(byte[] json) {
    try {
      return MAPPER.readValue(json, ProcessInstance.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a stored process instance", e);
    }
  }

  public static byte[] write(UserTask task) {
    try {
      return MAPPER.writeValueAsBytes(task);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise user task " + task.key, e);
    }
  }

  public static byte[] write(Timer timer) {
    try {
      return MAPPER.writeValueAsBytes(timer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise timer " + timer.key, e);
    }
  }

  public static byte[] write(Message message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise message " + message.key, e);
    }
  }

  public static Message readMessage(byte[] json) {
    try {
      return MAPPER.readValue(json, Message.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a stored message", e);
    }
  }

  public static Timer readTimer(byte[] json) {
    try {
      return MAPPER.readValue(json, Timer.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a stored timer", e);
    }
  }

  public static UserTask readUserTask(byte[] json) {
    try {
      return MAPPER.readValue(json, UserTask.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a stored user task", e);
    }
  }

  /** Serialises a variables document; throws IllegalArgumentException for non-JSON values. */
  public static byte[] writeVariables(Object document) {
    try {
      return VARIABLES.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  public static Map<String, Object> readVariables(byte[] json) {
    try {
      return VARIABLES.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a variables document", e);
    }
  }

  public static Object readValue(byte[] json) {
    try {
      return VARIABLES.readValue(json, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a JSON value", e);
    }
  }
}
