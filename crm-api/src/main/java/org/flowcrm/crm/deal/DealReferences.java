package org.flowcrm.crm.deal;

import java.util.List;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.ProductRow;
import org.springframework.stereotype.Component;

/**
 * Checks that the company, contacts and products a deal points to exist, through the public
 * services of those features.
 */
@Component
class DealReferences {

  private final CompanyService companies;
  private final ContactService contacts;
  private final ProductService products;

  DealReferences(CompanyService companies, ContactService contacts, ProductService products) {
    this.companies = companies;
    this.contacts = contacts;
    this.products = products;
  }

  void check(Long companyId, List<Long> contactIds, List<ProductRow> rows) {
    if (companyId != null) {
      companies.requireExisting(List.of(companyId), "companyId");
    }
    contacts.requireExisting(contactIds, "contactIds");
    for (int i = 0; i < rows.size(); i++) {
      Long productId = rows.get(i).productId();
      if (productId != null && products.find(productId).isEmpty()) {
        throw new InvalidFieldException(
            "rows[" + i + "].productId", "product " + productId + " does not exist");
      }
    }
  }
}
