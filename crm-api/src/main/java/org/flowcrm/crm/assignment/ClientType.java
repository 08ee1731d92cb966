package org.flowcrm.crm.assignment;

/**
 * Who the client of a lead or deal is: a company (a deal with a company, a lead naming one) or a
 * private person.
 */
public enum ClientType {
  COMPANY,
  PERSON
}
