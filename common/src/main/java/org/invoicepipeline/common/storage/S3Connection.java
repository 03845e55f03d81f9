package org.invoicepipeline.common.storage;

import java.net.URI;
import java.time.Duration;

import org.invoicepipeline.common.config.PropertyRules;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * How a stage reaches an S3-compatible object store: {@code <stage>.s3.*} in each stage that reads or writes
 * {@code s3://} objects. Credentials are deliberately not settings: the SDK's default chain finds them (environment
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile files, web identity, container
 * or instance roles), so they never sit in the stage's configuration, events or logs. The AWS SDK is an optional
 * dependency of common: only stages that declare it can build a client.
 */
public class S3Connection {

    /** Endpoint of an S3-compatible server (MinIO, S3Mock, a local gateway); empty = AWS's regional endpoint. */
    private URI endpoint;

    /** Region to sign requests for (any value for most S3-compatible servers). */
    private String region = "us-east-1";

    /** Address buckets as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key} (most non-AWS servers). */
    private boolean pathStyleAccess = false;

    /**
     * Attempts of one request (first + retries) on throttling (503 SlowDown, 429), 5xx and connection failures, with
     * the SDK's jittered exponential back-off; 403/404 are never retried.
     */
    private int maxAttempts = 8;

    /** Longest wait for a connection to the store. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Longest wait for bytes on an open connection (a ranged GET stalled mid-part, a response not coming). */
    private Duration socketTimeout = Duration.ofSeconds(60);

    /** Start-up checks, nested as {@code field} in {@code rules}' properties. */
    public void validate(PropertyRules rules, String field) {
        rules.atLeast(field + ".maxAttempts", maxAttempts, 1)
                .positive(field + ".connectTimeout", connectTimeout)
                .positive(field + ".socketTimeout", socketTimeout)
                .require(region != null && !region.isBlank(), field + ".region", region, "must not be empty");
    }

    /** A client with these settings and the SDK's default credentials chain; close it with its owner. */
    public S3Client newClient() {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connectTimeout)
                        .socketTimeout(socketTimeout))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyleAccess).build())
                .overrideConfiguration(override -> override.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public boolean isPathStyleAccess() {
        return pathStyleAccess;
    }

    public void setPathStyleAccess(boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }
}
