package org.flowcrm.crm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects the domain events the CRM publishes, so tests can assert on them. */
@Component
public class RecordedEvents {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(Object event) {
    if (event.getClass().getPackageName().startsWith("org.flowcrm.crm")) {
      events.add(event);
    }
  }

  public <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
