package org.flowcrm.ui.deal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.shared.ProductRow;

/**
 * The product rows editor of a deal card. Rows without a name are the editor's empty line and are
 * left out; the service validates the rest and recalculates every total.
 */
public class RowsForm {

  private Long version;
  private List<Row> rows = new ArrayList<>();

  List<ProductRow> toRows() {
    return rows.stream()
        .filter(r -> r.getName() != null && !r.getName().isBlank())
        .map(
            r ->
                new ProductRow(
                    r.getProductId(),
                    r.getName().strip(),
                    r.getQuantity(),
                    r.getPrice(),
                    r.getDiscountPercent(),
                    r.getTaxPercent()))
        .toList();
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public List<Row> getRows() {
    return rows;
  }

  public void setRows(List<Row> rows) {
    this.rows = rows;
  }

  /** One line as typed. */
  public static class Row {
    private Long productId;
    private String name;
    private BigDecimal quantity;
    private BigDecimal price;
    private BigDecimal discountPercent;
    private BigDecimal taxPercent;

    public Long getProductId() {
      return productId;
    }

    public void setProductId(Long productId) {
      this.productId = productId;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public BigDecimal getQuantity() {
      return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
      this.quantity = quantity;
    }

    public BigDecimal getPrice() {
      return price;
    }

    public void setPrice(BigDecimal price) {
      this.price = price;
    }

    public BigDecimal getDiscountPercent() {
      return discountPercent;
    }

    public void setDiscountPercent(BigDecimal discountPercent) {
      this.discountPercent = discountPercent;
    }

    public BigDecimal getTaxPercent() {
      return taxPercent;
    }

    public void setTaxPercent(BigDecimal taxPercent) {
      this.taxPercent = taxPercent;
    }
  }
}
