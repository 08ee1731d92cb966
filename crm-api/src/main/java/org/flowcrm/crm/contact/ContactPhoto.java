package org.flowcrm.crm.contact;

/** A contact's picture: the image bytes and their content type ({@code image/jpeg}, …). */
public record ContactPhoto(String contentType, byte[] image) {}
