package org.flowcrm.crm.mail;

/** A rendered template: one-line subject and HTML body. */
public record RenderedMail(String subject, String htmlBody) {}
