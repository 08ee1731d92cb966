package org.flowcrm.crm.webform;

import java.util.List;
import org.flowcrm.crm.shared.FieldProblem;

/** A submission with missing or invalid fields, named by their input names (400). */
public class SubmissionRejected extends RuntimeException {

  private final List<FieldProblem> problems;

  public SubmissionRejected(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid submission"),
        null,
        false,
        false);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
