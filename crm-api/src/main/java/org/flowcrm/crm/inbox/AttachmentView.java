package org.flowcrm.crm.inbox;

/** An attachment of an incoming mail, kept on the EMAIL activity it became. */
public record AttachmentView(
    long id, long activityId, String fileName, String contentType, long size) {}
