/**
 * What every record card shows besides its own fields: the custom fields an administrator added and
 * the record's change history.
 */
package org.flowcrm.ui.record;
