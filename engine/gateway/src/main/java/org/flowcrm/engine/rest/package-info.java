/**
 * The Orchestration Cluster REST API v2 subset the Camunda client uses, served by the JDK's HTTP
 * server (no Spring MVC, so the engine also runs standalone). Thin: parse, call the engine, answer.
 */
package org.flowcrm.engine.rest;
