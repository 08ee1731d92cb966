/**
 * Assembly concerns of the runnable application: startup banner, mail catcher, failure analysis.
 */
package org.flowcrm.app;
