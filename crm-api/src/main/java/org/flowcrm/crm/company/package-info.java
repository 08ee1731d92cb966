/**
 * Companies: the organisations the sales team sells to, with bank details, revenue, employees,
 * industry, addresses, phones and e-mails. Other features use {@link
 * org.flowcrm.crm.company.CompanyService}.
 */
package org.flowcrm.crm.company;
