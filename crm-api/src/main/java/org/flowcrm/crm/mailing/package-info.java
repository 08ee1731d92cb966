/**
 * Group mailing: a mail template sent to a filtered list of contacts or leads as a background
 * campaign (per-recipient rendering, throttled, resumed after a restart), with an unsubscribe link
 * in every mail and the opt-outs it records.
 */
package org.flowcrm.crm.mailing;
