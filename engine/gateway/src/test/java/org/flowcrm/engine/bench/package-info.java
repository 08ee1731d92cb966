/** The engine benchmark: a main class, not a test (see docs/benchmarks.md). */
package org.flowcrm.engine.bench;
