/** Worker of {@code crm.create-entity}: lead conversion, quotes and invoices from a deal. */
package org.flowcrm.workers.entity;
