package org.flowcrm.crm.notification;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each new notification to its recipient's open server-sent-event streams (the UI's live
 * badge), after the notification is committed so a client never sees one that was rolled back.
 * Streams live in this application instance's memory; a client reconnects after a restart and reads
 * the unread count once.
 */
@Component
public class NotificationStream {

  /** Event name of a new notification on the stream; its data is the notification as JSON. */
  public static final String EVENT = "notification";

  /** How long a stream stays open before the client's EventSource reconnects. */
  static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

  private final Map<Long, List<SseEmitter>> streams = new ConcurrentHashMap<>();

  /** Opens a stream for the user; it first carries the current unread count. */
  public SseEmitter open(long userId, long unreadCount) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
    List<SseEmitter> mine = streams.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
    mine.add(emitter);
    Runnable remove = () -> mine.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      emitter.send(SseEmitter.event().name("unread-count").data(Map.of("count", unreadCount)));
    } catch (IOException e) {
      remove.run();
    }
    return emitter;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void push(NotificationCreated created) {
    NotificationView notification = created.notification();
    List<SseEmitter> mine = streams.get(notification.recipientId());
    if (mine == null) {
      return;
    }
    for (SseEmitter emitter : mine) {
      try {
        emitter.send(
            SseEmitter.event().id(Long.toString(notification.id())).name(EVENT).data(notification));
      } catch (IOException | IllegalStateException e) {
        // the browser went away; its stream is finished
        mine.remove(emitter);
      }
    }
  }
}
