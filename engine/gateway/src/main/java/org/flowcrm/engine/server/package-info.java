/**
 * The gateway bootstrap: one engine served over REST v2 and gRPC, started and stopped together by
 * the Spring auto-configuration, the standalone main and the tests.
 */
package org.flowcrm.engine.server;
