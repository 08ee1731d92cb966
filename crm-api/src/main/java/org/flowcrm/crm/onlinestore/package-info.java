/**
 * Online-store orders: the intake that turns a store's order (simple JSON or CommerceML 2 XML) into
 * a contact and a deal that starts deal execution, updates that deal when the store sends the order
 * again, and reports the order's status back in the same formats.
 */
package org.flowcrm.crm.onlinestore;
