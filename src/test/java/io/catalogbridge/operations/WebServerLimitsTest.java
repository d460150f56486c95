package io.catalogbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The web server's limits in application.yaml reach Tomcat's connector, so steady load does not lose connections
 * (Tomcat's default of 100 requests per keep-alive connection closes them all the time).
 */
class WebServerLimitsTest extends ApiTestSupport {

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    Environment environment;

    private int configured(String property) {
        String value = environment.getProperty("server.tomcat." + property);
        assertThat(value).as("server.tomcat.%s is set on purpose", property).isNotBlank();
        return Integer.parseInt(value);
    }

    private long configuredMillis(String property) {
        String value = environment.getProperty("server.tomcat." + property);
        assertThat(value).as("server.tomcat.%s is set on purpose", property).isNotBlank();
        return DurationStyle.detectAndParse(value).toMillis();
    }

    @Test
    void theConfiguredLimitsReachTheConnector() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var protocol = (AbstractHttp11Protocol<?>) tomcat.getConnector().getProtocolHandler();

        assertThat(protocol.getMaxKeepAliveRequests()).isEqualTo(configured("max-keep-alive-requests"))
                .isNotEqualTo(100);
        assertThat((long) protocol.getKeepAliveTimeout()).isEqualTo(configuredMillis("keep-alive-timeout"));
        assertThat((long) protocol.getConnectionTimeout()).isEqualTo(configuredMillis("connection-timeout"));
        assertThat(protocol.getMaxConnections()).isEqualTo(configured("max-connections"));
        assertThat(protocol.getAcceptCount()).isEqualTo(configured("accept-count"));
        assertThat(protocol.getMaxThreads()).isEqualTo(configured("threads.max"));
        // an idle keep-alive connection must outlive the proxy's (60 s is the usual load-balancer idle timeout)
        assertThat(protocol.getKeepAliveTimeout()).isGreaterThan(60_000);
    }
}
