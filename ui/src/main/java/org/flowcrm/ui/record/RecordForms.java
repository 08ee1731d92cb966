package org.flowcrm.ui.record;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one flow of the record forms' "Create" and "Save" ({@code /contacts/new}, {@code
 * /companies/{id}/edit}, …): a pressed line button shows the form again; text the browser let
 * through unparsed is refused (422); otherwise the service call runs with the typed custom field
 * values. A stale version or a conflict is an error of the whole form (409), a validation refusal
 * stands at its fields (422), and a save goes to the card with a success message.
 */
@Component
public class RecordForms {

  private final CustomFieldInputs customFieldInputs;
  private final MessageSource messages;

  RecordForms(CustomFieldInputs customFieldInputs, MessageSource messages) {
    this.customFieldInputs = customFieldInputs;
    this.messages = messages;
  }

  /**
   * One kind of record's form pages.
   *
   * @param path the records' path segment: a save goes to {@code /{path}/{id}}
   * @param messagePrefix {@code contact}: the success messages are {@code contact.created} and
   *     {@code contact.saved}, with the record's {@code name}
   * @param fieldNames the service's field names → the form's, where they differ
   */
  public record Page<V>(
      CustomizableEntity entity,
      String path,
      String messagePrefix,
      ToLongFunction<V> id,
      Function<V, String> name,
      Map<String, String> fieldNames) {}

  /** The flow of {@code page} for one posted form. */
  public <V> Submission<V> on(
      Page<V> page,
      BindingResult errors,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return new Submission<>(page, errors, response, redirect);
  }

  /** A posted form and what answering it needs. */
  public final class Submission<V> {

    private final Page<V> page;
    private final BindingResult errors;
    private final HttpServletResponse response;
    private final RedirectAttributes redirect;

    private Submission(
        Page<V> page,
        BindingResult errors,
        HttpServletResponse response,
        RedirectAttributes redirect) {
      this.page = page;
      this.errors = errors;
      this.response = response;
      this.redirect = redirect;
    }

    /**
     * "Create": {@code write} gets the typed custom field values and calls the service; {@code
     * showForm} shows the form again (its view name).
     */
    public String create(
        RecordForm form, Supplier<String> showForm, Function<Map<String, Object>, V> write) {
      return save(form, showForm, write, ".created");
    }

    /** "Save" of an edit: as {@link #create}, the version travelling in {@code form}. */
    public String update(
        RecordForm form, Supplier<String> showForm, Function<Map<String, Object>, V> write) {
      return save(form, showForm, write, ".saved");
    }

    private String save(
        RecordForm form,
        Supplier<String> showForm,
        Function<Map<String, Object>, V> write,
        String savedMessage) {
      if (form.applyRowAction()) {
        return showForm.get();
      }
      if (errors.hasErrors()) { // a date or number the browser let through unparsed
        response.setStatus(422);
        return showForm.get();
      }
      form.compact();
      V saved;
      try {
        saved = write.apply(customFieldInputs.values(page.entity(), form.getCustomFields()));
      } catch (PreconditionFailedException | OptimisticLockingFailureException stale) {
        errors.reject("stale", text("record.form.stale"));
        response.setStatus(409);
        return showForm.get();
      } catch (ConflictException refused) {
        errors.reject("refused", refused.getMessage());
        response.setStatus(409);
        return showForm.get();
      } catch (RuntimeException refused) {
        String view = showForm.get();
        Map<String, String> names =
            new LinkedHashMap<>(customFieldInputs.errorFields(page.entity()));
        names.putAll(page.fieldNames());
        if (ServiceErrors.bind(refused, errors, names)) {
          response.setStatus(422);
          form.withEmptyLines();
          return view;
        }
        throw refused;
      }
      Flash.success(redirect, page.messagePrefix() + savedMessage, page.name().apply(saved));
      return "redirect:/" + page.path() + "/" + page.id().applyAsLong(saved);
    }
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
