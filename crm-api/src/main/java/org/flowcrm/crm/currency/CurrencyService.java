package org.flowcrm.crm.currency;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Currencies, the base currency and conversion into it. */
@Service
@Validated
@Transactional(readOnly = true)
public class CurrencyService {

  private final Currencies currencies;
  private final ExchangeRates rates;
  private final AccessPolicy policy;

  CurrencyService(Currencies currencies, ExchangeRates rates, AccessPolicy policy) {
    this.currencies = currencies;
    this.rates = rates;
    this.policy = policy;
  }

  public List<CurrencyView> list() {
    return currencies.findAllByOrderBySortOrderAscCodeAsc().stream().map(CurrencyView::of).toList();
  }

  public CurrencyView get(String code) {
    return CurrencyView.of(require(code));
  }

  public List<RateView> history(String code) {
    require(code);
    return rates.findByCurrencyCodeOrderByValidFromDescIdDesc(code).stream()
        .map(RateView::of)
        .toList();
  }

  @Transactional
  public CurrencyView create(@Valid CurrencyCommand command) {
    policy.requireAdministrator("CURRENCIES");
    if (currencies.existsById(command.code())) {
      throw new ConflictException("Currency " + command.code() + " already exists");
    }
    Currency currency =
        new Currency(
            command.code(),
            command.name(),
            command.rate(),
            command.sortOrder() == null ? 100 : command.sortOrder());
    currencies.saveAndFlush(currency);
    rates.save(new ExchangeRate(currency.getCode(), baseCode(), currency.getRate()));
    return CurrencyView.of(currency);
  }

  @Transactional
  public CurrencyView update(String code, @Valid CurrencyCommand command, Long expectedVersion) {
    policy.requireAdministrator("CURRENCIES");
    Currency currency = require(code);
    Versions.check("Currency", code, currency.getVersion(), expectedVersion);
    if (!code.equals(command.code())) {
      throw new InvalidFieldException("code", "cannot be changed");
    }
    if (currency.isBase() && command.rate().compareTo(BigDecimal.ONE) != 0) {
      throw new InvalidFieldException("rate", "the base currency's rate is always 1");
    }
    currency.rename(
        command.name(),
        command.sortOrder() == null ? currency.getSortOrder() : command.sortOrder());
    if (currency.changeRate(command.rate())) {
      rates.save(new ExchangeRate(code, baseCode(), currency.getRate()));
    }
    return CurrencyView.of(currencies.saveAndFlush(currency));
  }

  /** Makes {@code code} the base currency and re-expresses every other rate against it. */
  @Transactional
  public CurrencyView makeBase(String code) {
    policy.requireAdministrator("CURRENCIES");
    Currency target = require(code);
    if (target.isBase()) {
      return CurrencyView.of(target);
    }
    BigDecimal targetRate = target.getRate();
    for (Currency currency : currencies.findAll()) {
      if (currency != target) {
        currency.rebase(targetRate);
        rates.save(new ExchangeRate(currency.getCode(), code, currency.getRate()));
      }
    }
    target.makeBase();
    currencies.flush();
    return CurrencyView.of(target);
  }

  public String baseCode() {
    return currencies
        .findByBaseTrue()
        .map(Currency::getCode)
        .orElseThrow(() -> new IllegalStateException("No base currency configured"));
  }

  /** Rates of all currencies by code, for converting many amounts at once. */
  public Map<String, BigDecimal> rates() {
    return currencies.findAll().stream()
        .collect(Collectors.toMap(Currency::getCode, Currency::getRate));
  }

  /** {@code amount} in {@code code} expressed in the base currency, rounded to cents. */
  public BigDecimal toBase(BigDecimal amount, String code) {
    return convert(amount, require(code).getRate());
  }

  static BigDecimal convert(BigDecimal amount, BigDecimal rate) {
    return amount == null || rate == null
        ? null
        : amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
  }

  /** Checks that a currency exists, naming {@code field} in a 422 otherwise. */
  public void requireKnown(String code, String field) {
    if (code != null && !currencies.existsById(code)) {
      throw new InvalidFieldException(field, "currency " + code + " is not configured");
    }
  }

  private Currency require(String code) {
    return currencies.findById(code).orElseThrow(() -> new NotFoundException("Currency", code));
  }
}
