/**
 * The demo-data switch ({@code flowcrm.demo-data=true}): seeds a small, realistic company into an
 * empty CRM so a newcomer sees a living CRM in one command.
 */
package org.flowcrm.crm.demo;
