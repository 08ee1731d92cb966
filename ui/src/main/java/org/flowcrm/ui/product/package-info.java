/** The product catalog pages: the list filtered by the section tree, and the product form. */
package org.flowcrm.ui.product;
