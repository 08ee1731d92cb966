package org.flowcrm.ui.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.ui.process.ProcessAnalytics.ElementRow;
import org.flowcrm.ui.process.ProcessAnalytics.Report;
import org.flowcrm.ui.process.ProcessAnalytics.Row;
import org.flowcrm.ui.process.ProcessAnalytics.Version;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The process analytics page of a process id (latest deployed version unless {@code ?version=}): a
 * table per element and the deployed diagram as a heat map; and the waiting/incident counts the
 * viewer shows as badges. Only for callers with REPORT read permission (403 otherwise).
 */
@Controller
@RequestMapping("/processes/{id}")
class ProcessAnalyticsController {

  static final String VIEW_ANALYTICS = "process/analytics";

  private final ProcessAnalytics analytics;
  private final MessageSource messages;

  ProcessAnalyticsController(ProcessAnalytics analytics, MessageSource messages) {
    this.analytics = analytics;
    this.messages = messages;
  }

  @GetMapping("/analytics")
  String analytics(
      @PathVariable String id,
      @RequestParam(name = "version", required = false) Integer version,
      Model model,
      Locale locale) {
    analytics.requireReader();
    model.addAttribute("processId", id);
    if (!analytics.available()) {
      model.addAttribute("noEngine", true);
      return VIEW_ANALYTICS;
    }
    Report report =
        analytics
            .report(id, version)
            .orElseThrow(() -> new NotFoundException("Deployed process", id));
    List<Row> rows = new ArrayList<>();
    for (ElementRow r : report.elements()) {
      rows.add(new Row(r, duration(r.medianMillis(), locale), duration(r.p90Millis(), locale)));
    }
    model.addAttribute("report", report);
    model.addAttribute("rows", rows);
    model.addAttribute("cap", ProcessAnalytics.MAX_ELEMENT_INSTANCES);
    return VIEW_ANALYTICS;
  }

  /** The BPMN of the analysed version (it may differ from the model file being edited). */
  @GetMapping(value = "/analytics/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  String deployedDiagram(
      @PathVariable String id, @RequestParam(name = "version", required = false) Integer version) {
    Version chosen =
        analytics.versions(id).stream()
            .filter(v -> version == null || v.version() == version)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Deployed process", id));
    return analytics.xml(chosen.key());
  }

  /** Waiting and incident counts per element of the latest version, for the diagram's badges. */
  @GetMapping(value = "/statistics.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<ProcessAnalytics.ElementCounts> counts(@PathVariable String id) {
    analytics.requireReader();
    if (!analytics.available()) {
      return List.of();
    }
    return analytics.latestCounts(id).orElse(List.of());
  }

  /** "350 ms", "4.2 s", "12 min", "3 h 5 min", "2 d 4 h" in the reader's language; "–" if none. */
  String duration(Long millis, Locale locale) {
    if (millis == null) {
      return messages.getMessage("analytics.duration.none", null, locale);
    }
    long ms = millis;
    if (ms < 1_000) {
      return messages.getMessage("analytics.duration.ms", new Object[] {ms}, locale);
    }
    if (ms < 60_000) {
      return messages.getMessage(
          "analytics.duration.s",
          new Object[] {String.format(locale, "%.1f", ms / 1000.0)},
          locale);
    }
    long minutes = ms / 60_000;
    if (minutes < 60) {
      return messages.getMessage("analytics.duration.min", new Object[] {minutes}, locale);
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return messages.getMessage(
          "analytics.duration.h", new Object[] {hours, minutes % 60}, locale);
    }
    return messages.getMessage(
        "analytics.duration.d", new Object[] {hours / 24, hours % 24}, locale);
  }
}
