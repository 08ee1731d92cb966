package org.flowcrm.ui.contact;

import java.time.LocalDate;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.ui.record.InPlaceField;
import org.flowcrm.ui.record.InPlaceField.Input;
import org.flowcrm.ui.record.InPlaceFields;
import org.flowcrm.ui.record.InPlaceValues;
import org.springframework.stereotype.Component;

/**
 * The contact card's scalar fields edited in place (names, position, birthday, responsible, VIP,
 * notes). Phones, e-mails, the address and companies are lists and stay on the edit page. A save
 * goes through the edit page's {@link ContactForm}, so the service gets the whole record and checks
 * it the same way; the custom fields are left out of it, so the service keeps them.
 */
@Component
class ContactCardFields extends InPlaceFields<ContactView, ContactForm> {

  private final ContactService contacts;

  ContactCardFields(ContactService contacts, InPlaceValues values) {
    super("contacts", values);
    this.contacts = contacts;
    text(
        "firstName",
        "lead.field.firstName",
        100,
        ContactView::firstName,
        ContactForm::setFirstName);
    text("lastName", "lead.field.lastName", 100, ContactView::lastName, ContactForm::setLastName);
    text("position", "lead.field.position", 150, ContactView::position, ContactForm::setPosition);
    parsed(
        InPlaceField.of("birthday", "contact.field.birthday", Input.DATE),
        LocalDate::parse,
        ContactView::birthday,
        ContactForm::setBirthday);
    responsibleVipAndNotes(
        ContactView::responsibleId,
        ContactForm::setResponsibleId,
        ContactView::vip,
        ContactForm::setVip,
        ContactView::notes,
        ContactForm::setNotes);
  }

  @Override
  public ContactView load(long id) {
    return contacts.get(id);
  }

  @Override
  public Card card(ContactView contact) {
    return new Card(contact.id(), contact.version(), contact.fullName(), contact.vip());
  }

  @Override
  protected ContactForm formOf(ContactView contact) {
    return ContactForm.of(contact);
  }

  @Override
  protected ContactView save(ContactView current, ContactForm changed, long version) {
    changed.compact();
    return contacts.update(current.id(), changed.toCommand(null), version);
  }
}
