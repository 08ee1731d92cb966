package org.flowcrm.ui.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.importing.DuplicateKey;
import org.flowcrm.crm.importing.DuplicateMode;
import org.flowcrm.crm.importing.ImportEntityType;
import org.flowcrm.crm.importing.ImportFormat;
import org.flowcrm.crm.importing.ImportPreview;
import org.flowcrm.crm.importing.ImportService;
import org.flowcrm.crm.importing.ImportSettings;
import org.flowcrm.crm.importing.ImportStatus;
import org.flowcrm.crm.importing.ImportView;
import org.flowcrm.crm.importing.RevertResult;
import org.flowcrm.crm.importing.RowFailure;
import org.flowcrm.crm.importing.UploadTooLargeException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard over crm-api's {@link ImportService}: {@code /imports} (step 1, upload, and the
 * past imports), {@code /imports/{id}/mapping} (step 2, preview and mapping, then start), {@code
 * /imports/{id}} (step 3, progress, then the report with revert). The service refuses a user
 * without import and create rights on the kind; the pages only leave out what it would refuse.
 */
@Controller
class ImportPagesController {

  static final String START_VIEW = "importing/start";
  static final String MAPPING_VIEW = "importing/mapping";
  static final String JOB_VIEW = "importing/job";
  static final String PROGRESS_FRAGMENT = "importing/progress-fragment";
  static final int PAST_IMPORTS = 30;

  /** Problems listed on the report page; a file with thousands of bad rows lists the first ones. */
  static final int FAILURES_SHOWN = 500;

  private final ImportService imports;

  ImportPagesController(ImportService imports) {
    this.imports = imports;
  }

  @GetMapping("/imports")
  String start(@RequestParam(required = false) String entity, Model model) {
    ImportUploadForm form = new ImportUploadForm();
    if (entity != null) {
      form.setEntityType(entity);
    }
    model.addAttribute("upload", form);
    return startPage(model);
  }

