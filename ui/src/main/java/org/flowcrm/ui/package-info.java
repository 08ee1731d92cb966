/**
 * Server-rendered pages (Freemarker) and the browser assets they use, one package per feature:
 * {@code layout} (page frame, locale, flash messages), {@code home}, {@code process} (modeler and
 * viewer).
 */
package org.flowcrm.ui;
