/**
 * What every CRM feature shares: problem-detail errors, optimistic-locking helpers, keyset
 * pagination, full-text search terms, CSV export and the small value objects (phones, e-mails,
 * addresses, product rows).
 */
package org.flowcrm.crm.shared;
