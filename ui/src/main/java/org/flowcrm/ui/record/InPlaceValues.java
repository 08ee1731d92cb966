package org.flowcrm.ui.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.layout.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Values of in-place fields as a card shows them and as typed text becomes them. */
@Component
public class InPlaceValues {

  private final FormChoices choices;
  private final UserService users;
  private final Formats formats;
  private final MessageSource messages;

  InPlaceValues(FormChoices choices, UserService users, Formats formats, MessageSource messages) {
    this.choices = choices;
    this.users = users;
    this.formats = formats;
    this.messages = messages;
  }

  /** The active users, id → name: the choices of a responsible. */
  public Map<String, String> users() {
    return choices.users();
  }

  /** A user's name, also of one no longer active (who may still be responsible for records). */
  public String userName(long id) {
    return users.displayNames(List.of(id)).getOrDefault(id, "#" + id);
  }

  public String yesNo(boolean yes) {
    return messages.getMessage(
        yes ? "deal.edit.yes" : "deal.edit.no", null, LocaleContextHolder.getLocale());
  }

  public String day(LocalDate day) {
    return formats.day(day);
  }

  public Formats formats() {
    return formats;
  }

  /** See {@link InPlaceEditing#parse}. */
  public <T> T parse(String field, String typed, Function<String, T> parser) {
    return InPlaceEditing.parse(field, typed, parser, messages);
  }
}
