package com.plccoach.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupMigrationTest {

    @Autowired
    MessageCache cache;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void startingTheServiceAppliesTheSchemaBeforeABeanReadsMessages() {
        assertThat(cache.messagesAtStart()).isZero();
        assertThat(jdbc.queryForList("select id from plccoach_version order by id", String.class))
                .containsExactly("001", "002", "003", "004", "005");
    }

    @Test
    void theActuatorEndpointReturnsTheAppliedRevisionsAsJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/plccoach")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
        assertThat(response.body()).contains("\"revision\":\"001\"", "\"revision\":\"005\"", "\"pending\":[]",
                "\"heads\":[\"005\"]");
    }
}
