package org.flowcrm.crm.importing.web;

import ezvcard.VCardVersion;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.importing.VCardExport;
import org.flowcrm.crm.shared.BadParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contact list (same filters as {@code GET /contacts}) as one vCard file. */
@RestController
class ContactVCardController {

  private final VCardExport export;

  ContactVCardController(VCardExport export) {
    this.export = export;
  }

  @GetMapping("/api/v1/contacts/export.vcf")
  void export(
      @ModelAttribute ContactFilter filter,
      @RequestParam(defaultValue = "3.0") String version,
      HttpServletResponse response)
      throws IOException {
    VCardVersion target =
        switch (version) {
          case "3.0" -> VCardVersion.V3_0;
          case "4.0" -> VCardVersion.V4_0;
          default -> throw new BadParameterException("version", "must be 3.0 or 4.0");
        };
    response.setContentType("text/vcard;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts.vcf\"");
    export.write(filter, target, response.getOutputStream());
  }
}
