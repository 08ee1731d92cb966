package org.flowcrm.crm.apitoken;

/**
 * The answer to creating a token: the only time its {@code secret} is ever shown; store it now,
 * Flowcrm keeps only a hash.
 */
public record CreatedApiToken(ApiTokenView token, String secret) {}
