package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV02;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV02;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.CashAccount20;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
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

    // ---- version 02 (camt.053.001.02, camt.054.001.02) ----

    /** The statement's fields, or null if the document has no statement body. */
    static RawMessage statement02(MxCamt05300102 message) {
        BankToCustomerStatementV02 body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), statement -> account02(statement.getAcct(), statement.getNtry())));
    }

    /** The notification's fields, or null if the document has no notification body. */
    static RawMessage notification02(MxCamt05400102 message) {
        BankToCustomerDebitCreditNotificationV02 body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), notification -> account02(notification.getAcct(), notification.getNtry())));
    }

    private static RawAccount account02(CashAccount20 account, List<ReportEntry2> entries) {
        return new RawAccount(account == null ? null : iban(account.getId()), map(entries, CamtReader::entry02));
    }

    private static RawEntry entry02(ReportEntry2 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        for (EntryDetails1 details : entry.getNtryDtls()) {
            transactions.addAll(map(details.getTxDtls(), CamtReader::transaction02));
        }
        return new RawEntry(reference(entry.getNtryRef(), entry.getAcctSvcrRef()), RawAmount.of(entry.getAmt()),
                entry.getCdtDbtInd(), entry.getSts() == null ? null : entry.getSts().value(),
                date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction02(EntryTransaction2 transaction) {
        String endToEndId = transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId();
        boolean hasReturn = transaction.getRtrInf() != null;
        return new RawTransaction(endToEndId, RawAmount.transaction(transaction.getAmtDtls()), null, hasReturn,
                hasReturn ? reason(transaction.getRtrInf().getRsn()) : null,
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
    }

    // ---- version 08 (camt.053.001.08, camt.054.001.08) ----

    /** The statement's fields, or null if the document has no statement body. */
    static RawMessage statement08(MxCamt05300108 message) {
        BankToCustomerStatementV08 body = message.getBkToCstmrStmt();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getStmt(), statement -> account08(statement.getAcct(), statement.getNtry())));
    }

    /** The notification's fields, or null if the document has no notification body. */
    static RawMessage notification08(MxCamt05400108 message) {
        BankToCustomerDebitCreditNotificationV08 body = message.getBkToCstmrDbtCdtNtfctn();
        return body == null ? null : new RawMessage(body.getGrpHdr() == null ? null : body.getGrpHdr().getMsgId(),
                map(body.getNtfctn(), notification -> account08(notification.getAcct(), notification.getNtry())));
    }

    private static RawAccount account08(CashAccount39 account, List<ReportEntry10> entries) {
        return new RawAccount(account == null ? null : iban(account.getId()), map(entries, CamtReader::entry08));
    }

    private static RawEntry entry08(ReportEntry10 entry) {
        List<RawTransaction> transactions = new ArrayList<>();
        for (EntryDetails9 details : entry.getNtryDtls()) {
            transactions.addAll(map(details.getTxDtls(), CamtReader::transaction08));
        }
        String status = entry.getSts() == null ? null
                : entry.getSts().getCd() != null ? entry.getSts().getCd() : entry.getSts().getPrtry();
        return new RawEntry(reference(entry.getNtryRef(), entry.getAcctSvcrRef()), RawAmount.of(entry.getAmt()),
                entry.getCdtDbtInd(), status, date(entry.getBookgDt()), transactions);
    }

    private static RawTransaction transaction08(EntryTransaction10 transaction) {
        String endToEndId = transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId();
        RawAmount amount = transaction.getAmt() != null
                ? RawAmount.of(transaction.getAmt())
                : RawAmount.transaction(transaction.getAmtDtls());
        boolean hasReturn = transaction.getRtrInf() != null;
        return new RawTransaction(endToEndId, amount, transaction.getCdtDbtInd(), hasReturn,
                hasReturn ? reason(transaction.getRtrInf().getRsn()) : null,
                transaction.getRmtInf() == null ? List.of() : transaction.getRmtInf().getUstrd());
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

    private static void entry(String path, String iban, RawEntry entry, List<BankEntry> out, List<IsoRefusal> refusals) {
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
                CreditDebitCode direction = transaction.direction() != null ? transaction.direction() : entry.direction();
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

    private static String reference(String entryReference, String servicerReference) {
        return entryReference != null ? entryReference : servicerReference;
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
