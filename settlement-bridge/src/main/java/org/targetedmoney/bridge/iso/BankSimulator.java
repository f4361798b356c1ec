package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.MxPain00800108;
import com.prowidesoftware.swift.model.mx.dic.CustomerDirectDebitInitiationV08;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation23;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction29;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader86;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A simulated bank, for tests and the demo: given a pain.001 file (or a pain.008 direct-debit file, see
 * {@link #answerDirectDebit}) it answers as a bank would, with a camt.054 notification of what it booked and a
 * pain.002 status report of what it accepted or refused; and it notifies
 * money received on a collection account ({@link #creditNotification}).
 *
 * <p>Deterministic: the same inputs give the same bytes (ids and dates come from the caller, file order is kept).
 * The pain.002 is validated against the official pain.002.001.10 schema.
 */
public final class BankSimulator {
    /** ISO external status and return reason codes are 1..4 letters or digits (e.g. AC04, AM04, MS03). */
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z0-9]{1,4}");

    private BankSimulator() {
    }

    /**
     * How the bank treats the file.
     *
     * @param notificationMessageId id of the camt.054 (also its notification id)
     * @param statusMessageId       id of the pain.002
     * @param createdAt             creation time written in both messages
     * @param bookingDate           booking (and value) date of every entry
     * @param rejected              end-to-end id to reason code (e.g. AC04, closed account): refused before execution,
     *                              RJCT in the pain.002, absent from the camt.054
     * @param returned              end-to-end id to reason code: executed (booked debit), then given back by the
     *                              creditor's bank (a booked credit with RtrInf in the same camt.054)
     */
    public record Instructions(String notificationMessageId, String statusMessageId, OffsetDateTime createdAt,
                               LocalDate bookingDate, Map<String, String> rejected, Map<String, String> returned) {
        public Instructions {
            Objects.requireNonNull(notificationMessageId, "notificationMessageId");
            Objects.requireNonNull(statusMessageId, "statusMessageId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(bookingDate, "bookingDate");
            rejected = Map.copyOf(rejected);
            returned = Map.copyOf(returned);
            for (String endToEndId : rejected.keySet()) {
                if (returned.containsKey(endToEndId)) {
                    throw new IllegalArgumentException(endToEndId + " cannot be both rejected and returned");
                }
            }
            for (String code : concat(rejected.values(), returned.values())) {
                if (!REASON_CODE.matcher(code).matches()) {
                    throw new IllegalArgumentException("reason code must be 1..4 of [A-Z0-9]: " + code);
                }
            }
        }
    }

    /**
     * The bank's answer.
     *
     * @param camt054 the camt.054.001.08 notification (UTF-8), or null if no transfer was executed (a bank then
     *                notifies nothing)
     * @param pain002 the pain.002.001.10 status report (UTF-8), schema-valid
     */
    public record Answer(byte[] camt054, byte[] pain002) {
        public Answer {
            Objects.requireNonNull(pain002, "pain002");
        }
    }

    /** The bank's answer to {@code pain001}; throws if the file is unreadable or an instruction names no transfer. */
    public static Answer answer(byte[] pain001, Instructions instructions) {
        MxPain00100109 file = MxPain00100109.parse(new String(pain001, StandardCharsets.UTF_8));
        if (file == null || file.getCstmrCdtTrfInitn() == null) {
            throw new IllegalArgumentException("not a pain.001.001.09 file");
        }
        CustomerCreditTransferInitiationV09 initiation = file.getCstmrCdtTrfInitn();
        Set<String> endToEndIds = new HashSet<>();
        for (PaymentInstruction30 instruction : initiation.getPmtInf()) {
            for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
                endToEndIds.add(transfer.getPmtId().getEndToEndId());
            }
        }
        for (String endToEndId : concat(instructions.rejected().keySet(), instructions.returned().keySet())) {
            if (!endToEndIds.contains(endToEndId)) {
                throw new IllegalArgumentException("no transfer " + endToEndId + " in file "
                        + initiation.getGrpHdr().getMsgId());
            }
        }
        byte[] camt054 = executedCount(initiation, instructions) == 0 ? null
                : ProwideXml.document(new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(notification(initiation,
                        instructions)));
        byte[] pain002 = ProwideXml.document(new MxPain00200110().setCstmrPmtStsRpt(statusReport(initiation,
                instructions)));
        IsoSchema.PAIN_002_001_10.requireValid(pain002, "simulated pain.002 " + instructions.statusMessageId());
        return new Answer(camt054, pain002);
    }

    /**
     * The bank's answer to a pain.008.001.08 direct-debit file, on the creditor's account: a booked credit per debit
     * collected (BkTxCd PMNT/IDDT/ESDD); for a debit {@code returned} (an R-transaction: refused by the debtor's
     * bank after settlement, or refunded), the credit and then a booked debit with RtrInf (PMNT/IDDT/UPDD) in the
     * same camt.054; a {@code rejected} debit is RJCT in the pain.002 and absent from the camt.054.
     */
    public static Answer answerDirectDebit(byte[] pain008, Instructions instructions) {
        MxPain00800108 file = MxPain00800108.parse(new String(pain008, StandardCharsets.UTF_8));
        if (file == null || file.getCstmrDrctDbtInitn() == null) {
            throw new IllegalArgumentException("not a pain.008.001.08 file");
        }
        CustomerDirectDebitInitiationV08 initiation = file.getCstmrDrctDbtInitn();
        String messageId = initiation.getGrpHdr().getMsgId();
        Set<String> endToEndIds = new HashSet<>();
        initiation.getPmtInf().forEach(i -> i.getDrctDbtTxInf().forEach(d -> endToEndIds.add(d.getPmtId()
                .getEndToEndId())));
        for (String endToEndId : concat(instructions.rejected().keySet(), instructions.returned().keySet())) {
            if (!endToEndIds.contains(endToEndId)) {
                throw new IllegalArgumentException("no direct debit " + endToEndId + " in file " + messageId);
            }
        }
        List<ReportEntry10> entries = new ArrayList<>();
        String creditorIban = null;
        List<OriginalPaymentInstruction32> reports = new ArrayList<>();
        int total = 0;
        int rejected = 0;
        for (PaymentInstruction29 instruction : initiation.getPmtInf()) {
            creditorIban = instruction.getCdtrAcct().getId().getIBAN();
            OriginalPaymentInstruction32 report = new OriginalPaymentInstruction32()
                    .setOrgnlPmtInfId(instruction.getPmtInfId());
            for (DirectDebitTransactionInformation23 debit : instruction.getDrctDbtTxInf()) {
                String endToEndId = debit.getPmtId().getEndToEndId();
                String reason = instructions.rejected().get(endToEndId);
                report.addTxInfAndSts(transactionStatus(endToEndId, reason));
                total++;
                if (reason != null) {
                    rejected++;
                    continue;
                }
                TransactionReferences6 references = new TransactionReferences6().setMsgId(messageId)
                        .setPmtInfId(instruction.getPmtInfId()).setEndToEndId(endToEndId);
                BigDecimal amount = debit.getInstdAmt().getValue();
                entries.add(entry(entries.size() + 1, amount, CreditDebitCode.CRDT, "IDDT", "ESDD",
                        new EntryTransaction10().setRefs(references).setAmt(eur(amount))
                                .setCdtDbtInd(CreditDebitCode.CRDT).setRmtInf(copy(debit.getRmtInf())), instructions));
                String returnReason = instructions.returned().get(endToEndId);
                if (returnReason != null) {
                    entries.add(entry(entries.size() + 1, amount, CreditDebitCode.DBIT, "IDDT", "UPDD",
                            new EntryTransaction10().setRefs(references).setAmt(eur(amount))
                                    .setCdtDbtInd(CreditDebitCode.DBIT)
                                    .setRtrInf(new PaymentReturnReason5().setRsn(new ReturnReason5Choice()
                                            .setCd(returnReason))), instructions));
                }
            }
            reports.add(report);
        }
        byte[] camt054 = entries.isEmpty() ? null : ProwideXml.document(new MxCamt05400108()
                .setBkToCstmrDbtCdtNtfctn(notification(creditorIban, entries, instructions)));
        byte[] pain002 = ProwideXml.document(new MxPain00200110().setCstmrPmtStsRpt(statusReport(messageId,
                "pain.008.001.08", total, rejected, reports, instructions)));
        IsoSchema.PAIN_002_001_10.requireValid(pain002, "simulated pain.002 " + instructions.statusMessageId());
        return new Answer(camt054, pain002);
    }

    private static PaymentTransaction105 transactionStatus(String endToEndId, String rejectReason) {
        PaymentTransaction105 status = new PaymentTransaction105().setOrgnlEndToEndId(endToEndId)
                .setTxSts(rejectReason == null ? "ACSC" : StatusReport.REJECTED);
        if (rejectReason != null) {
            status.addStsRsnInf(new StatusReasonInformation12().setRsn(new StatusReason6Choice().setCd(rejectReason)));
        }
        return status;
    }

    private static BankToCustomerDebitCreditNotificationV08 notification(String iban, List<ReportEntry10> entries,
                                                                         Instructions instructions) {
        AccountNotification17 account = new AccountNotification17().setId(instructions.notificationMessageId())
                .setCreDtTm(instructions.createdAt())
                .setAcct(new CashAccount39().setId(new AccountIdentification4Choice().setIBAN(iban)));
        entries.forEach(account::addNtry);
        return new BankToCustomerDebitCreditNotificationV08()
                .setGrpHdr(new GroupHeader81().setMsgId(instructions.notificationMessageId())
                        .setCreDtTm(instructions.createdAt()))
                .addNtfctn(account);
    }

    private static CustomerPaymentStatusReportV10 statusReport(String originalMessageId, String originalName,
                                                              int total, int rejected,
                                                              List<OriginalPaymentInstruction32> reports,
                                                              Instructions instructions) {
        String groupStatus = rejected == 0 ? "ACSC" : rejected == total ? StatusReport.REJECTED : "PART";
        CustomerPaymentStatusReportV10 statusReport = new CustomerPaymentStatusReportV10()
                .setGrpHdr(new GroupHeader86().setMsgId(instructions.statusMessageId())
                        .setCreDtTm(instructions.createdAt()))
                .setOrgnlGrpInfAndSts(new OriginalGroupHeader17().setOrgnlMsgId(originalMessageId)
                        .setOrgnlMsgNmId(originalName).setGrpSts(groupStatus));
        reports.forEach(statusReport::addOrgnlPmtInfAndSts);
        return statusReport;
    }

    private static int executedCount(CustomerCreditTransferInitiationV09 initiation, Instructions instructions) {
        int count = 0;
        for (PaymentInstruction30 instruction : initiation.getPmtInf()) {
            for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
                count += instructions.rejected().containsKey(transfer.getPmtId().getEndToEndId()) ? 0 : 1;
            }
        }
        return count;
    }

    private static BankToCustomerDebitCreditNotificationV08 notification(CustomerCreditTransferInitiationV09 initiation,
                                                                         Instructions instructions) {
        String messageId = initiation.getGrpHdr().getMsgId();
        List<ReportEntry10> entries = new ArrayList<>();
        String debtorIban = null;
        for (PaymentInstruction30 instruction : initiation.getPmtInf()) {
            debtorIban = instruction.getDbtrAcct().getId().getIBAN();
            for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
                String endToEndId = transfer.getPmtId().getEndToEndId();
                if (instructions.rejected().containsKey(endToEndId)) {
                    continue;
                }
                TransactionReferences6 references = new TransactionReferences6().setMsgId(messageId)
                        .setPmtInfId(instruction.getPmtInfId()).setEndToEndId(endToEndId);
                BigDecimal amount = transfer.getAmt().getInstdAmt().getValue();
                EntryTransaction10 debit = new EntryTransaction10().setRefs(references)
                        .setAmt(eur(amount)).setCdtDbtInd(CreditDebitCode.DBIT).setRmtInf(copy(transfer.getRmtInf()));
                entries.add(entry(entries.size() + 1, amount, CreditDebitCode.DBIT, "ICDT", "ESCT", debit, instructions));
                String returnReason = instructions.returned().get(endToEndId);
                if (returnReason != null) {
                    EntryTransaction10 credit = new EntryTransaction10().setRefs(references)
                            .setAmt(eur(amount)).setCdtDbtInd(CreditDebitCode.CRDT)
                            .setRtrInf(new PaymentReturnReason5().setRsn(new ReturnReason5Choice().setCd(returnReason)))
                            .setRmtInf(copy(transfer.getRmtInf()));
                    entries.add(entry(entries.size() + 1, amount, CreditDebitCode.CRDT, "ICDT", "RRTN", credit,
                            instructions));
                }
            }
        }
        AccountNotification17 account = new AccountNotification17().setId(instructions.notificationMessageId())
                .setCreDtTm(instructions.createdAt())
                .setAcct(new CashAccount39().setId(new AccountIdentification4Choice().setIBAN(debtorIban)));
        entries.forEach(account::addNtry);
        return new BankToCustomerDebitCreditNotificationV08()
                .setGrpHdr(new GroupHeader81().setMsgId(instructions.notificationMessageId())
                        .setCreDtTm(instructions.createdAt()))
                .addNtfctn(account);
    }

    /**
     * One booked entry per movement: family ICDT (issued credit transfers: sub-family ESCT, or RRTN for a return),
     * IDDT (issued direct debits: ESDD, or UPDD for an unpaid one) or RCDT (received credit transfers: ESCT, or
     * RRTN for a return).
     */
    private static ReportEntry10 entry(int sequence, BigDecimal amount, CreditDebitCode direction, String family,
                                       String subFamily, EntryTransaction10 transaction, Instructions instructions) {
        DateAndDateTime2Choice booked = new DateAndDateTime2Choice().setDt(instructions.bookingDate());
        return new ReportEntry10().setNtryRef("NTRY" + sequence).setAmt(eur(amount)).setCdtDbtInd(direction)
                .setSts(new EntryStatus1Choice().setCd(CamtReader.BOOKED)).setBookgDt(booked).setValDt(booked)
                .setBkTxCd(new BankTransactionCodeStructure4().setDomn(new BankTransactionCodeStructure5().setCd("PMNT")
                        .setFmly(new BankTransactionCodeStructure6().setCd(family).setSubFmlyCd(subFamily))))
                .addNtryDtls(new EntryDetails9().addTxDtls(transaction));
    }

    /**
     * Money a payer sent to one of the bridge's collection accounts (a member's contribution, a public credit).
     *
     * @param endToEndId         the payer's end-to-end id, or null (the bank then writes NOTPROVIDED)
     * @param amountCents        > 0
     * @param remittance         unstructured remittance (up to 140 characters), or null
     * @param returnReasonCode   null for money received; a reason code (e.g. AC04) for a credit that is a return
     */
    public record IncomingCredit(String endToEndId, long amountCents, String remittance, String returnReasonCode) {
        public IncomingCredit {
            if (amountCents <= 0) {
                throw new IllegalArgumentException("an incoming credit is > 0 cents: " + amountCents);
            }
            if (remittance != null && remittance.length() > 140) {
                throw new IllegalArgumentException("unstructured remittance is at most 140 characters");
            }
            if (returnReasonCode != null && !REASON_CODE.matcher(returnReasonCode).matches()) {
                throw new IllegalArgumentException("reason code must be 1..4 of [A-Z0-9]: " + returnReasonCode);
            }
        }

        /** Money received, with its end-to-end id and remittance. */
        public static IncomingCredit of(String endToEndId, long amountCents, String remittance) {
            return new IncomingCredit(endToEndId, amountCents, remittance, null);
        }
    }

    /**
     * A camt.054.001.08 notification of booked credits on {@code accountIban}, one entry each, whose entry
     * references are {@code messageId-1}, {@code messageId-2}... (unique per message id).
     */
    public static byte[] creditNotification(String messageId, OffsetDateTime createdAt, LocalDate bookingDate,
                                            String accountIban, List<IncomingCredit> credits) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(accountIban, "accountIban");
        if (credits.isEmpty()) {
            throw new IllegalArgumentException("a credit notification reports at least one credit");
        }
        Instructions dates = new Instructions(messageId, messageId, createdAt, bookingDate, Map.of(), Map.of());
        AccountNotification17 account = new AccountNotification17().setId(messageId).setCreDtTm(createdAt)
                .setAcct(new CashAccount39().setId(new AccountIdentification4Choice().setIBAN(accountIban)));
        for (int i = 0; i < credits.size(); i++) {
            IncomingCredit c = credits.get(i);
            BigDecimal amount = IsoAmounts.decimal(c.amountCents());
            EntryTransaction10 tx = new EntryTransaction10()
                    .setRefs(new TransactionReferences6().setEndToEndId(c.endToEndId() == null ? "NOTPROVIDED"
                            : c.endToEndId()))
                    .setAmt(eur(amount)).setCdtDbtInd(CreditDebitCode.CRDT);
            if (c.remittance() != null) {
                tx.setRmtInf(new RemittanceInformation16().addUstrd(c.remittance()));
            }
            if (c.returnReasonCode() != null) {
                tx.setRtrInf(new PaymentReturnReason5().setRsn(new ReturnReason5Choice().setCd(c.returnReasonCode())));
            }
            ReportEntry10 entry = entry(i + 1, amount, CreditDebitCode.CRDT, "RCDT",
                    c.returnReasonCode() == null ? "ESCT" : "RRTN", tx, dates);
            account.addNtry(entry.setNtryRef(messageId + "-" + (i + 1)));
        }
        return ProwideXml.document(new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(
                new BankToCustomerDebitCreditNotificationV08()
                        .setGrpHdr(new GroupHeader81().setMsgId(messageId).setCreDtTm(createdAt))
                        .addNtfctn(account)));
    }

    private static CustomerPaymentStatusReportV10 statusReport(CustomerCreditTransferInitiationV09 initiation,
                                                              Instructions instructions) {
        int total = 0;
        int rejected = 0;
        List<OriginalPaymentInstruction32> reports = new ArrayList<>();
        for (PaymentInstruction30 instruction : initiation.getPmtInf()) {
            OriginalPaymentInstruction32 report = new OriginalPaymentInstruction32()
                    .setOrgnlPmtInfId(instruction.getPmtInfId());
            for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
                String endToEndId = transfer.getPmtId().getEndToEndId();
                String reason = instructions.rejected().get(endToEndId);
                PaymentTransaction105 status = new PaymentTransaction105().setOrgnlEndToEndId(endToEndId)
                        .setTxSts(reason == null ? "ACSC" : StatusReport.REJECTED);
                if (reason != null) {
                    status.addStsRsnInf(new StatusReasonInformation12()
                            .setRsn(new StatusReason6Choice().setCd(reason)));
                    rejected++;
                }
                report.addTxInfAndSts(status);
                total++;
            }
            reports.add(report);
        }
        String groupStatus = rejected == 0 ? "ACSC" : rejected == total ? StatusReport.REJECTED : "PART";
        CustomerPaymentStatusReportV10 statusReport = new CustomerPaymentStatusReportV10()
                .setGrpHdr(new GroupHeader86().setMsgId(instructions.statusMessageId())
                        .setCreDtTm(instructions.createdAt()))
                .setOrgnlGrpInfAndSts(new OriginalGroupHeader17().setOrgnlMsgId(initiation.getGrpHdr().getMsgId())
                        .setOrgnlMsgNmId("pain.001.001.09").setGrpSts(groupStatus));
        reports.forEach(statusReport::addOrgnlPmtInfAndSts);
        return statusReport;
    }

    private static ActiveOrHistoricCurrencyAndAmount eur(BigDecimal amount) {
        return new ActiveOrHistoricCurrencyAndAmount().setValue(amount).setCcy(IsoAmounts.EUR);
    }

    private static RemittanceInformation16 copy(RemittanceInformation16 remittance) {
        if (remittance == null || remittance.getUstrd().isEmpty()) {
            return null;
        }
        RemittanceInformation16 copy = new RemittanceInformation16();
        remittance.getUstrd().forEach(copy::addUstrd);
        return copy;
    }

    /** Both collections' values, sorted, so that which problem is reported first does not depend on map order. */
    private static List<String> concat(Collection<String> first, Collection<String> second) {
        TreeSet<String> all = new TreeSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
