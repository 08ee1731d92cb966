package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.flowcrm.FlowcrmApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseIT {

  @Test
  void startupFailsFastNamingTheSettingToFix(CapturedOutput output) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:mariadb://127.0.0.1:" + closedPort + "/flowcrm";

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(FlowcrmApplication.class)
                    .properties(
                        "spring.datasource.url=" + url,
                        "server.port=0",
                        "flowcrm.mail.catcher.port=0",
                        "flowcrm.engine.rest-port=0",
                        "flowcrm.engine.grpc-port=0",
                        "logging.file.name=target/logs/unreachable.log")
                    .run())
        .isNotNull();

    assertThat(output.getOut() + output.getErr())
        .contains("Cannot connect to the database at " + url)
        .contains("Fix spring.datasource.url (environment variable SPRING_DATASOURCE_URL)")
        .doesNotContain("at org.springframework.beans.factory");
  }
}
