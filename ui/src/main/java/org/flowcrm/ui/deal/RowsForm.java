package org.flowcrm.ui.deal;

import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.ui.record.ProductRowInput;

/**
 * The product rows editor of a deal card. Rows without a name are the editor's empty line and are
 * left out; the service validates the rest and recalculates every total.
 */
public class RowsForm {

  private Long version;
  private List<ProductRowInput> rows = new ArrayList<>();

  List<ProductRow> toRows() {
    return ProductRowInput.lines(rows).rows();
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public List<ProductRowInput> getRows() {
    return rows;
  }

  public void setRows(List<ProductRowInput> rows) {
    this.rows = rows;
  }
}
