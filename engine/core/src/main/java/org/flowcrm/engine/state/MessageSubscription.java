package org.flowcrm.engine.state;

/**
 * An open message subscription of a catch event, receive task or boundary event. The correlation
 * key was evaluated when the element was entered and is never updated (as in Zeebe).
 */
public final class MessageSubscription {

  public long key;
  public long processInstanceKey;

  /** The element instance that owns it (the catch event / receive task, or the activity). */
  public long elementInstanceKey;

  /** The element to trigger. */
  public String targetElementId;

  public String messageName;
  public String correlationKey;
  public boolean interrupting = true;

  /** A signal subscription: {@link #messageName} is the signal's name, there is no key. */
  public boolean signal;
}
