package org.invoicepipeline.common.ops;

import java.io.IOException;
import java.io.InputStream;
import java.beans.PropertyDescriptor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/info}: the pipeline version, the stage, its topics ({@code pipeline.<stage>.topics.*}) and the
 * API base URL without user info, query or fragment. Never the key.
 */
public class PipelineInfoContributor implements InfoContributor {

    private final String stage;
    private final ApplicationContext context;

    public PipelineInfoContributor(String stage, ApplicationContext context) {
        this.stage = stage;
        this.context = context;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("version", version());
        builder.withDetail("stage", stage);
        builder.withDetail("topics", topics());
        String baseUrl = context.getEnvironment().getProperty("pipeline.api.base-url", "https://api.invoicedataextraction.com/v1");
        builder.withDetail("api", Map.of("baseUrl", withoutSecrets(baseUrl)));
    }

    /** The String properties of the stage's {@code pipeline.<stage>} properties bean's {@code topics}. */
    private Map<String, Object> topics() {
        Map<String, Object> topics = new LinkedHashMap<>();
        for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(context).values()) {
            if (!("pipeline." + stage).equals(bean.getAnnotation().prefix())
                    && !("pipeline." + stage).equals(bean.getAnnotation().value())) {
                continue;
            }
            BeanWrapperImpl properties = new BeanWrapperImpl(bean.getInstance());
            if (!properties.isReadableProperty("topics")) {
                continue;
            }
            Object value = properties.getPropertyValue("topics");
            if (value == null) {
                continue;
            }
            BeanWrapperImpl names = new BeanWrapperImpl(value);
            for (PropertyDescriptor descriptor : names.getPropertyDescriptors()) {
                if (descriptor.getPropertyType() == String.class && descriptor.getReadMethod() != null) {
                    topics.put(descriptor.getName(), names.getPropertyValue(descriptor.getName()));
                }
            }
        }
        return topics;
    }

    /** Scheme, host, port and path only. */
    static String withoutSecrets(String url) {
        try {
            URI uri = URI.create(url.trim());
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        }
        catch (Exception e) {
            return "(unparseable)";
        }
    }

    static String version() {
        try (InputStream in = PipelineInfoContributor.class.getResourceAsStream("pipeline-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
