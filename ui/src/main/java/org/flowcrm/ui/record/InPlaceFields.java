package org.flowcrm.ui.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.flowcrm.ui.record.InPlaceField.Input;
import org.springframework.ui.Model;

/**
 * What one kind of record (contacts, companies) tells {@link RecordFieldsController} to have its
 * card's fields edited in place: which fields, each with how its value is read from the record and
 * put into the record's form, and how a changed form is saved through the record's service (which
 * checks it, and the caller's right to change the record, with the version the field's form was
 * rendered with). A subclass is a Spring bean that registers its fields in its constructor.
 *
 * @param <V> the service's view of the record
 * @param <F> the record's edit form, which turns the view into the service's command
 */
public abstract class InPlaceFields<V, F> {

  /** What the card's heading and the field's form need of the record. */
  public record Card(long id, long version, String heading, boolean vip) {}

  private record Bound<V, F>(InPlaceField field, Function<V, ?> value, BiConsumer<F, String> set) {}

  private final String path;
  private final Map<String, Bound<V, F>> fields = new LinkedHashMap<>();

  /** Users' names, yes/no, days and parsing, in the caller's language. */
  protected final InPlaceValues values;

  /** {@code path}: the records' path segment, {@code contacts}; the card is {@code /contacts/1}. */
  protected InPlaceFields(String path, InPlaceValues values) {
    this.path = path;
    this.values = values;
  }

  public abstract V load(long id);

  public abstract Card card(V record);

  /** The edit page's form of the record, to change one field in. */
  protected abstract F formOf(V record);

  /** Saves the form with one field changed, as of {@code version}, through the service. */
  protected abstract V save(V current, F changed, long version);

  protected void text(
      String name,
      String labelKey,
      int maxLength,
      Function<V, String> value,
      BiConsumer<F, String> set) {
    bind(InPlaceField.text(name, labelKey, maxLength), value, set);
  }

  /**
   * A field whose typed text {@code parser} reads ({@code LocalDate::parse}, {@code
   * Integer::valueOf}); text it cannot read is refused at the field.
   */
  protected <T> void parsed(
      InPlaceField field, Function<String, T> parser, Function<V, T> value, BiConsumer<F, T> set) {
    bind(
        field, value, (form, typed) -> set.accept(form, values.parse(field.name(), typed, parser)));
  }

  /** A decimal number; a decimal comma is read as a point. */
  protected void decimal(
      String name, String labelKey, Function<V, BigDecimal> value, BiConsumer<F, BigDecimal> set) {
    bind(
        InPlaceField.of(name, labelKey, Input.NUMBER),
        record -> value.apply(record) == null ? null : value.apply(record).toPlainString(),
        (form, typed) ->
            set.accept(
                form, values.parse(name, typed, text -> new BigDecimal(text.replace(',', '.')))));
  }

  /** The responsible (a user), the VIP flag and the notes, which every card has. */
  protected void responsibleVipAndNotes(
      Function<V, Long> responsible,
      BiConsumer<F, Long> setResponsible,
      Predicate<V> vip,
      BiConsumer<F, Boolean> setVip,
      Function<V, String> notes,
      BiConsumer<F, String> setNotes) {
    bind(
        InPlaceField.of("responsibleId", "record.responsible", Input.CHOICE),
        responsible,
        (form, typed) ->
            setResponsible.accept(form, values.parse("responsibleId", typed, Long::valueOf)));
    bind(
        InPlaceField.of("vip", "record.vip", Input.YES_NO),
        vip::test,
        (form, typed) -> setVip.accept(form, Boolean.parseBoolean(typed)));
    bind(new InPlaceField("notes", "record.notes", Input.LONG_TEXT, 20000), notes, setNotes);
  }

  private void bind(InPlaceField field, Function<V, ?> value, BiConsumer<F, String> set) {
    fields.put(field.name(), new Bound<>(field, value, set));
  }

  /**
   * Saves {@code typed} (stripped; empty clears) into {@code field} of {@code current}, as of
   * {@code version}. The service's refusals are thrown as they are, text that is not of the field's
   * type as {@code InvalidFieldException} ({@link InPlaceValues#parse}).
   */
  public V save(V current, String field, String typed, long version) {
    F form = formOf(current);
    fields.get(field).set().accept(form, typed);
    return save(current, form, version);
  }

  /** The field's value as its input takes it ({@code 2026-11-29}, {@code true}, a user id). */
  public String current(V record, String field) {
    Object value = fields.get(field).value().apply(record);
    return value == null ? "" : value.toString();
  }

  /**
   * The field's value as the card shows it: a user's name for the responsible, yes or no, a day in
   * the caller's format, "–" for nothing.
   */
  public String shown(V record, String field) {
    String current = current(record, field);
    if (current.isEmpty()) {
      return "–";
    }
    return switch (field(field).input()) {
      case CHOICE -> values.userName(Long.parseLong(current));
      case YES_NO -> values.yesNo(Boolean.parseBoolean(current));
      case DATE -> values.day(LocalDate.parse(current));
      default -> current;
    };
  }

  /** For a choice (the responsible): the active users, id → name. */
  public Map<String, String> choices(String field) {
    return field(field).input() == Input.CHOICE ? values.users() : Map.of();
  }

  public String path() {
    return path;
  }

  public List<InPlaceField> fields() {
    return fields.values().stream().map(Bound::field).toList();
  }

  /** The field named so, or {@code null}. */
  public InPlaceField field(String name) {
    Bound<V, F> bound = fields.get(name);
    return bound == null ? null : bound.field();
  }

  /** Puts what the card template's {@code record/in-place.ftlh} macros need into the model. */
  public void addTo(Model model, V record) {
    Map<String, String> shown = new LinkedHashMap<>();
    Map<String, InPlaceField> byName = new LinkedHashMap<>();
    for (Bound<V, F> bound : fields.values()) {
      shown.put(bound.field().name(), shown(record, bound.field().name()));
      byName.put(bound.field().name(), bound.field());
    }
    model.addAttribute("inPlaceUrl", "/" + path + "/" + card(record).id());
    model.addAttribute("inPlaceShown", shown);
    model.addAttribute("inPlaceFields", byName);
  }
}
