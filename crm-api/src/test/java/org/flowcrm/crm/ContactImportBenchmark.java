package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Imports 100,000 contacts from one CSV file through the REST API into the embedded MariaDB and
 * prints how long the background job took; then imports the same file again with duplicate checking
 * by e-mail (every row is skipped). Not part of the normal build (the name does not end in Tests);
 * run it with
 *
 * <pre>
 * ./mvnw -q -pl crm-api test -Dtest=ContactImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Override the size with {@code -Dbenchmark.rows=…}. Results are recorded in docs/benchmarks.md.
 */
class ContactImportBenchmark extends ApiTest {

  @Test
  void importsOneHundredThousandContacts() throws Exception {
    int rows = Integer.getInteger("benchmark.rows", 100_000);
    String u = unique();
    StringBuilder csv = new StringBuilder(rows * 120);
    csv.append("First name;Last name;E-mail;Phone;Position;City;Postal code;Country\n");
    for (int i = 0; i < rows; i++) {
      csv.append("Jan")
          .append(i % 997)
          .append(';')
          .append("Kowalski-")
          .append(u)
          .append('-')
          .append(i)
          .append(';')
          .append("jan.")
          .append(u)
          .append('.')
          .append(i)
          .append("@example.pl;+48 600 ")
          .append(String.format("%06d", i))
          .append(";Buyer;Kraków;30-")
          .append(String.format("%03d", i % 1000))
          .append(";PL\n");
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    System.out.printf("CSV import benchmark: %,d rows, %,d bytes%n", rows, file.length);

    long created = run(file, Map.of());
    long skipped = run(file, Map.of("duplicateMode", "SKIP", "duplicateKey", "EMAIL"));
    assertThat(created).isLessThan(60_000);
    assertThat(skipped).isLessThan(60_000);
  }

  private long run(byte[] file, Map<String, String> settings) throws Exception {
    JsonNode job =
        read(
            mvc.perform(
                    multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "bench.csv", "text/csv", file))
                        .param("entityType", "CONTACT"))
                .andExpect(status().isCreated())
                .andReturn());
    long id = job.get("id").asLong();
    if (!settings.isEmpty()) {
      send(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                  "/api/v1/imports/" + id + "/mapping"),
              settings)
          .andExpect(status().isOk());
    }
    long start = System.nanoTime();
    mvc.perform(post("/api/v1/imports/" + id + "/start")).andExpect(status().isAccepted());
    JsonNode done;
    while (true) {
      done = getJson("/api/v1/imports/" + id);
      if (!done.get("status").asString().equals("RUNNING")) {
        break;
      }
      Thread.sleep(100);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "CSV import benchmark %s: %s in %,d ms (%,.0f rows/s): created %d, skipped %d, failed %d%n",
        settings.isEmpty() ? "create" : "skip duplicates by e-mail",
        done.get("status").asString(),
        millis,
        done.get("total").asInt() * 1000.0 / millis,
        done.get("created").asInt(),
        done.get("skipped").asInt(),
        done.get("failed").asInt());
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("failed").asInt()).isZero();
    return millis;
  }
}
