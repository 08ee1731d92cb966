package org.flowcrm.crm.inbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code flowcrm.mail.inbound.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundMailSettings.class)
class InboundMailConfiguration {}
