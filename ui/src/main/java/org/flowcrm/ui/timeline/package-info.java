/** The timeline of a record card: its activities and tasks, newest first. */
package org.flowcrm.ui.timeline;