  @PostMapping("/imports")
  String upload(
      @ModelAttribute("upload") ImportUploadForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    ImportEntityType type = entityType(form.getEntityType());
    if (type == null) {
      errors.rejectValue("entityType", "import.error.entityType");
    }
    if (form.getFile() == null || form.getFile().isEmpty()) {
      errors.rejectValue("file", "import.error.file");
    }
    if (errors.hasErrors()) {
      return startPage(model);
    }
    ImportView job;
    try {
      job = imports.upload(type, form.getFile().getOriginalFilename(), form.getFile().getBytes());
      String encoding = ImportUploadForm.chosen(form.getEncoding());
      String separator = ImportUploadForm.chosen(form.getSeparator());
      String header = ImportUploadForm.chosen(form.getHeader());
      boolean chosenByHand =
          encoding != null || separator != null || header != null || !form.isSkipEmptyLines();
      if (job.format() == ImportFormat.CSV && chosenByHand) {
        job =
            imports.configure(
                job.id(),
                new ImportSettings(
                    encoding,
                    separator,
                    header == null ? null : Boolean.valueOf(header),
                    null,
                    null,
                    null,
                    null,
                    null,
                    form.isSkipEmptyLines()));
      }
    } catch (UploadTooLargeException tooLarge) {
      errors.rejectValue("file", "service", tooLarge.getMessage());
      return startPage(model);
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of())) {
        return startPage(model);
      }
      throw refused;
    }
    return "redirect:/imports/" + job.id() + "/mapping";
  }

  @GetMapping("/imports/{id}/mapping")
  String mapping(@PathVariable long id, Model model) {
    ImportView job = imports.get(id);
    if (job.status() != ImportStatus.UPLOADED) {
      return "redirect:/imports/" + id;
    }
    ImportMappingForm form = new ImportMappingForm();
    ImportSettings s = job.settings();
    form.setFields(new ArrayList<>(s.fields() == null ? List.of() : s.fields()));
    form.getFields().replaceAll(f -> f == null ? "" : f);
    form.setDuplicateMode(s.duplicateMode().name());
    form.setDuplicateKey(s.duplicateKey().name());
    form.setDateFormat(s.dateFormat());
    form.setDecimalSeparator(s.decimalSeparator());
    model.addAttribute("mapping", form);
    return mappingPage(job, model);
  }

  /** Reads the file again with another encoding, separator or header choice (step 2's top form). */
  @PostMapping("/imports/{id}/reading")
  String reading(
      @PathVariable long id,
      @RequestParam String encoding,
      @RequestParam String separator,
      @RequestParam String header,
      @RequestParam(defaultValue = "false") boolean skipEmptyLines,
      RedirectAttributes redirect) {
    ImportSettings now = imports.get(id).settings();
    String newSeparator = ImportUploadForm.chosen(separator);
    Boolean newHeader = ImportUploadForm.chosen(header) == null ? null : Boolean.valueOf(header);
    try {
      // only what changed: another separator or header makes the service guess the mapping anew
      imports.configure(
          id,
          new ImportSettings(
              changed(ImportUploadForm.chosen(encoding), now.encoding()),
              changed(newSeparator, now.separator()),
              changed(newHeader, now.hasHeader()),
              null,
              null,
              null,
              null,
              null,
              skipEmptyLines));
    } catch (RuntimeException refused) {
      Flash.error(redirect, "import.error.refused", refused.getMessage());
    }
    return "redirect:/imports/" + id + "/mapping";
  }

  /** Saves the mapping (remembered for the layout) and starts the import in the background. */
  @PostMapping("/imports/{id}/start")
  String startImport(
      @PathVariable long id,
      @ModelAttribute("mapping") ImportMappingForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    ImportView job = imports.get(id);
    if (job.status() != ImportStatus.UPLOADED) {
      return "redirect:/imports/" + id;
    }
    try {
      imports.configure(
          id,
          new ImportSettings(
              null,
              null,
              null,
              job.format() == ImportFormat.CSV ? form.mapping() : null,
              enumOrNull(DuplicateMode.class, form.getDuplicateMode()),
              enumOrNull(DuplicateKey.class, form.getDuplicateKey()),
              blankToNull(form.getDateFormat()),
              blankToNull(form.getDecimalSeparator())));
      imports.start(id);
    } catch (ConflictException alreadyStarted) {
      return "redirect:/imports/" + id;
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of())) {
        return mappingPage(job, model);
      }
      throw refused;
    }
    Flash.success(redirect, "import.started", job.fileName());
    return "redirect:/imports/" + id;
  }

  /** Step 3: the progress while it runs, the report once it is done. */
  @GetMapping("/imports/{id}")
  String job(@PathVariable long id, Model model) {
    ImportView job = imports.get(id);
    if (job.status() == ImportStatus.UPLOADED) {
      return "redirect:/imports/" + id + "/mapping";
    }
    model.addAttribute("job", job);
    if (job.status() != ImportStatus.RUNNING) {
      List<RowFailure> all = imports.failures(id);
      List<RowFailure> failures = all.stream().filter(f -> !f.notice()).toList();
      model.addAttribute("failureCount", failures.size());
      model.addAttribute(
          "failures", failures.subList(0, Math.min(failures.size(), FAILURES_SHOWN)));
      model.addAttribute(
          "notices", all.stream().filter(f -> f.notice()).limit(FAILURES_SHOWN).toList());
    }
    return JOB_VIEW;
  }

  /**
   * The progress block alone, for htmx to swap in every second. Once the import has finished it
   * asks htmx to reload the page, which then shows the report.
   */
  @GetMapping("/imports/{id}/progress")
  String progress(@PathVariable long id, Model model, HttpServletResponse response) {
    ImportView job = imports.get(id);
    if (job.status() != ImportStatus.RUNNING) {
      response.setHeader("HX-Refresh", "true");
    }
    model.addAttribute("job", job);
    return PROGRESS_FRAGMENT;
  }

  @PostMapping("/imports/{id}/revert")
  String revert(@PathVariable long id, RedirectAttributes redirect) {
    try {
      RevertResult result = imports.revert(id);
      Flash.success(
          redirect, "import.reverted", result.deleted(), result.restored(), result.kept().size());
      if (!result.kept().isEmpty()) {
        redirect.addFlashAttribute("kept", result.kept());
      }
    } catch (ConflictException refused) {
      Flash.error(redirect, "import.error.refused", refused.getMessage());
    }
    return "redirect:/imports/" + id;
  }

  private String startPage(Model model) {
    List<String> types = new ArrayList<>();
    for (ImportEntityType type : ImportEntityType.values()) {
      if (imports.mayImport(type)) {
        types.add(type.name());
      }
    }
    model.addAttribute("entityTypes", types);
    model.addAttribute("pastImports", types.isEmpty() ? List.of() : imports.recent(PAST_IMPORTS));
    return START_VIEW;
  }

  private String mappingPage(ImportView job, Model model) {
    ImportPreview preview = imports.preview(job.id());
    model.addAttribute("job", job);
    model.addAttribute("preview", preview);
    model.addAttribute(
        "findsDuplicates",
        job.entityType() == ImportEntityType.CONTACT
            || job.entityType() == ImportEntityType.LEAD
            || job.entityType() == ImportEntityType.COMPANY);
    model.addAttribute(
        "requiredFields", preview.availableFields().stream().filter(f -> f.required()).toList());
    return MAPPING_VIEW;
  }

  private static <T> T changed(T chosen, T current) {
    return chosen == null || chosen.equals(current) ? null : chosen;
  }

  private static ImportEntityType entityType(String name) {
    try {
      return name == null ? null : ImportEntityType.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    try {
      return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
