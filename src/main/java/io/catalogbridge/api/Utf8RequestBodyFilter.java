package io.catalogbridge.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are read as strict UTF-8, the only encoding of JSON between systems (RFC 8259): a byte sequence
 * that is not UTF-8 fails the read with a {@link java.nio.charset.CharacterCodingException}, answered 400, where
 * the web server would otherwise decode it in the charset the client declared, or put U+FFFD in its place.
 *
 * <p>The API reads its bodies as characters ({@code getReader()}); this reader decodes the request's byte stream,
 * so it also passes through the size limit of {@link RequestSizeLimitFilter}, which runs first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class Utf8RequestBodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Utf8Request(request), response);
    }

    private static final class Utf8Request extends HttpServletRequestWrapper {

        private BufferedReader reader;

        Utf8Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                reader = new BodyReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
            }
            return reader;
        }
    }

    /**
     * A reader that fails every read after its first failure with that same failure: Camel's type converters close
     * a reader that failed and may try another conversion, whose "Stream closed" would hide why the body was refused
     * (not UTF-8, or over the size limit).
     */
    private static final class BodyReader extends BufferedReader {

        private interface Read<T> {
            T call() throws IOException;
        }

        private IOException failure;

        BodyReader(Reader in) {
            super(in);
        }

        private <T> T guarded(Read<T> read) throws IOException {
            if (failure == null) {
                try {
                    return read.call();
                } catch (IOException e) {
                    failure = e;
                }
            }
            throw failure;
        }

        @Override
        public int read() throws IOException {
            return guarded(super::read);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return guarded(() -> super.read(buffer, offset, length));
        }

        @Override
        public String readLine() throws IOException {
            return guarded(super::readLine);
        }

        @Override
        public long skip(long n) throws IOException {
            return guarded(() -> super.skip(n));
        }

        @Override
        public boolean ready() throws IOException {
            return guarded(super::ready);
        }
    }
}
