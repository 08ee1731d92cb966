package org.flowcrm.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the CRM features alone for tests (the {@code app} module assembles everything). */
@SpringBootApplication
public class CrmTestApplication {}
