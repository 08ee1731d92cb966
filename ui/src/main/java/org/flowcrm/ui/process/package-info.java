/** Process models: the list, the Camunda 8 modeler for analysts, deployment and the viewer. */
package org.flowcrm.ui.process;
