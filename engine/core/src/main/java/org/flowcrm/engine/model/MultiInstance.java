package org.flowcrm.engine.model;

import org.flowcrm.engine.feel.Expression;

/**
 * The multi-instance characteristics of an activity ({@code zeebe:loopCharacteristics}): one inner
 * instance per item of the input collection, one after the other or all at once.
 *
 * @param inputElement variable name each inner instance gets its item as, or null
 * @param outputCollection variable name of the collected results, or null
 * @param outputElement what each inner instance contributes to the output collection, or null
 * @param completionCondition ends the activity early when true, or null
 */
public record MultiInstance(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {}
