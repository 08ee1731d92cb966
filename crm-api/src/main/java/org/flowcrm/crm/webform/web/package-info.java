/** The administrators' REST API of web forms and the public form pages. */
package org.flowcrm.crm.webform.web;
