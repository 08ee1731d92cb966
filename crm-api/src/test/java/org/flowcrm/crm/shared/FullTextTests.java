package org.flowcrm.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullTextTests {

  @Test
  void phonesAreIndexedAsWrittenAsDigitsAndByTheirLastDigits() {
    String text = FullText.document().add("Anna").addPhone("+49 151 2345 6789").build();
    assertThat(text.split(" "))
        .contains("Anna", "+49", "151", "4915123456789", "6789", "23456789")
        .doesNotContain("789");
  }

  @Test
  void queriesBecomePrefixTermsWithoutOperators() {
    assertThat(FullText.booleanQuery("jonas.keller@nord")).isEqualTo("+jonas* +keller* +nord*");
    assertThat(FullText.booleanQuery("+49 (151) 23")).isEqualTo("4915123*");
    assertThat(FullText.booleanQuery("\"a\" -b >c ~d *")).isNull();
    assertThat(FullText.booleanQuery("the acme")).isEqualTo("+acme*");
  }

  @Test
  void likePatternsEscapeWildcards() {
    assertThat(FullText.likePrefix("50%_off")).isEqualTo("50\\%\\_off%");
  }
}
