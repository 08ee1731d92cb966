package org.flowcrm.ui.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.shared.ProductRowView;

/**
 * One line of the product rows editor (deal card, quote and invoice forms) as typed. A line without
 * a name is the editor's empty line and is left out; the service validates the rest and
 * recalculates every total.
 */
public class ProductRowInput {

  private Long productId;
  private String name;
  private BigDecimal quantity;
  private BigDecimal price;
  private BigDecimal discountPercent;
  private BigDecimal taxPercent;

  /** The editor's lines for rows already stored. */
  public static List<ProductRowInput> of(List<ProductRowView> rows) {
    List<ProductRowInput> lines = new ArrayList<>();
    for (ProductRowView r : rows) {
      ProductRowInput line = new ProductRowInput();
      line.productId = r.productId();
      line.name = r.name();
      line.quantity = plain(r.quantity());
      line.price = r.price();
      line.discountPercent = plain(r.discountPercent());
      line.taxPercent = plain(r.taxPercent());
      lines.add(line);
    }
    return lines;
  }

  /** {@code 2.0000} (as stored) → {@code 2}: what a person would have typed. */
  private static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** The empty line a new product is typed into. */
  public static ProductRowInput blank() {
    ProductRowInput line = new ProductRowInput();
    line.quantity = BigDecimal.ONE;
    line.discountPercent = BigDecimal.ZERO;
    line.taxPercent = BigDecimal.ZERO;
    return line;
  }

  /**
   * The line's total as the service will compute it, or {@code null} while it is incomplete (what
   * the page shows before script recalculates it).
   */
  public BigDecimal total() {
    if (isBlank() || quantity == null || price == null) {
      return null;
    }
    return new ProductRow(productId, name, quantity, price, discountPercent, taxPercent).total();
  }

  /** The sum of the complete lines. */
  public static BigDecimal sum(List<ProductRowInput> lines) {
    return lines.stream()
        .filter(java.util.Objects::nonNull)
        .map(ProductRowInput::total)
        .filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public boolean isBlank() {
    return name == null || name.isBlank();
  }

  /**
   * The named lines as the command's rows, with where each stands in the form: the service names
   * {@code rows[1]} by its position among the named lines, the form by its position among all.
   */
  public static Lines lines(List<ProductRowInput> typed) {
    List<ProductRow> rows = new ArrayList<>();
    List<Integer> formIndex = new ArrayList<>();
    for (int i = 0; i < typed.size(); i++) {
      ProductRowInput r = typed.get(i);
      if (r == null || r.isBlank()) {
        continue;
      }
      rows.add(
          new ProductRow(
              r.productId, r.name.strip(), r.quantity, r.price, r.discountPercent, r.taxPercent));
      formIndex.add(i);
    }
    return new Lines(List.copyOf(rows), List.copyOf(formIndex));
  }

  /** The rows of a command and the form position of each. */
  public record Lines(List<ProductRow> rows, List<Integer> formIndex) {

    /**
     * {@code rows[1].price} as the service names it → {@code rows[3].price} as the form does; other
     * fields unchanged.
     */
    public String formField(String commandField) {
      if (commandField == null || !commandField.startsWith("rows[")) {
        return commandField;
      }
      int close = commandField.indexOf(']');
      try {
        int index = Integer.parseInt(commandField.substring(5, close));
        if (index >= 0 && index < formIndex.size()) {
          return "rows[" + formIndex.get(index) + "]" + commandField.substring(close + 1);
        }
      } catch (NumberFormatException | StringIndexOutOfBoundsException notARow) {
        // "rows" itself (too many lines): an error of the whole list
      }
      return commandField;
    }
  }

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
