package org.flowcrm.engine.api;

/** One file of a deployment: its name (e.g. {@code lead-processing.bpmn}) and bytes. */
public record DeployResource(String name, byte[] content) {}
