package org.flowcrm.crm.customfield;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.FullText;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Custom fields: their definitions (administrators change them; everybody reads them, forms need
 * the labels), the validation of values on every write of a record, and list filters.
 *
 * <p>Required fields are required of people: a user creating a record, or updating one and sending
 * its custom fields, must fill them. Processes (the system user) fill what they know, so an
 * administrator making a field required never stops a running lifecycle.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class CustomFieldService {

  static final int MAX_STRING = 1000;
  private static final String RANGE = "..";

  private final CustomFields fields;
  private final CurrencyService currencies;
  private final AccessPolicy policy;
  private final SystemUser systemUser;
  private final JdbcTemplate jdbc;

  CustomFieldService(
      CustomFields fields,
      CurrencyService currencies,
      AccessPolicy policy,
      SystemUser systemUser,
      JdbcTemplate jdbc) {
    this.fields = fields;
    this.currencies = currencies;
    this.policy = policy;
    this.systemUser = systemUser;
    this.jdbc = jdbc;
  }

  /** The fields of one kind of record, in display order. */
  public List<CustomFieldView> list(CustomizableEntity entity) {
    return fields.findByEntityOrderByPositionAscIdAsc(entity).stream()
        .map(CustomFieldView::of)
        .toList();
  }

  public CustomFieldView get(long id) {
    return CustomFieldView.of(require(id));
  }

  @Transactional
  public CustomFieldView create(@Valid CustomFieldCommand command) {
    policy.requireAdministrator("Custom fields");
    if (fields.existsByEntityAndCode(command.entity(), command.code())) {
      throw new ConflictException(
          command.entity() + " already has a custom field with code " + command.code());
    }
    CustomField field = new CustomField(command.entity(), command.code(), command.type());
    apply(field, command);
    return CustomFieldView.of(fields.saveAndFlush(field));
  }

  /** Changes label, required flag, options and position; entity, code and type stay. */
  @Transactional
  public CustomFieldView update(long id, @Valid CustomFieldCommand command, Long expectedVersion) {
    policy.requireAdministrator("Custom fields");
    CustomField field = require(id);
    Versions.check("Custom field", id, field.getVersion(), expectedVersion);
    if (command.entity() != field.getEntity()) {
      throw new InvalidFieldException(
          "entity", "a custom field stays on the records it was made for");
    }
    if (!command.code().equals(field.getCode())) {
      throw new InvalidFieldException("code", "the code of a custom field cannot change");
    }
    if (command.type() != field.getType()) {
      throw new InvalidFieldException(
          "type", "the type of a custom field cannot change; add a new field instead");
    }
    if (field.getType() == CustomFieldType.LIST) {
      List<String> dropped = new ArrayList<>(field.getOptions());
      dropped.removeAll(command.options());
      for (String option : dropped) {
        if (inUse(field, option)) {
          throw new InvalidFieldException(
              "options", "option " + option + " is still the value of some records");
        }
      }
    }
    apply(field, command);
    return CustomFieldView.of(fields.saveAndFlush(field));
  }

  /** Deletes the definition and the field's values on every record. */
  @Transactional
  public void delete(long id, Long expectedVersion) {
    policy.requireAdministrator("Custom fields");
    CustomField field = require(id);
    Versions.check("Custom field", id, field.getVersion(), expectedVersion);
    // table and code come from the definition (code matches [a-z][a-zA-Z0-9_]*), never from input
    String path = path(field);
    jdbc.update(
        "UPDATE "
            + field.getEntity().table()
            + " SET custom_fields = NULLIF(JSON_REMOVE(custom_fields, '"
            + path
            + "'), '{}') WHERE JSON_CONTAINS_PATH(custom_fields, 'one', '"
            + path
            + "')");
    fields.delete(field);
  }

  /**
   * The record's custom field values after a write: {@code current} with {@code input} applied (a
   * {@code null} or empty value removes one; {@code null} input changes nothing), each value
   * checked and normalised by its field's type. Throws {@link InvalidFieldException} naming {@code
   * customFields.<code>} for every problem.
   *
   * @param creating whether the record is new (required fields are then checked even without input)
   */
  public Map<String, Object> merge(
      CustomizableEntity entity,
      Map<String, Object> input,
      Map<String, Object> current,
      boolean creating) {
    if (input == null && !creating) {
      return new LinkedHashMap<>(current == null ? Map.of() : current);
    }
    return merge(byCode(entity), entity, input, current, creating);
  }

  private Map<String, Object> merge(
      Map<String, CustomField> byCode,
      CustomizableEntity entity,
      Map<String, Object> input,
      Map<String, Object> current,
      boolean creating) {
    Map<String, Object> result = new LinkedHashMap<>(current == null ? Map.of() : current);
    List<FieldProblem> problems = new ArrayList<>();
    if (input != null) {
      input.forEach(
          (code, value) -> {
            CustomField field = byCode.get(code);
            if (field == null) {
              problems.add(
                  new FieldProblem(
                      "customFields." + code,
                      byCode.isEmpty()
                          ? "unknown custom field; " + entity + " has none"
                          : "unknown custom field; known: " + byCode.keySet()));
            } else if (value == null || value instanceof String s && s.isBlank()) {
              result.remove(code);
            } else {
              try {
                result.put(code, normalise(field, value));
              } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("customFields." + code, e.getMessage()));
              }
            }
          });
    }
    if (!isSystemUser()) {
      for (CustomField field : byCode.values()) {
        // a value refused for its type already has its message; "is required" would only add noise
        boolean refused =
            problems.stream().anyMatch(p -> p.field().equals("customFields." + field.getCode()));
        if (field.isRequired() && !result.containsKey(field.getCode()) && !refused) {
          problems.add(new FieldProblem("customFields." + field.getCode(), "is required"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    return CustomFieldValues.canonical(result);
  }

  /**
   * {@code input} checked and normalised by each field's type, without the required check: for
   * callers that gather values before the record's own write (an import row, a web form submission)
   * and want to name the bad one early. Throws {@link InvalidFieldException} naming {@code
   * customFields.<code>} for every problem; {@code null} and blank values are left out.
   */
  public Map<String, Object> normalise(CustomizableEntity entity, Map<String, Object> input) {
    return normalise(byCode(entity), entity, input);
  }

  /**
   * {@link #merge} for new records with the definitions read once: a bulk insert of many records
   * checks each one's values (required fields included) without a query per record.
   */
  public java.util.function.UnaryOperator<Map<String, Object>> newRecordValues(
      CustomizableEntity entity) {
    Map<String, CustomField> byCode = byCode(entity);
    return input -> merge(byCode, entity, input, Map.of(), true);
  }

  private Map<String, Object> normalise(
      Map<String, CustomField> byCode, CustomizableEntity entity, Map<String, Object> input) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (input == null || input.isEmpty()) {
      return result;
    }
    List<FieldProblem> problems = new ArrayList<>();
    input.forEach(
        (code, value) -> {
          CustomField field = byCode.get(code);
          if (field == null) {
            problems.add(
                new FieldProblem(
                    "customFields." + code,
                    byCode.isEmpty()
                        ? "unknown custom field; " + entity + " has none"
                        : "unknown custom field; known: " + byCode.keySet()));
          } else if (value != null && !(value instanceof String s && s.isBlank())) {
            try {
              result.put(code, normalise(field, value));
            } catch (IllegalArgumentException e) {
              problems.add(new FieldProblem("customFields." + code, e.getMessage()));
            }
          }
        });
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    return CustomFieldValues.canonical(result);
  }

  /**
   * The values of a {@code from} record that a {@code to} record can take: those whose code names a
   * field of the same type there. Lead conversion carries a lead's values over this way, as
   * Bitrix24 maps lead fields to deal fields by code.
   */
  public Map<String, Object> carryOver(
      CustomizableEntity from, Map<String, Object> values, CustomizableEntity to) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, CustomField> source = byCode(from);
    Map<String, CustomField> target = byCode(to);
    Map<String, Object> carried = new LinkedHashMap<>();
    values.forEach(
        (code, value) -> {
          CustomField there = target.get(code);
          CustomField here = source.get(code);
          if (there != null && here != null && there.getType() == here.getType()) {
            if (there.getType() != CustomFieldType.LIST || there.getOptions().contains(value)) {
              carried.put(code, value);
            }
          }
        });
    return carried;
  }

  /**
   * Adds the list filters {@code customFields[code]=value} to {@code query} for records aliased
   * {@code alias}: text fields match by first letters, list and boolean fields exactly, number,
   * date and money fields exactly or as a range {@code from..to} (either end may be left out; money
   * compares the amount in the value's own currency).
   */
  public void applyFilter(
      CustomizableEntity entity, Map<String, String> filter, String alias, KeysetQuery query) {
    if (filter == null || filter.isEmpty()) {
      return;
    }
    Map<String, CustomField> byCode = byCode(entity);
    filter.forEach(
        (code, raw) -> {
          if (raw == null || raw.isBlank()) {
            return;
          }
          String parameter = "customFields[" + code + "]";
          CustomField field = byCode.get(code);
          if (field == null) {
            throw new BadParameterException(
                parameter, "unknown custom field; known: " + byCode.keySet());
          }
          String value = raw.strip();
          String json = "JSON_VALUE(" + alias + ".custom_fields, '" + path(field) + "')";
          try {
            switch (field.getType()) {
              case STRING -> query.where(json + " LIKE ?", FullText.likePrefix(value));
              case BOOLEAN -> query.where(json + " = ?", String.valueOf(parseBoolean(value)));
              case LIST -> query.where(json + " = ?", option(field, value));
              case NUMBER ->
                  range(query, "CAST(" + json + " AS DECIMAL(38,4))", value, this::number);
              case MONEY ->
                  range(
                      query,
                      "CAST(JSON_VALUE("
                          + alias
                          + ".custom_fields, '"
                          + path(field)
                          + ".amount') AS DECIMAL(38,4))",
                      value,
                      this::number);
              case DATE -> range(query, "CAST(" + json + " AS DATE)", value, this::date);
            }
          } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, e.getMessage());
          }
        });
  }

  private static void range(
      KeysetQuery query, String column, String value, Function<String, Object> parse) {
    int dots = value.indexOf(RANGE);
    if (dots < 0) {
      query.where(column + " = ?", parse.apply(value));
      return;
    }
    String from = value.substring(0, dots).strip();
    String to = value.substring(dots + RANGE.length()).strip();
    if (from.isEmpty() && to.isEmpty()) {
      throw new IllegalArgumentException("a range needs at least one end, e.g. 10..20 or 10..");
    }
    if (!from.isEmpty()) {
      query.where(column + " >= ?", parse.apply(from));
    }
    if (!to.isEmpty()) {
      query.where(column + " <= ?", parse.apply(to));
    }
  }

  private Object normalise(CustomField field, Object value) {
    return switch (field.getType()) {
      case STRING -> {
        if (value instanceof Map || value instanceof List) {
          throw new IllegalArgumentException("must be text");
        }
        String text = value.toString().strip();
        if (text.length() > MAX_STRING) {
          throw new IllegalArgumentException("must be at most " + MAX_STRING + " characters");
        }
        yield text;
      }
      case NUMBER -> number(value);
      case DATE -> date(value.toString()).toString();
      case BOOLEAN -> parseBoolean(value);
      case LIST -> option(field, value.toString());
      case MONEY -> money(value);
    };
  }

  private BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return check(d);
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return check(new BigDecimal(value.toString().strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number like 1250.50, not " + value);
      }
    }
    throw new IllegalArgumentException("must be a number like 1250.50");
  }

  private static BigDecimal check(BigDecimal number) {
    if (number.precision() - number.scale() > 30 || number.scale() > 4) {
      throw new IllegalArgumentException(
          "must have at most 30 digits before and 4 after the decimal point");
    }
    return number;
  }

  private LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date like 2026-11-29, not " + value);
    }
  }

  private static boolean parseBoolean(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException("must be true or false, not " + value);
    };
  }

  private static String option(CustomField field, String value) {
    String choice = value.strip();
    if (!field.getOptions().contains(choice)) {
      throw new IllegalArgumentException(
          "must be one of " + field.getOptions() + ", not " + choice);
    }
    return choice;
  }

  private Map<String, Object> money(Object value) {
    Object amount;
    Object currency;
    if (value instanceof Map<?, ?> map) {
      amount = map.get("amount");
      currency = map.get("currency");
    } else {
      // "1250.50 EUR", the way a form or a CSV file writes it
      String[] parts = value.toString().strip().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "must be {\"amount\": 1250.50, \"currency\": \"EUR\"} or \"1250.50 EUR\"");
      }
      amount = parts[0];
      currency = parts[1];
    }
    if (amount == null || currency == null) {
      throw new IllegalArgumentException("needs both an amount and a currency");
    }
    String code = currency.toString().strip().toUpperCase(Locale.ROOT);
    try {
      currencies.requireKnown(code, "currency");
    } catch (InvalidFieldException e) {
      throw new IllegalArgumentException("currency " + code + " is not configured");
    }
    BigDecimal decimal = number(amount);
    if (decimal.scale() > 2) {
      throw new IllegalArgumentException("a money amount has at most 2 decimals");
    }
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", decimal);
    money.put("currency", code);
    return money;
  }

  private boolean inUse(CustomField field, String option) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM "
                + field.getEntity().table()
                + " WHERE JSON_VALUE(custom_fields, '"
                + path(field)
                + "') = ?",
            Integer.class,
            option);
    return count != null && count > 0;
  }

  private boolean isSystemUser() {
    return policy.callerId() == systemUser.id();
  }

  private void apply(CustomField field, CustomFieldCommand command) {
    if (command.type() == CustomFieldType.LIST && command.options().isEmpty()) {
      throw new InvalidFieldException("options", "a list field needs at least one option");
    }
    if (command.type() != CustomFieldType.LIST && !command.options().isEmpty()) {
      throw new InvalidFieldException("options", "only a list field has options");
    }
    if (command.options().stream().distinct().count() != command.options().size()) {
      throw new InvalidFieldException("options", "options must differ from each other");
    }
    int position =
        command.position() != null
            ? command.position()
            : field.getId() != null
                ? field.getPosition()
                : fields.findByEntityOrderByPositionAscIdAsc(command.entity()).size();
    field.update(command.label().strip(), command.required(), command.options(), position);
  }

  private Map<String, CustomField> byCode(CustomizableEntity entity) {
    return fields.findByEntityOrderByPositionAscIdAsc(entity).stream()
        .collect(Collectors.toMap(CustomField::getCode, f -> f, (a, b) -> a, LinkedHashMap::new));
  }

  private static String path(CustomField field) {
    return "$." + field.getCode();
  }

  private CustomField require(long id) {
    return fields.findById(id).orElseThrow(() -> new NotFoundException("Custom field", id));
  }
}
