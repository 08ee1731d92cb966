package org.flowcrm.crm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features only use each other's top-level (public API) types, never a {@code web} package, and
 * do not depend on each other in cycles.
 */
class ModuleStructureTests {

  @Test
  void featuresRespectTheirBoundaries() {
    ApplicationModules.of(CrmTestApplication.class).verify();
  }
}
