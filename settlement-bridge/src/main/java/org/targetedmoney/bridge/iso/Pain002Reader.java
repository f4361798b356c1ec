package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV03;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInformation1;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransactionInformation25;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation8;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pain.002 status reports from Prowide's typed model into a {@link StatusReport}: a per-version adapter
 * copies the fields into version-neutral {@link Raw} records, one set of rules checks them.
 */
final class Pain002Reader {
    /** The fields of a status report, whatever the version. */
    record Raw(String messageId, String originalMessageId, String groupStatus, List<RawInstruction> instructions) {
    }

    record RawInstruction(String status, List<RawTransaction> transactions) {
    }

    record RawTransaction(String originalEndToEndId, String status, String reasonCode) {
    }

    private Pain002Reader() {
    }

    /** The report's fields, or null if the document has no report body. */
    static Raw version03(MxPain00200103 message) {
        CustomerPaymentStatusReportV03 report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (OriginalPaymentInformation1 instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (PaymentTransactionInformation25 transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(),
                        transaction.getTxSts() == null ? null : transaction.getTxSts().value(),
                        firstReason03(transaction.getStsRsnInf())));
            }
            instructions.add(new RawInstruction(
                    instruction.getPmtInfSts() == null ? null : instruction.getPmtInfSts().value(), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(),
                group == null || group.getGrpSts() == null ? null : group.getGrpSts().value(), instructions);
    }

    /** The report's fields, or null if the document has no report body. */
    static Raw version10(MxPain00200110 message) {
        CustomerPaymentStatusReportV10 report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (OriginalPaymentInstruction32 instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (PaymentTransaction105 transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), transaction.getTxSts(),
                        firstReason10(transaction.getStsRsnInf())));
            }
            instructions.add(new RawInstruction(instruction.getPmtInfSts(), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : group.getGrpSts(), instructions);
    }

    /** The report, or null with the reasons added to {@code refusals}. */
    static StatusReport report(Raw raw, List<IsoRefusal> refusals) {
        int before = refusals.size();
        if (raw.messageId() == null) {
            refusals.add(CamtReader.missing("GrpHdr/MsgId", "the report has no message id"));
        }
        if (raw.originalMessageId() == null) {
            refusals.add(CamtReader.missing("OrgnlGrpInfAndSts/OrgnlMsgId", "the report names no original message"));
        }
        List<TransactionStatus> statuses = new ArrayList<>();
        for (int i = 0; i < raw.instructions().size(); i++) {
            RawInstruction instruction = raw.instructions().get(i);
            for (int j = 0; j < instruction.transactions().size(); j++) {
                String path = "OrgnlPmtInfAndSts[" + i + "]/TxInfAndSts[" + j + "]";
                RawTransaction transaction = instruction.transactions().get(j);
                // A transaction without its own status has its instruction's, else the group's.
                String status = firstNonNull(transaction.status(), instruction.status(), raw.groupStatus());
                if (transaction.originalEndToEndId() == null) {
                    refusals.add(CamtReader.missing(path + "/OrgnlEndToEndId", "a status without the transfer's id"));
                }
                if (status == null) {
                    refusals.add(CamtReader.missing(path + "/TxSts", "a transaction without a status"));
                }
                if (transaction.originalEndToEndId() != null && status != null) {
                    statuses.add(new TransactionStatus(transaction.originalEndToEndId(), status,
                            transaction.reasonCode()));
                }
            }
        }
        if (refusals.size() > before) {
            return null;
        }
        return new StatusReport(raw.messageId(), raw.originalMessageId(), raw.groupStatus(), statuses);
    }

    private static String firstReason03(List<StatusReasonInformation8> reasons) {
        return reasons.isEmpty() ? null : code(reasons.get(0).getRsn());
    }

    private static String firstReason10(List<StatusReasonInformation12> reasons) {
        return reasons.isEmpty() ? null : code(reasons.get(0).getRsn());
    }

    private static String code(StatusReason6Choice reason) {
        if (reason == null) {
            return null;
        }
        return reason.getCd() != null ? reason.getCd() : reason.getPrtry();
    }

    private static String firstNonNull(String first, String second, String third) {
        return first != null ? first : second != null ? second : third;
    }
}
