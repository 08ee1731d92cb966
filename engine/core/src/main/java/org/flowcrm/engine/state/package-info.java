/**
 * The engine's runtime state: instances, element instances, jobs, incidents, deployed processes.
 */
package org.flowcrm.engine.state;
