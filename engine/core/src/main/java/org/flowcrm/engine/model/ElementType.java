package org.flowcrm.engine.model;

/** The BPMN elements this engine executes; anything else is refused at deploy time. */
public enum ElementType {
  PROCESS,
  START_EVENT,
  END_EVENT,
  INTERMEDIATE_THROW_EVENT,
  /** Service, send, business rule or script task implemented by a job worker. */
  JOB_TASK,
  /** Script task evaluated by the engine ({@code zeebe:script}). */
  SCRIPT_TASK,
  /** Undefined or manual task: passes straight through. */
  PASS_THROUGH_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INCLUSIVE_GATEWAY,
  /** A {@code zeebe:userTask}: waits until completed through the user-task API. */
  USER_TASK,
  SUB_PROCESS,
  BOUNDARY_EVENT,
  /** Receive task: waits for its message. */
  RECEIVE_TASK,
  /** Intermediate catch event (timer or message): waits for its trigger. */
  INTERMEDIATE_CATCH_EVENT,
  /** Event-based gateway: waits for the first of the catch events after it. */
  EVENT_BASED_GATEWAY,
  /** Call activity: starts the latest version of another process and waits for it to end. */
  CALL_ACTIVITY,
  /**
   * Event sub-process ({@code triggeredByEvent}): not on any flow; its start event (timer, message
   * or error) opens it in the enclosing scope.
   */
  EVENT_SUB_PROCESS
}
