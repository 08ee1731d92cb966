package org.flowcrm.crm.importing;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;
import org.springframework.stereotype.Service;

/**
 * Writes contacts as vCards (3.0, which every address book reads, or 4.0), streamed page by page:
 * names, company names as ORG, title, birthday, typed phones and e-mails, the address and notes.
 */
@Service
public class VCardExport {

  private final ContactService contacts;
  private final CompanyService companies;

  VCardExport(ContactService contacts, CompanyService companies) {
    this.contacts = contacts;
    this.companies = companies;
  }

  public void write(ContactFilter filter, VCardVersion version, OutputStream out) {
    Map<Long, String> companyNames = new HashMap<>();
    try (VCardWriter writer = new VCardWriter(out, version)) {
      contacts.export(
          filter,
          "lastName",
          contact -> {
            try {
              writer.write(card(contact, companyNames));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private VCard card(ContactView c, Map<Long, String> companyNames) {
    VCard card = new VCard();
    StructuredName name = new StructuredName();
    name.setGiven(c.firstName());
    name.setFamily(c.lastName());
    card.setStructuredName(name);
    card.setFormattedName(c.fullName());
    List<Long> missing =
        c.companyIds().stream().filter(id -> !companyNames.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      companyNames.putAll(companies.names(missing));
    }
    if (!c.companyIds().isEmpty()) {
      Organization org = new Organization();
      org.getValues().add(companyNames.get(c.companyIds().get(0)));
      card.setOrganization(org);
    }
    if (c.position() != null) {
      card.addTitle(c.position());
    }
    if (c.birthday() != null) {
      card.setBirthday(new Birthday(c.birthday()));
    }
    for (Email email : c.emails()) {
      card.addEmail(
          email.value(),
          switch (email.type()) {
            case HOME -> EmailType.HOME;
            case WORK -> EmailType.WORK;
            default -> EmailType.INTERNET;
          });
    }
    for (Phone phone : c.phones()) {
      card.addTelephoneNumber(
          phone.value(),
          switch (phone.type()) {
            case MOBILE -> TelephoneType.CELL;
            case HOME -> TelephoneType.HOME;
            case FAX -> TelephoneType.FAX;
            case WORK -> TelephoneType.WORK;
            default -> TelephoneType.VOICE;
          });
    }
    if (c.address() != null) {
      Address address = new Address();
      address.setStreetAddress(c.address().street());
      address.setLocality(c.address().city());
      address.setRegion(c.address().region());
      address.setPostalCode(c.address().postalCode());
      address.setCountry(c.address().country());
      address.getTypes().add(AddressType.WORK);
      card.addAddress(address);
    }
    if (c.notes() != null) {
      card.addNote(c.notes());
    }
    return card;
  }
}
