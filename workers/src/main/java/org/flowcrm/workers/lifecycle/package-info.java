/**
 * The bridge between CRM events and the processes: starts lead processing for new leads and deal
 * execution for converted deals, publishes "invoice paid", asks a deal's process before a manager
 * moves it, and records where each process is on its lead or deal. Talks to the engine only through
 * the Camunda client.
 */
package org.flowcrm.workers.lifecycle;
