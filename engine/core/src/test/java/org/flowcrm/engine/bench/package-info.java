/** A throughput check of the engine core (a main program, not a test). */
package org.flowcrm.engine.bench;
