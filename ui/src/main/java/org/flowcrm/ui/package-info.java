/** Server-rendered pages (Freemarker) and the browser assets they use. */
package org.flowcrm.ui;
