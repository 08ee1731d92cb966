/** Worker of {@code crm.assign-responsible}: picks the responsible manager of a lead or deal. */
package org.flowcrm.workers.assign;
