/**
 * Administration pages for pipelines and stages, custom fields, mail templates and web forms; each
 * calls its crm-api service, which refuses anyone but an administrator (403).
 */
package org.flowcrm.ui.admin;
