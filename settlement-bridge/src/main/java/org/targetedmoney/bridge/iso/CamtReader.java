package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300103;
import com.prowidesoftware.swift.model.mx.MxCamt05300104;
import com.prowidesoftware.swift.model.mx.MxCamt05300105;
import com.prowidesoftware.swift.model.mx.MxCamt05300106;
import com.prowidesoftware.swift.model.mx.MxCamt05300107;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400103;
import com.prowidesoftware.swift.model.mx.MxCamt05400104;
import com.prowidesoftware.swift.model.mx.MxCamt05400105;
import com.prowidesoftware.swift.model.mx.MxCamt05400106;
import com.prowidesoftware.swift.model.mx.MxCamt05400107;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction3;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction4;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction7;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction8;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction9;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry3;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry4;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry8;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry9;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads camt.053 / camt.054 content from Prowide's typed model into {@link BankEntry} values.
 *
 * <p>Each supported version has its own generated classes, so a small per-version adapter copies the fields the
 * bridge uses into version-neutral {@link RawMessage} records, and one set of rules ({@link #entries}) turns those into
 * entries or refusals. Within a version, camt.053 and camt.054 share their entry types.
 */
final class CamtReader {
    /** The entry status of a booked movement (the others, PDNG and INFO, may lack a booking date). */
    static final String BOOKED = "BOOK";

    /** The fields of a camt message, whatever the version. */
    record RawMessage(String messageId, List<RawAccount> accounts) {
    }

    /** The fields of an account report, whatever the version. */
    record RawAccount(String iban, List<RawEntry> entries) {
    }

    record RawEntry(String reference, RawAmount amount, CreditDebitCode direction, String status,
                    LocalDate bookingDate, List<RawTransaction> transactions) {
    }

    record RawTransaction(String endToEndId, RawAmount amount, CreditDebitCode direction, boolean hasReturn,
                          String returnReason, List<String> remittance) {
    }

    record RawAmount(BigDecimal value, String currency) {
        static RawAmount of(ActiveOrHistoricCurrencyAndAmount amount) {
            return amount == null ? null : new RawAmount(amount.getValue(), amount.getCcy());
        }

        static RawAmount transaction(AmountAndCurrencyExchange3 details) {
            return details == null || details.getTxAmt() == null ? null : of(details.getTxAmt().getAmt());
        }
    }

    private CamtReader() {
    }

    // ---- per-version adapters: the same fields under each version's generated class names ----
    // ReportEntry / EntryTransaction numbers by message version: 02 -> 2/2, 03 -> 3/3, 04 -> 4/4, 05 -> 7/7,
    // 06 -> 8/8, 07 -> 9/9, 08 -> 10/10. Version 02's transactions have no own amount or direction.

    static RawMessage statement02(MxCamt05300102 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry02))));
    }

    static RawMessage notification02(MxCamt05400102 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry02))));
    }

    private static RawEntry entry02(ReportEntry2 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction02)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction02(EntryTransaction2 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                null, transaction.getAmtDtls(), null,
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    static RawMessage statement03(MxCamt05300103 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry03))));
    }

    static RawMessage notification03(MxCamt05400103 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry03))));
    }

    private static RawEntry entry03(ReportEntry3 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction03)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction03(EntryTransaction3 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                transaction.getAmt(), transaction.getAmtDtls(), transaction.getCdtDbtInd(),
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    static RawMessage statement04(MxCamt05300104 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry04))));
    }

    static RawMessage notification04(MxCamt05400104 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry04))));
    }

    private static RawEntry entry04(ReportEntry4 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction04)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction04(EntryTransaction4 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                transaction.getAmt(), transaction.getAmtDtls(), transaction.getCdtDbtInd(),
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    static RawMessage statement05(MxCamt05300105 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry05))));
    }

    static RawMessage notification05(MxCamt05400105 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry05))));
    }

    private static RawEntry entry05(ReportEntry7 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction05)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction05(EntryTransaction7 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                transaction.getAmt(), transaction.getAmtDtls(), transaction.getCdtDbtInd(),
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    static RawMessage statement06(MxCamt05300106 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry06))));
    }

    static RawMessage notification06(MxCamt05400106 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry06))));
    }

    private static RawEntry entry06(ReportEntry8 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction06)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction06(EntryTransaction8 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                transaction.getAmt(), transaction.getAmtDtls(), transaction.getCdtDbtInd(),
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    static RawMessage statement07(MxCamt05300107 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry07))));
    }

    static RawMessage notification07(MxCamt05400107 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry07))));
    }

    private static RawEntry entry07(ReportEntry9 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction07)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction07(EntryTransaction9 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                transaction.getAmt(), transaction.getAmtDtls(), transaction.getCdtDbtInd(),
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    static RawMessage statement08(MxCamt05300108 message) {
        var body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry08))));
    }

    static RawMessage notification08(MxCamt05400108 message) {
        var body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), report -> new RawAccount(report.getAcct() == null ? null
                        : iban(report.getAcct().getId()), map(report.getNtry(), CamtReader::entry08))));
    }

    private static RawEntry entry08(ReportEntry10 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        entry.getNtryDtls().forEach(details ->
                transactions.addAll(map(details.getTxDtls(), CamtReader::transaction08)));
        return rawEntry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                status(entry.getSts()), date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction08(EntryTransaction10 transaction) {
        return rawTransaction(transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId(),
                transaction.getAmt(), transaction.getAmtDtls(), transaction.getCdtDbtInd(),
                transaction.getRtrInf() != null,
                transaction.getRtrInf() == null ? null : transaction.getRtrInf().getRsn(),
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    private static RawEntry rawEntry(String entryReference, String servicerReference,
                                     ActiveOrHistoricCurrencyAndAmount amount, CreditDebitCode direction, String status,
                                     LocalDate bookingDate, List<RawTransaction> transactions) {
        return new RawEntry(entryReference != null ? entryReference : servicerReference, RawAmount.of(amount),
                direction, status, bookingDate, transactions);
    }

    /** The amount is the transaction's own, else its AmtDtls/TxAmt; a return may lack its reason (then refused). */
    private static RawTransaction rawTransaction(String endToEndId, ActiveOrHistoricCurrencyAndAmount amount,
                                                 AmountAndCurrencyExchange3 details, CreditDebitCode direction,
                                                 boolean isReturn, ReturnReason5Choice returnReason,
                                                 List<String> remittance) {
        return new RawTransaction(endToEndId, amount != null ? RawAmount.of(amount) : RawAmount.transaction(details),
                direction, isReturn, reason(returnReason), remittance);
    }

    private static String status(EntryStatus2Code status) {
        return status == null ? null : status.value();
    }

    private static String status(EntryStatus1Choice status) {
        if (status == null) {
            return null;
        }
        return status.getCd() != null ? status.getCd() : status.getPrtry();
    }

    // ---- version-neutral rules ----

    /**
     * The entries of all accounts, or refusals added to {@code refusals}. {@code container} is the element name
     * of an account report (Ntfctn or Stmt), used in the refusals' paths.
     */
    static List<BankEntry> entries(String container, List<RawAccount> accounts, List<IsoRefusal> refusals) {
        if (accounts.isEmpty()) {
            refusals.add(missing(container, "no " + container + " element"));
        }
        List<BankEntry> entries = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            String path = container + "[" + i + "]";
            RawAccount account = accounts.get(i);
            if (account.iban() == null) {
                refusals.add(missing(path + "/Acct/Id/IBAN", "the account has no IBAN"));
            }
            for (int j = 0; j < account.entries().size(); j++) {
                entry(path + "/Ntry[" + j + "]", account.iban(), account.entries().get(j), entries, refusals);
            }
        }
        return entries;
    }

    private static void entry(String path, String iban, RawEntry entry, List<BankEntry> out,
                              List<IsoRefusal> refusals) {
        int before = refusals.size();
        OptionalLong entryCents = cents(path + "/Amt", entry.amount(), refusals);
        if (entry.direction() == null) {
            refusals.add(missing(path + "/CdtDbtInd", "the entry has no credit/debit indicator"));
        }
        if (entry.status() == null) {
            refusals.add(missing(path + "/Sts", "the entry has no status"));
        } else if (BOOKED.equals(entry.status()) && entry.bookingDate() == null) {
            refusals.add(missing(path + "/BookgDt", "a booked entry has no booking date (or not an ISO date)"));
        }
        List<RawTransaction> transactions = entry.transactions();
        if (transactions.isEmpty()) {
            if (refusals.size() == before) {
                out.add(new BankEntry(iban == null ? "" : iban, entry.reference(), entryCents.orElseThrow(),
                        entry.direction() == CreditDebitCode.CRDT, entry.status(), entry.bookingDate(),
                        null, null, null));
            }
            return;
        }
        for (int k = 0; k < transactions.size(); k++) {
            String txPath = path + "/NtryDtls/TxDtls[" + k + "]";
            RawTransaction transaction = transactions.get(k);
            OptionalLong cents = transaction.amount() != null || transactions.size() > 1
                    ? cents(txPath + "/Amt", transaction.amount(), refusals)
                    : entryCents;
            if (transaction.hasReturn() && transaction.returnReason() == null) {
                refusals.add(missing(txPath + "/RtrInf/Rsn/Cd", "a return without a reason code"));
            }
            if (refusals.size() == before) {
                CreditDebitCode direction =
                        transaction.direction() != null ? transaction.direction() : entry.direction();
                out.add(new BankEntry(iban == null ? "" : iban, entry.reference(), cents.orElseThrow(),
                        direction == CreditDebitCode.CRDT, entry.status(), entry.bookingDate(),
                        transaction.endToEndId(), transaction.returnReason(), remittance(transaction.remittance())));
            }
        }
    }

    private static OptionalLong cents(String path, RawAmount amount, List<IsoRefusal> refusals) {
        if (amount == null) {
            refusals.add(missing(path, "no amount"));
            return OptionalLong.empty();
        }
        return IsoAmounts.cents(path, amount.value(), amount.currency(), refusals);
    }

    static IsoRefusal missing(String path, String message) {
        return new IsoRefusal(IsoRefusal.MISSING_FIELD, path, path + ": " + message);
    }

    private static String iban(AccountIdentification4Choice id) {
        return id == null ? null : id.getIBAN();
    }

    private static String reason(ReturnReason5Choice reason) {
        if (reason == null) {
            return null;
        }
        return reason.getCd() != null ? reason.getCd() : reason.getPrtry();
    }

    private static String remittance(List<String> lines) {
        return lines.isEmpty() ? null : String.join(" ", lines);
    }

    private static LocalDate date(DateAndDateTimeChoice choice) {
        return choice == null ? null : date(choice.getDt(), choice.getDtTm());
    }

    private static LocalDate date(DateAndDateTime2Choice choice) {
        return choice == null ? null : date(choice.getDt(), choice.getDtTm());
    }

    private static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
        if (date != null) {
            return date;
        }
        return dateTime == null ? null : dateTime.toLocalDate();
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        List<B> mapped = new ArrayList<>(values.size());
        for (A value : values) {
            mapped.add(mapping.apply(value));
        }
        return mapped;
    }
}
