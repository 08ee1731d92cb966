/**
 * The product catalog: products with price, currency, unit and VAT rate, in sections nested to any
 * depth, found quickly by the first letters of their name. Other features use {@link
 * org.flowcrm.crm.product.ProductService}.
 */
package org.flowcrm.crm.product;
