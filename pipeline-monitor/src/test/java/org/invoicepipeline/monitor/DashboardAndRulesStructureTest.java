package org.invoicepipeline.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure of docker/ that Grafana and promtool would otherwise only find at deployment time: the dashboard
 * JSON (Grafana itself is not installable here) and the rule files' runbooks and test coverage. That the queries
 * return data on a real Prometheus is local-pipeline's ObservabilityIT.
 */
class DashboardAndRulesStructureTest {

    private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();

    @Test
    void everyPanelHasAPrometheusDatasourceATargetWithAnExpressionAndAUniqueId() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/invoice-pipeline.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        JsonNode panels = dashboard.path("panels");
        assertThat(panels.size()).isGreaterThanOrEqualTo(10);
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
            assertThat(titles.add(title)).as("unique title %s", title).isTrue();
            assertThat(panel.path("type").asText()).as(title).isNotBlank();
            assertThat(panel.path("gridPos").path("w").asInt()).as(title).isPositive();
            assertThat(panel.path("gridPos").path("h").asInt()).as(title).isPositive();
            assertDatasource(panel.path("datasource"), title);
            JsonNode targets = panel.path("targets");
            assertThat(targets.size()).as("targets of %s", title).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : targets) {
                assertThat(target.path("expr").asText()).as("expr of %s", title).isNotBlank();
                assertThat(refIds.add(target.path("refId").asText())).as("unique refId in %s", title).isTrue();
                assertDatasource(target.path("datasource"), title);
            }
        }
        assertThat(titles).as("the panels the issue asks for").anyMatch(t -> t.startsWith("Records in"))
                .anyMatch(t -> t.startsWith("Lag in records")).anyMatch(t -> t.startsWith("Lag in seconds"))
                .anyMatch(t -> t.startsWith("Oldest file waiting")).anyMatch(t -> t.startsWith("Dead letters by"))
                .anyMatch(t -> t.startsWith("API budget")).anyMatch(t -> t.startsWith("429s"))
                .anyMatch(t -> t.startsWith("Credits")).anyMatch(t -> t.startsWith("Extractions in flight"))
                .anyMatch(t -> t.startsWith("End-to-end latency"));
    }

    @Test
    void theProvisionedDatasourceIsTheOneThePanelsName() throws IOException {
        Map<String, Object> provisioning = new Yaml().load(Files.readString(
                DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")));
        assertThat(provisioning.get("datasources").toString()).contains("uid=prometheus", "type=prometheus");
        Map<String, Object> dashboards = new Yaml().load(Files.readString(
                DOCKER.resolve("grafana/provisioning/dashboards/invoice-pipeline.yml")));
        assertThat(dashboards.get("providers").toString()).contains("type=file");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasARunbookAndAPromtoolUnitTest() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/rules/pipeline-rules.yml")));
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    String name = rule.get("alert").toString();
                    alerts.add(name);
                    Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                    assertThat(annotations).as(name).containsKeys("summary", "runbook");
                    assertThat(annotations.get("runbook").toString().length()).as("runbook of %s", name).isGreaterThan(100);
                    assertThat(((Map<String, Object>) rule.get("labels"))).as(name).containsKey("severity");
                }
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);

        Map<String, Object> tests = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/tests/pipeline-rules-test.yml")));
        Set<String> tested = new HashSet<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) tests.get("tests")) {
            for (Map<String, Object> alertTest : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                if (!((List<?>) alertTest.get("exp_alerts")).isEmpty()) {
                    tested.add(alertTest.get("alertname").toString());
                }
            }
        }
        assertThat(tested).as("alerts with a promtool test that makes them fire").containsAll(alerts);
    }

    private static void assertDatasource(JsonNode datasource, String title) {
        assertThat(datasource.path("type").asText()).as("datasource type of %s", title).isEqualTo("prometheus");
        assertThat(datasource.path("uid").asText()).as("datasource uid of %s", title).isEqualTo("prometheus");
    }
}
