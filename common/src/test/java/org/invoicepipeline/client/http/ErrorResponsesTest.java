package org.invoicepipeline.client.http;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

    private final ErrorResponses errors = new ErrorResponses(ApiJson.newMapper());

    @Test
    void carriesCodeStatusRetryableAndDetailsOfTheEnvelope() {
        ApiErrorException e = errors.toException(Operation.SUBMIT_EXTRACTION, 409, headers(Map.of()), body("""
                {"success":false,"error":{"code":"SUBMISSION_ID_ALREADY_USED","message":"used","retryable":false,
                 "details":{"extraction_id":"e1","differing_fields":["prompt"]}}}"""));

        assertThat(e.errorCode()).isEqualTo(ApiErrorCode.SUBMISSION_ID_ALREADY_USED);
        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.details()).hasValueSatisfying(d -> assertThat(d.path("extraction_id").asText()).isEqualTo("e1"));
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void a429CarriesTheRetryAfterHeaderOrElseTheDetailsHint() {
        String envelope = """
                {"success":false,"error":{"code":"RATE_LIMITED","message":"slow","retryable":true,
                 "details":{"retry_after_seconds":9}}}""";

        ApiErrorException withHeader = errors.toException(Operation.GET_EXTRACTION, 429,
                headers(Map.of("Retry-After", List.of("3"))), body(envelope));
        ApiErrorException withoutHeader = errors.toException(Operation.GET_EXTRACTION, 429, headers(Map.of()),
                body(envelope));

        assertThat(withHeader).isInstanceOf(RateLimitedException.class);
        assertThat(withHeader.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(withoutHeader.retryAfter()).contains(Duration.ofSeconds(9));
    }

    @Test
    void pausedSubmissionsAreRetriedWhenTheyResume() {
        String resumesAt = java.time.Instant.now().plusSeconds(120).toString();

        ApiErrorException e = errors.toException(Operation.SUBMIT_EXTRACTION, 503, headers(Map.of()), body("""
                {"success":false,"error":{"code":"SUBMISSIONS_PAUSED","message":"paused","retryable":true,
                 "details":{"resumes_at":"%s"}}}""".formatted(resumesAt)));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
    }

    @Test
    void a401IsAnAuthenticationFailure() {
        ApiErrorException e = errors.toException(Operation.GET_CREDITS_BALANCE, 401, headers(Map.of()), body("""
                {"success":false,"error":{"code":"API_KEY_REVOKED","message":"revoked","retryable":false,"details":null}}"""));

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.errorCode()).isEqualTo(ApiErrorCode.API_KEY_REVOKED);
        assertThat(e.details()).isEmpty();
    }

    @Test
    void aGatewayErrorWithoutEnvelopeIsRetryable() {
        ApiErrorException e = errors.toException(Operation.GET_EXTRACTION, 502, headers(Map.of()),
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(e.code()).isEqualTo("HTTP_502");
        assertThat(e.errorCode()).isEqualTo(ApiErrorCode.UNRECOGNISED);
        assertThat(e.isRetryable()).isTrue();
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (a, b) -> true);
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
