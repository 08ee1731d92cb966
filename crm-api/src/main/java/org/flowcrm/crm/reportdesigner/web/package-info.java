/** REST API of the report designer: the catalogue, saved definitions, runs, previews and CSV. */
package org.flowcrm.crm.reportdesigner.web;
