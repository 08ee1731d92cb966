/**
 * Camunda 8 behaviour as docs.camunda.io describes it, driven only through the real Camunda client
 * over REST and gRPC, against the durable engine on a real MariaDB.
 */
package org.flowcrm.engine.conformance;
