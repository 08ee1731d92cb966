/**
 * Merging duplicates: a contact, company or lead takes over everything linked to its duplicate
 * (found through the database's foreign keys and the item links), fills its empty fields from it,
 * and the duplicate is deleted, all in one transaction. Entry point {@link
 * org.flowcrm.crm.merge.MergeService}.
 */
package org.flowcrm.crm.merge;
