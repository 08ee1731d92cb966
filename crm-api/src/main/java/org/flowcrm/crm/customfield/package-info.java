/**
 * Custom fields: administrators add typed fields (string, number, date, boolean, list, money) to
 * leads, contacts, companies, deals and products at runtime. Values live with the record (a JSON
 * column), are validated against the definitions on every write, and lists filter by them in SQL.
 * Other features use {@link org.flowcrm.crm.customfield.CustomFieldService}.
 */
package org.flowcrm.crm.customfield;
