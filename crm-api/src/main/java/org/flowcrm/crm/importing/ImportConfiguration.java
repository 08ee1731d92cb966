package org.flowcrm.crm.importing;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Lets uploads through the servlet container up to the import limit (Spring Boot's default is 1 MB,
 * too small for a customer list). Replaces Boot's {@code spring.servlet.multipart.*} settings:
 * change {@code flowcrm.imports.max-upload-size} instead.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

  @Bean
  MultipartConfigElement importUploadLimits(
      @Value("${flowcrm.imports.max-upload-size:20MB}") DataSize maxUpload) {
    // The request may be a little larger than the file (the other form fields, boundaries); one
    // byte more than the limit is still refused, by ImportService, with a clear message.
    long file = maxUpload.toBytes() + 1024 * 1024;
    return new MultipartConfigElement("", file, file + 64 * 1024, 0);
  }
}
