/** The engine as its own process, for a developer who wants just the engine. */
package org.flowcrm.engine.standalone;
