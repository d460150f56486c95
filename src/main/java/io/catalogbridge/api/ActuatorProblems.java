package io.catalogbridge.api;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The actuator's errors as problem+json, like the API's. Its operations signal "not found" by answering nothing
 * or an empty error answer (an empty 404) and Camel's routes endpoint fails with a bare exception (a 500) for a route it does not have; here
 * both become a 404 problem, and anything else an operation throws a 500 problem rather than Spring's error page.
 * Spring MVC renders the problems ({@code spring.mvc.problemdetails.enabled}), as it does for an unsupported method
 * (405: the routes endpoint is read-only, {@code management.endpoint.camelroutes.access}) or a bad selector (400).
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorProblems {

    private static final Logger log = LoggerFactory.getLogger(ActuatorProblems.class);

    private static final EndpointId CAMEL_ROUTES = EndpointId.of("camelroutes");

    @Bean
    OperationInvokerAdvisor actuatorProblemAdvisor(CamelContext camel) {
        return (endpointId, operationType, parameters, invoker) -> context -> {
            Object routeId = context.getArguments().get("id");
            if (CAMEL_ROUTES.equals(endpointId) && routeId instanceof String id && camel.getRoute(id) == null) {
                throw problem(HttpStatus.NOT_FOUND, "No Camel route '" + id + "'");
            }
            Object result;
            try {
                result = invoker.invoke(context);
            } catch (RuntimeException e) {
                if (e instanceof ErrorResponseException || isRequestError(e)) {
                    throw e;
                }
                log.error("Actuator endpoint {} failed", endpointId, e);
                throw problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the service log has the details");
            }
            if (result == null && operationType == OperationType.READ) {
                throw problem(HttpStatus.NOT_FOUND, "Actuator endpoint '" + endpointId + "' has nothing here");
            }
            // an error status without a body (health of an unknown group): the same, with its own status
            if (result instanceof WebEndpointResponse<?> answer && answer.getBody() == null
                    && answer.getStatus() >= 400) {
                HttpStatus status = HttpStatus.resolve(answer.getStatus());
                throw problem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                        "Actuator endpoint '" + endpointId + "' has nothing here");
            }
            return result;
        };
    }

    /** Missing or unconvertible selectors and parameters: Spring Boot answers them with 400 itself. */
    private static boolean isRequestError(RuntimeException e) {
        return e instanceof org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
