package com.ipexpert.edge.errors;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps every failure, ours and Spring's, to the API error shape, once. A 500 never carries a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** The error type of a 503; not an {@code ErrorKind}, since no domain refusal means "nobody is running". */
    static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> domain(DomainException e) {
        if (e instanceof RateLimitExceeded limited) {
            return ResponseEntity.status(HttpStatusCode.valueOf(e.kind().status()))
                    .header("Retry-After", Long.toString(limited.retryAfterSeconds()))
                    .contentType(MediaType.APPLICATION_JSON).body(ApiError.of(e.kind(), e.getMessage()));
        }
        return respond(e.kind(), e.getMessage());
    }

    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class,
            ExecutionException.class})
    ResponseEntity<ApiError> wrapped(Exception e) {
        Optional<DomainException> domain = DomainErrors.find(e);
        if (domain.isPresent()) return domain(domain.get());
        return unexpected(e);
    }

    /** The database is away: 503 with {@code Retry-After}; the pool reconnects by itself once it is back. */
    static ResponseEntity<ApiError> databaseUnavailable(Throwable e) {
        DatabaseOutage.logged(e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_JSON).body(DatabaseOutage.error());
    }

    /**
     * Nobody is there to answer: the side that handles this query or command is down (or not started yet). An honest
     * 503, so a client (or the entry point) knows to try again, rather than a 500 that says we broke something.
     */
    @ExceptionHandler({NoHandlerForQueryException.class, NoHandlerForCommandException.class})
    ResponseEntity<ApiError> unavailable(Exception e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(HttpStatus.SERVICE_UNAVAILABLE.value(), "error", new ApiError.Detail(SERVICE_UNAVAILABLE,
                        "No running service can answer this request right now; try again shortly")));
    }

    /**
     * The instance that was carrying out a command went away while it ran (behind Axon Server: killed, or its
     * connection cut). Whether it was carried out is unknown, so the client is told to look before sending it again.
     */
    static ResponseEntity<ApiError> handlerLost() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(HttpStatus.SERVICE_UNAVAILABLE.value(), "error", new ApiError.Detail(SERVICE_UNAVAILABLE,
                        "The service carrying out this request went away before it answered: it may or may not have "
                                + "been done; check before sending it again")));
    }

    /** Axon Server's answers for a command whose handler could not be reached or was lost while it ran. */
    static boolean handlerWentAway(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (type.equals("org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException")) return true;
            // the remote exception carries Axon Server's message in its descriptions, shown by toString
            if (type.startsWith("org.axonframework.axonserver.") && (t + " " + t.getMessage()).contains("Connection lost")) {
                return true;
            }
        }
        return false;
    }

    private static boolean nobodyToAnswer(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoHandlerForQueryException || t instanceof NoHandlerForCommandException) return true;
        }
        return false;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
            return respond(ErrorKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        if (cause instanceof DomainException d) return domain(d);
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return respond(ErrorKind.INVALID_REQUEST, iae.getMessage());
        }
        if (e.getCause() instanceof InvalidFormatException ife && !ife.getPath().isEmpty()) {
            return respond(ErrorKind.INVALID_REQUEST,
                    "Field '" + ife.getPath().get(ife.getPath().size() - 1).getFieldName() + "' has a value of the wrong type");
        }
        if (e.getCause() instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            return respond(ErrorKind.INVALID_REQUEST,
                    "Field '" + mie.getPath().get(mie.getPath().size() - 1).getFieldName() + "' has a value of the wrong type");
        }
        return respond(ErrorKind.INVALID_REQUEST, "The request body is missing or is not valid JSON");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).findFirst()
                .orElse("The request is not valid");
        return respond(ErrorKind.INVALID_REQUEST, message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraint(ConstraintViolationException e) {
        return respond(ErrorKind.INVALID_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return respond(ErrorKind.INVALID_REQUEST, "Parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return respond(ErrorKind.INVALID_REQUEST, "Multipart part '" + e.getRequestPartName() + "' is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return respond(ErrorKind.INVALID_REQUEST, "Header '" + e.getHeaderName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ErrorKind.INVALID_REQUEST, "Parameter '" + e.getName() + "' has an invalid value");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        // The contract knows no 405: the method/path pair names no resource.
        return respond(ErrorKind.NOT_FOUND, "No endpoint " + e.getMethod() + " here; allowed: "
                + String.join(", ", Optional.ofNullable(e.getSupportedMethods()).orElse(new String[0])));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content type " + e.getContentType() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ErrorKind.INVALID_REQUEST, "The requested response type is not available");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ErrorKind.PAYLOAD_TOO_LARGE, "The file is larger than the 16 MB limit");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e) {
        return respond(ErrorKind.INVALID_REQUEST, "The request is not a valid multipart upload");
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> noHandler(Exception e) {
        return respond(ErrorKind.NOT_FOUND, "No such endpoint");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied(Exception e) {
        return respond(ErrorKind.FORBIDDEN, "Your role does not allow this");
    }

    @ExceptionHandler({AsyncRequestTimeoutException.class, AsyncRequestNotUsableException.class})
    void streamEnded() {
        // An SSE stream timed out or its client went away: nothing to answer.
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        Optional<DomainException> domain = DomainErrors.find(e);
        if (domain.isPresent()) return domain(domain.get());
        if (nobodyToAnswer(e)) return unavailable(e);
        if (DatabaseOutage.isCause(e)) return databaseUnavailable(e);
        if (handlerWentAway(e)) {
            log.warn("A command's handler went away while it ran: {}", e.toString());
            return handlerLost();
        }
        if (clientWentAway(e)) {
            // the client closed the connection (a stream left, a download cancelled): nobody to answer, nothing wrong here
            log.debug("The client went away: {}", e.toString());
            return null;
        }
        log.error("Unexpected failure while handling a request", e);
        return respond(ErrorKind.INTERNAL_ERROR, "Something went wrong on our side; the error was logged");
    }

    private static boolean clientWentAway(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("ClientAbortException") || name.equals("AsyncRequestNotUsableException")) return true;
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) return true;
        }
        return false;
    }

    /** Always JSON, even to a client that asked for a live stream ({@code Accept: text/event-stream}) and got a 404. */
    private static ResponseEntity<ApiError> respond(ErrorKind kind, String message) {
        return ResponseEntity.status(HttpStatusCode.valueOf(kind.status())).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(kind, message));
    }
}
