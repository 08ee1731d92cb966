package org.flowcrm.crm.company;

/**
 * Which companies a list shows; every field is optional. {@code q} searches name, e-mail, phone,
 * website and tax number by first letters (any part of an e-mail, the trailing digits of a phone).
 */
public record CompanyFilter(Long responsibleId, String industry, Long sourceLeadId, String q) {}
