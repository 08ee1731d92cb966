package org.flowcrm.ui.admin;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageSemantic;

/**
 * The pipeline page's form: the name, every stage as a row in its order (open stages, then the won
 * and the lost one), and one empty row for a new stage. Probabilities are text here so that "abc"
 * comes back as a message at the field rather than a binding failure.
 */
public class PipelineAdminForm {

  private String name;
  private Long version;
  private List<StageRow> stages = new ArrayList<>();
  private String newCode;
  private String newName;
  private String newProbability;

  static PipelineAdminForm of(PipelineView pipeline) {
    PipelineAdminForm form = new PipelineAdminForm();
    form.name = pipeline.name();
    form.version = pipeline.version();
    for (PipelineView.StageView s : pipeline.stages()) {
      StageRow row = new StageRow();
      row.code = s.code();
      row.name = s.name();
      row.semantic = s.semantic();
      row.probability = s.probability() == null ? "" : String.valueOf(s.probability());
      form.stages.add(row);
    }
    return form;
  }

  /**
   * A stage code from a stage name, for when the administrator leaves the code empty: "Złożona
   * oferta" becomes {@code ZLOZONA_OFERTA}.
   */
  static String codeFrom(String name) {
    String ascii =
        Normalizer.normalize(name.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    if (ascii.isEmpty() || !Character.isLetter(ascii.charAt(0))) {
      ascii = "STAGE_" + ascii;
    }
    return ascii.length() > 40 ? ascii.substring(0, 40) : ascii;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public List<StageRow> getStages() {
    return stages;
  }

  public void setStages(List<StageRow> stages) {
    this.stages = stages;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewProbability() {
    return newProbability;
  }

  public void setNewProbability(String newProbability) {
    this.newProbability = newProbability;
  }

  /** One existing stage: the code and whether it is open, won or lost never change here. */
  public static class StageRow {
    private String code;
    private String name;
    private StageSemantic semantic = StageSemantic.OPEN;
    private String probability;

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public StageSemantic getSemantic() {
      return semantic;
    }

    public void setSemantic(StageSemantic semantic) {
      this.semantic = semantic;
    }

    public String getProbability() {
      return probability;
    }

    public void setProbability(String probability) {
      this.probability = probability;
    }
  }
}
