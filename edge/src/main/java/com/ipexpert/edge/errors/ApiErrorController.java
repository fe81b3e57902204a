package com.ipexpert.edge.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The container's error dispatch ({@code /error}: a {@code sendError} from a filter, an upload over the size limit
 * found while Tomcat reads the request) answers in the API error shape, never Spring's default body.
 */
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable t && DatabaseOutage.isCause(t)) {
            return ApiExceptionHandler.databaseUnavailable(t);
        }
        if (exception instanceof MaxUploadSizeExceededException || status == 413) {
            status = 413;
        }
        ApiError body = ApiErrors.forStatus(status, null);
        return ResponseEntity.status(HttpStatusCode.valueOf(body.code())).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
