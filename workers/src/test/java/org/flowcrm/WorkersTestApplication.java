package org.flowcrm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Assembles the CRM and the workers for the workers' integration tests, with the embedded engine
 * and MariaDB (the {@code app} module assembles everything, UI included). In package {@code
 * org.flowcrm} so the CRM's entities and repositories are found; the engine is auto-configured.
 */
@SpringBootApplication(scanBasePackages = {"org.flowcrm.crm", "org.flowcrm.workers"})
public class WorkersTestApplication {}
