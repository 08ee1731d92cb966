/** The home page: what needs the user's attention today. */
package org.flowcrm.ui.home;
