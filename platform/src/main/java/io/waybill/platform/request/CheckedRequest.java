package io.waybill.platform.request;

/** A request with rules that span its fields, checked after each field has been read and validated. */
public interface CheckedRequest {

    void check(Problems problems);
}
