package org.flowcrm.ui.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;

/**
 * What the creation form asks: the title, the person and the company, one e-mail and one phone.
 * Checked here first so the messages come in the page's language; the service checks again.
 */
public class LeadForm {

  @NotBlank
  @Size(max = 255)
  private String title;

  @Size(max = 100)
  private String firstName;

  @Size(max = 100)
  private String lastName;

  @Size(max = 255)
  private String companyName;

  @Size(max = 150)
  private String position;

  @Email
  @Size(max = 254)
  private String email;

  @Pattern(regexp = "(\\+?[0-9 ()./\\-]{3,40})?")
  private String phone;

  @NotNull private LeadSource source = LeadSource.PHONE;

  /** Custom field values as typed, by code; the service checks them by type. */
  private Map<String, String> customFields = new LinkedHashMap<>();

  LeadCommand toCommand(Long responsibleId, Map<String, Object> customFieldValues) {
    return new LeadCommand(
        title,
        blankToNull(firstName),
        blankToNull(lastName),
        blankToNull(companyName),
        blankToNull(position),
        null,
        source,
        null,
        responsibleId,
        blank(phone) ? List.of() : List.of(new Phone(PhoneType.WORK, phone.trim())),
        blank(email)
            ? List.of()
            : List.of(new org.flowcrm.crm.shared.Email(EmailType.WORK, email.trim())),
        List.of(),
        customFieldValues);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s.trim();
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String companyName) {
    this.companyName = companyName;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public LeadSource getSource() {
    return source;
  }

  public void setSource(LeadSource source) {
    this.source = source;
  }

  public Map<String, String> getCustomFields() {
    return customFields;
  }

  public void setCustomFields(Map<String, String> customFields) {
    this.customFields = customFields;
  }
}
