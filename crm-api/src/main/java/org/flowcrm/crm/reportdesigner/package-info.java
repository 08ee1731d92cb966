/**
 * The report designer: report definitions (entity, columns, filters, two-level grouping,
 * aggregates, sort, chart) built from a fixed field catalogue per entity, turned into bounded,
 * parameterised SQL with the caller's scope applied in the database, saved per owner and shared
 * with roles.
 */
package org.flowcrm.crm.reportdesigner;
