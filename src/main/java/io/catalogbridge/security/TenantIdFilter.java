package io.catalogbridge.security;

import io.catalogbridge.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 400 for a tenant path whose tenant id breaks the rule of {@link TenantIds}. */
public class TenantIdFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public TenantIdFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = TenantIds.firstSegment(request.getRequestURI());
        if (!TenantIds.isValid(tenant)) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Invalid tenant id: 1 to 64 letters, digits, '_' and '-',"
                    + " starting with a letter or digit", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
