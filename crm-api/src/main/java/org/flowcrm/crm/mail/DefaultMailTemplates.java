package org.flowcrm.crm.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Inserts the templates the processes send (deal-execution.bpmn: {@code deal.quote}, {@code
 * deal.invoice}, {@code deal.payment-reminder}) and the delivery confirmation at start-up when
 * their English version is missing. Users edit them at runtime; an edited template is never
 * overwritten. (Not a Flyway migration: Flyway would take the templates' {@code ${…}} for its own
 * placeholders.)
 */
@Component
class DefaultMailTemplates implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DefaultMailTemplates.class);

  static final List<MailTemplateCommand> DEFAULTS =
      List.of(
          new MailTemplateCommand(
              "deal.quote",
              "en",
              "Quote sent",
              "Your quote ${(quote.number)!\"\"} for ${deal.title}",
              """
              <p>Dear ${(contact.fullName)!"customer"},</p>
              <p>thank you for your interest. Here is our offer <#if quote??>${quote.number} </#if>\
              for <b>${deal.title}</b>.</p>
              <#if quote??>
              <table>
                <tr><th>Item</th><th>Quantity</th><th>Price</th><th>Total</th></tr>
                <#list quote.rows as row>
                <tr><td>${row.name}</td><td>${row.quantity}</td><td>${row.price}</td>\
              <td>${row.total}</td></tr>
                </#list>
              </table>
              <p>Total: <b>${quote.amount} ${quote.currency}</b>\
              <#if quote.validUntil??>, valid until ${quote.validUntil}</#if>.</p>
              </#if>
              <p>Kind regards</p>
              """,
              MailDocument.QUOTE),
          new MailTemplateCommand(
              MailService.INVOICE_TEMPLATE,
              "en",
              "Invoice sent",
              "Invoice ${invoice.number}",
              """
              <p>Dear ${(contact.fullName)!"customer"},</p>
              <p>please find attached invoice <b>${invoice.number}</b> over \
              <b>${invoice.amount} ${invoice.currency}</b>\
              <#if invoice.dueDate??>, due on ${invoice.dueDate}</#if>.</p>
              <#if invoiceUrl??><p>You can also open it online: \
              <a href="${invoiceUrl}">${invoiceUrl}</a></p></#if>
              <p>Kind regards</p>
              """,
              MailDocument.INVOICE),
          new MailTemplateCommand(
              "deal.payment-reminder",
              "en",
              "Payment reminder",
              "Reminder: invoice ${invoice.number} is awaiting payment",
              """
              <p>Dear ${(contact.fullName)!"customer"},</p>
              <p>we have not yet received payment of <b>${invoice.amount} ${invoice.currency}</b> \
              for invoice <b>${invoice.number}</b>\
              <#if invoice.dueDate??>, due on ${invoice.dueDate}</#if>. \
              The invoice is attached again.</p>
              <p>If you have already paid, please disregard this message.</p>
              <p>Kind regards</p>
              """,
              MailDocument.INVOICE),
          new MailTemplateCommand(
              "deal.delivery-confirmed",
              "en",
              "Delivery confirmed",
              "Your order ${deal.title} has been delivered",
              """
              <p>Dear ${(contact.fullName)!"customer"},</p>
              <p>your order <b>${deal.title}</b> has been delivered. Thank you for your purchase.</p>
              <p>Kind regards</p>
              """,
              null));

  private final MailTemplates templates;
  private final MailTemplateService service;

  DefaultMailTemplates(MailTemplates templates, MailTemplateService service) {
    this.templates = templates;
    this.service = service;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (MailTemplateCommand template : DEFAULTS) {
      if (templates.findByCodeAndLocale(template.code(), template.locale()).isEmpty()) {
        try {
          service.insertDefault(template);
          log.info("Added the default mail template {}", template.code());
        } catch (RuntimeException e) {
          // another instance inserted it at the same moment: the unique key kept one
          log.debug("Default mail template {} not added: {}", template.code(), e.getMessage());
        }
      }
    }
  }
}
