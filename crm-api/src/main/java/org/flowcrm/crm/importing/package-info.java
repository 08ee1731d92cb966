/**
 * Getting records in: CSV and vCard imports as background jobs (preview, mapping, duplicates,
 * progress, failure report, revert) and vCard export of contacts.
 */
package org.flowcrm.crm.importing;
