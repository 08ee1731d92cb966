/**
 * FEEL expressions: parsing at deploy time, evaluation against JSON variables, value conversion.
 */
package org.flowcrm.engine.feel;
