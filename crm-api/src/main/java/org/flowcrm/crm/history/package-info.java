/**
 * Change history: every change to a lead, contact, company, deal or product — field, old value, new
 * value, who, when — recorded from Hibernate's flush events, so no service has to remember to write
 * it and no change escapes it. The features expose it next to their records ({@code GET
 * /api/v1/deals/{id}/history}) after their own read check; this package checks nothing itself.
 */
package org.flowcrm.crm.history;
