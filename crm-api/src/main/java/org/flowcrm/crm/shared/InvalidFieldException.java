package org.flowcrm.crm.shared;

import java.util.List;

/**
 * Well-formed input that breaks a rule needing the database, e.g. an unknown currency or a stage of
 * another pipeline (422). Names the field so a form can show the message next to it.
 */
public class InvalidFieldException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidFieldException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public InvalidFieldException(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid input"));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
