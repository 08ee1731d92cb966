package org.flowcrm.engine.api;

/** What topology requests report: one broker holding every partition. */
public record Topology(
    int clusterSize,
    int partitionsCount,
    int replicationFactor,
    String gatewayVersion,
    String brokerHost,
    int brokerPort) {}
