package io.waybill.api.inventory;

/** A transfer recorded: its ledger entry, and the reference that completes it (made up when none was given). */
public record TransferAnswer(LedgerEntryView ledgerEntry, String ref) {
}
