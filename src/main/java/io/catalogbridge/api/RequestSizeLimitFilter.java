package io.catalogbridge.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over their endpoint's limit with 413, before anything reads them: a declared Content-Length
 * is judged at once, a chunked body as it is read. Bulk uploads (the assets, the quality results) may be as large as
 * {@code catalog-bridge.api.max-request-size}; every other body (an integration, a manual mapping) is a few fields and
 * may not exceed {@code catalog-bridge.api.max-configuration-request-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The endpoints that carry bulk uploads: {@code /{tenant}/assets} and {@code /{tenant}/quality/results}. */
    private static final Pattern BULK_UPLOADS = Pattern.compile("/[^/]+/(assets|quality/results)/?");

    /** A limit and the setting that sets it, named in the answer. */
    record Limit(long bytes, String setting) {
    }

    /** A body that grew past the limit while being read. */
    public static class PayloadTooLarge extends IOException {
        PayloadTooLarge(Limit limit) {
            super("The request body exceeds " + limit.bytes() + " bytes (" + limit.setting() + ")");
        }
    }

    private final Limit bulk;
    private final Limit configuration;
    private final ProblemResponses problems;

    public RequestSizeLimitFilter(@Value("${catalog-bridge.api.max-request-size:64MB}") DataSize bulk,
            @Value("${catalog-bridge.api.max-configuration-request-size:64KB}") DataSize configuration,
            ProblemResponses problems) {
        this.bulk = new Limit(bulk.toBytes(), "catalog-bridge.api.max-request-size");
        this.configuration = new Limit(configuration.toBytes(), "catalog-bridge.api.max-configuration-request-size");
        this.problems = problems;
    }

    Limit limitOf(HttpServletRequest request) {
        return BULK_UPLOADS.matcher(request.getRequestURI()).matches() ? bulk : configuration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limitOf(request);
        if (request.getContentLengthLong() > limit.bytes()) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body may not exceed " + limit.bytes()
                    + " bytes (" + limit.setting() + ")", request.getRequestURI());
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final Limit limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit.bytes()) {
                            throw new PayloadTooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit.bytes()) {
                            throw new PayloadTooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
