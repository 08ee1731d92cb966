/** REST API for the catalog: {@code /api/v1/products}, {@code /api/v1/product-sections}. */
package org.flowcrm.crm.product.web;
