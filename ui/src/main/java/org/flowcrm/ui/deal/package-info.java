/** Deal pages: the kanban per pipeline, the list and the deal's card with its product rows. */
package org.flowcrm.ui.deal;
