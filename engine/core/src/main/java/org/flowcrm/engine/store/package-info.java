/**
 * Persistence of the engine's state behind {@link org.flowcrm.engine.store.EngineStore}: JDBC
 * (MariaDB) or memory.
 */
package org.flowcrm.engine.store;
