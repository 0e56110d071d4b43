package io.waybill.command.purchaseorder;

import io.waybill.command.access.AccessBook;
import org.springframework.stereotype.Component;

/** The organisation's setting that its purchase orders be approved before they are placed. */
interface ApprovalSetting {

    boolean required(String orgId);

    /** The setting as the organisation's access record holds it ({@code requirePurchaseOrderApproval}). */
    @Component
    class OfOrganisation implements ApprovalSetting {

        private final AccessBook book;

        OfOrganisation(AccessBook book) {
            this.book = book;
        }

        @Override
        public boolean required(String orgId) {
            return book.requiresPurchaseOrderApproval(orgId);
        }
    }
}
