/**
 * What every record card shows besides its own fields: the custom fields an administrator added and
 * the record's change history; and the parts record forms share (custom field inputs, lines of
 * phones, e-mails and addresses, the choices of users, companies and contacts).
 */
package org.flowcrm.ui.record;
