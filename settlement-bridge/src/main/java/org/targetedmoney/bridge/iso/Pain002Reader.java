package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.MxPain00200104;
import com.prowidesoftware.swift.model.mx.MxPain00200105;
import com.prowidesoftware.swift.model.mx.MxPain00200106;
import com.prowidesoftware.swift.model.mx.MxPain00200107;
import com.prowidesoftware.swift.model.mx.MxPain00200108;
import com.prowidesoftware.swift.model.mx.MxPain00200109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.TransactionGroupStatus3Code;
import com.prowidesoftware.swift.model.mx.dic.TransactionIndividualStatus3Code;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads pain.002 status reports from Prowide's typed model into a {@link StatusReport}: a per-version adapter
 * copies the fields into version-neutral {@link Raw} records, one set of rules ({@link #report}) checks them.
 *
 * <p>Each version has its own generated classes with the same field names, so the adapters are the same text over
 * different types; statuses are enums up to version 07 and strings (external code lists) from 08.
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

    // ---- per-version adapters: each returns null if the document has no report body ----

    static Raw version03(MxPain00200103 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version04(MxPain00200104 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version05(MxPain00200105 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version06(MxPain00200106 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version07(MxPain00200107 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version08(MxPain00200108 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version09(MxPain00200109 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
    }

    static Raw version10(MxPain00200110 message) {
        var report = message.getCstmrPmtStsRpt();
        if (report == null) {
            return null;
        }
        var group = report.getOrgnlGrpInfAndSts();
        List<RawInstruction> instructions = new ArrayList<>();
        for (var instruction : report.getOrgnlPmtInfAndSts()) {
            List<RawTransaction> transactions = new ArrayList<>();
            for (var transaction : instruction.getTxInfAndSts()) {
                transactions.add(new RawTransaction(transaction.getOrgnlEndToEndId(), code(transaction.getTxSts()),
                        firstReason(transaction.getStsRsnInf(), reason -> reason.getRsn())));
            }
            instructions.add(new RawInstruction(code(instruction.getPmtInfSts()), transactions));
        }
        return new Raw(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                group == null ? null : group.getOrgnlMsgId(), group == null ? null : code(group.getGrpSts()),
                instructions);
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

    /** The first status reason's code (Cd, else Prtry), or null. */
    private static <R> String firstReason(List<R> reasons, Function<R, StatusReason6Choice> reason) {
        if (reasons.isEmpty()) {
            return null;
        }
        StatusReason6Choice first = reason.apply(reasons.get(0));
        if (first == null) {
            return null;
        }
        return first.getCd() != null ? first.getCd() : first.getPrtry();
    }

    private static String code(String status) {
        return status;
    }

    private static String code(TransactionGroupStatus3Code status) {
        return status == null ? null : status.value();
    }

    private static String code(TransactionIndividualStatus3Code status) {
        return status == null ? null : status.value();
    }

    private static String firstNonNull(String first, String second, String third) {
        return first != null ? first : second != null ? second : third;
    }
}
