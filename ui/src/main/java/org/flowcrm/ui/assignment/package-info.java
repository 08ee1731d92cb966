/**
 * The administrators' page for assignment rules: which lead or deal goes to whom, tried in order,
 * first match wins (crm-api's {@code assignment} package decides; {@code crm.assign-responsible}
 * applies it).
 */
package org.flowcrm.ui.assignment;
