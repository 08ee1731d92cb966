package org.flowcrm.crm.currency.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.currency.CurrencyCommand;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.currency.CurrencyView;
import org.flowcrm.crm.currency.RateView;
import org.flowcrm.crm.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/currencies")
class CurrencyController {

  private final CurrencyService currencies;

  CurrencyController(CurrencyService currencies) {
    this.currencies = currencies;
  }

  @GetMapping
  List<CurrencyView> list() {
    return currencies.list();
  }

  @GetMapping("/{code}")
  ResponseEntity<CurrencyView> get(@PathVariable String code) {
    CurrencyView currency = currencies.get(code);
    return ResponseEntity.ok().eTag(ETags.of(currency.version())).body(currency);
  }

  @GetMapping("/{code}/rates")
  List<RateView> rates(@PathVariable String code) {
    return currencies.history(code);
  }

  @PostMapping
  ResponseEntity<CurrencyView> create(@Valid @RequestBody CurrencyCommand command) {
    CurrencyView currency = currencies.create(command);
    return ResponseEntity.created(URI.create("/api/v1/currencies/" + currency.code()))
        .eTag(ETags.of(currency.version()))
        .body(currency);
  }

  @PutMapping("/{code}")
  ResponseEntity<CurrencyView> update(
      @PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody CurrencyCommand command) {
    CurrencyView currency = currencies.update(code, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(currency.version())).body(currency);
  }

  /** Makes this currency the base; every other rate is re-expressed against it. */
  @PostMapping("/{code}/base")
  CurrencyView makeBase(@PathVariable String code) {
    return currencies.makeBase(code);
  }
}
