/**
 * Spring Boot integration: starts the embedded engine on the application's DataSource, points the
 * application's own Camunda client at it, and reports its health. Spring is optional for the
 * module; nothing outside this package depends on it.
 */
package org.flowcrm.engine.spring;
