package io.waybill.testing;

import io.waybill.api.DomainError;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.OperationRefusals;
import io.waybill.platform.web.RefusalObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;

import java.util.Map;

/**
 * Holds every refusal a test provokes to the codes the OpenAPI document lists for its operation. One it does not
 * list is answered as {@code internal_error} naming it, so the test that provoked it fails and the document is put
 * right. With {@code WAYBILL_REFUSALS=observe} in the environment it is only logged, to list them all in one run.
 */
public class DocumentedRefusals implements RefusalObserver {

    private static final Logger log = LoggerFactory.getLogger(DocumentedRefusals.class);

    @Override
    public DomainError observe(HandlerMethod handler, String pattern, DomainError error) {
        ErrorCode code = ErrorCode.fromCode(error.code());
        if (OperationRefusals.of(handler, pattern).contains(code)) {
            return error;
        }
        String refusal = code.code() + " answered by " + handler.getBeanType().getSimpleName() + "."
                + handler.getMethod().getName() + " (" + pattern + ")";
        log.error("Undocumented refusal: {}: {}", refusal, error.message());
        if ("observe".equals(System.getenv("WAYBILL_REFUSALS"))) {
            return error;
        }
        return new DomainError(ErrorCode.INTERNAL_ERROR.code(), "the API document does not list " + refusal + "; it "
                + "answered: " + error.message(), Map.of("undocumented", code.code()));
    }
}
