package com.ipexpert.edge.errors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A larger JSON body than {@link RequestBodyLimit#MAX_JSON_BYTES} for the requests a feature names (a case opened with
 * screenshots). The feature that owns those endpoints declares it as a bean.
 */
public interface JsonBodyAllowance {
    /** The bytes this request's body may hold, or 0 when this allowance is not for it. */
    long maxBytes(HttpServletRequest request);
}
