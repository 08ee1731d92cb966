/** The page frame every page fills: locale switching, flash messages and the layout's model. */
package org.flowcrm.ui.layout;
